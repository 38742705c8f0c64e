export const id = 88;
export const ids = [88];
export const modules = {

/***/ 88:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  findSweepBatches: () => (/* binding */ findSweepBatches),
  writeSweepOutcomes: () => (/* binding */ writeSweepOutcomes)
});

// EXTERNAL MODULE: ./src/github/github-failure.ts
var github_failure = __webpack_require__(423);
// EXTERNAL MODULE: ./src/helpers/counted.ts
var counted = __webpack_require__(487);
// EXTERNAL MODULE: ./src/helpers/error-message.ts
var error_message = __webpack_require__(529);
// EXTERNAL MODULE: ./src/records/github-connection.ts + 9 modules
var github_connection = __webpack_require__(139);
// EXTERNAL MODULE: ./src/records/pull-request-batches.ts
var pull_request_batches = __webpack_require__(586);
// EXTERNAL MODULE: ./src/records/our-comment.ts
var our_comment = __webpack_require__(532);
// EXTERNAL MODULE: ./src/records/records-format.ts + 1 modules
var records_format = __webpack_require__(157);
// EXTERNAL MODULE: ./src/records/records.ts
var records = __webpack_require__(816);
// EXTERNAL MODULE: ./src/records/select-batches.ts
var select_batches = __webpack_require__(513);
;// CONCATENATED MODULE: ./src/records/sweep.ts




/** A sweep looks back this far: records comments last updated before it are not listed. */
function sweepSince(now, days) {
    return new Date(now - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** The comments of ours among the repository's, by the pull request they are on (the one rule of ours). */
function ourCommentsByPullRequest(comments, viewer) {
    const byNumber = new Map();
    for (const comment of comments) {
        if (!Number.isInteger(comment.issue) || !(0,our_comment/* isOurComment */.C)(comment, viewer))
            continue;
        byNumber.set(comment.issue, [...(byNumber.get(comment.issue) ?? []), comment]);
    }
    return byNumber;
}
/**
 * Whether the listed comments of ours hold all of a pull request's records, so that it need not be
 * read again: the first comment says how many there are in all, and the listing holds that many.
 * Comments not updated within the window are not listed, so anything less is read in full.
 */
function listingIsComplete(comments) {
    const parts = [...comments].sort((a, b) => a.id - b.id).map((comment) => (0,records_format/* readRecordsPart */.Ej)(comment.body));
    const [first] = parts;
    if (first?.kind !== 'readable' || first.total === undefined)
        return false;
    if (parts.some((part) => part.kind !== 'readable'))
        return false;
    return (0,records/* mergeRecords */.PI)(...parts.map((part) => part.records)).length === first.total;
}
/**
 * Which open records a sweep cancels on a pull request: every one on a closed pull request (merged
 * or not); on an open one (`sweep: superseded`), those recorded for commits other than its live head.
 */
function sweepSelection(pull, records) {
    return pull.open ? (0,select_batches/* selectBatches */.f)(records, pull.head) : (0,select_batches/* selectBatches */.f)(records);
}

// EXTERNAL MODULE: ./src/report/sweep-report.ts
var sweep_report = __webpack_require__(873);
;// CONCATENATED MODULE: ./src/cancel/leftover-sweep.ts
/**
 * The cancel step's sweep, loaded on demand (a chunk of its own in the bundle): finds the records
 * comments of ours on the repository's pull requests, and which of their batches to cancel; after the
 * cancels, writes each pull request's outcomes back, one pull request at a time. Every pull request is
 * attempted whatever happens to the others; a problem on one is reported for it, and fails the step
 * at the end.
 */







/** Finds what the sweep cancels. Never throws: a failure is in the report. */
async function findSweepBatches(config, info) {
    const counter = countingRequests(config.transport);
    const since = sweepSince(config.now(), config.days);
    const report = {
        mode: config.mode,
        days: config.days,
        since,
        found: 0,
        nothingOpen: 0,
        swept: [],
        get githubRequests() {
            return counter.count;
        }
    };
    const stores = new Map();
    try {
        const github = await (0,github_connection/* connectToGitHub */.t)({ ...config, transport: counter.transport });
        const listed = await (0,github_failure/* calling */.X_)(`Listing the repository's comments updated since ${since}`, () => github.api.listRepositoryComments(since));
        const ours = ourCommentsByPullRequest(listed, github.viewer);
        const numbers = [...ours.keys()].sort((a, b) => a - b);
        report.found = numbers.length;
        const pulls = await (0,github_failure/* calling */.X_)(`Reading the state of ${(0,counted/* counted */.h)(numbers.length, 'pull request')}`, () => github.api.pullRequests(numbers));
        for (const number of numbers) {
            const pull = pulls.get(number);
            // Issues that are not pull requests, and open pull requests when only closed ones are swept.
            if (!pull || (pull.open && config.mode === 'closed')) {
                report.nothingOpen++;
                continue;
            }
            const swept = {
                number,
                url: `${config.serverUrl}/${config.repository}/pull/${number}`,
                state: pull.merged ? 'merged' : pull.open ? 'open' : 'closed',
                head: pull.head,
                toCancel: [],
                current: [],
                unreadable: []
            };
            try {
                const store = github.store(number);
                const comments = ours.get(number) ?? [];
                // The listing holds only comments updated within the window: read the rest when it may miss some.
                const complete = listingIsComplete(comments);
                const stored = await (0,github_failure/* calling */.X_)(`Reading the comments of pull request #${number}`, () => complete ? store.read(comments) : store.read());
                const selection = sweepSelection(pull, stored.records);
                Object.assign(swept, {
                    commentUrl: stored.commentUrl,
                    toCancel: selection.toCancel,
                    current: selection.current,
                    unreadable: stored.unreadable
                });
                if (selection.toCancel.length > 0)
                    stores.set(number, { store, ...(complete ? { comments } : {}) });
            }
            catch (error) {
                swept.failure = (0,error_message/* errorMessage */.g)(error);
            }
            if (swept.toCancel.length > 0 || swept.failure || swept.unreadable.length > 0)
                report.swept.push(swept);
            else
                report.nothingOpen++;
        }
    }
    catch (error) {
        report.listingFailure = `The sweep could not find the records: ${(0,error_message/* errorMessage */.g)(error)}`;
    }
    for (const line of (0,sweep_report/* sweepLogLines */.wM)(report))
        info(line);
    const batchIds = [...new Set(report.swept.flatMap((pull) => pull.toCancel.map((record) => record.batchId)))];
    return { report, batchIds, stores };
}
/** Writes each swept pull request's outcomes back, one at a time; a failure is reported for that pull request. */
async function writeSweepOutcomes(part, results, at) {
    for (const pull of part.report.swept) {
        const { store, comments } = part.stores.get(pull.number) ?? {};
        if (!store)
            continue;
        const changes = (0,pull_request_batches/* outcomeChanges */.c7)(new Set(pull.toCancel.map((record) => record.batchId)), results, at);
        if (changes.length === 0)
            continue;
        try {
            const stored = await store.write(changes, comments);
            pull.commentUrl = stored.commentUrl;
        }
        catch (error) {
            pull.failure = (0,github_failure/* describeGitHubFailure */.Po)(error, `The cancels happened, but the outcomes could not be written into the comment of pull request #${pull.number}`);
        }
    }
}
/** A transport that counts the requests sent through it. */
function countingRequests(transport) {
    const counter = {
        count: 0,
        transport: (request) => {
            counter.count++;
            return transport(request);
        }
    };
    return counter;
}


/***/ })

};
