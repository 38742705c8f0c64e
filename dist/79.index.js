export const id = 79;
export const ids = [79];
export const modules = {

/***/ 79:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  findSweepBatches: () => (/* binding */ findSweepBatches),
  sweepReport: () => (/* binding */ sweepReport),
  writeSweepOutcomes: () => (/* binding */ writeSweepOutcomes)
});

// EXTERNAL MODULE: ./src/github/github-failure.ts
var github_failure = __webpack_require__(423);
// EXTERNAL MODULE: ./src/helpers/counted.ts
var counted = __webpack_require__(487);
// EXTERNAL MODULE: ./src/helpers/error-message.ts
var error_message = __webpack_require__(529);
;// CONCATENATED MODULE: ./src/http/request-counter.ts
/** A transport that counts the requests sent through it (retries included), for a report of what a run cost. */
class RequestCounter {
    inner;
    count = 0;
    constructor(inner) {
        this.inner = inner;
    }
    transport = (request) => {
        this.count++;
        return this.inner(request);
    };
}

// EXTERNAL MODULE: ./src/records/github-connection.ts + 10 modules
var github_connection = __webpack_require__(908);
// EXTERNAL MODULE: ./src/records/pull-request-batches.ts
var pull_request_batches = __webpack_require__(586);
// EXTERNAL MODULE: ./src/helpers/iso-seconds.ts
var iso_seconds = __webpack_require__(876);
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
    return (0,iso_seconds/* isoSeconds */.n)(now - days * 86_400_000);
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








/** Finds what the sweep cancels. Never throws: a failure is in the report. */
async function findSweepBatches(config, info) {
    const requests = new RequestCounter(config.transport);
    const since = sweepSince(config.now(), config.days);
    const window = { mode: config.mode, days: config.days, since, found: 0, nothingOpen: 0, unresolved: [] };
    const found = await findPulls(config, requests, window).catch((error) => ({
        window: { ...window, listingFailure: `The sweep could not find the records: ${(0,error_message/* errorMessage */.g)(error)}` },
        pulls: []
    }));
    const part = { ...found, requests, batchIds: batchIdsOf(found.pulls) };
    for (const line of (0,sweep_report/* sweepLogLines */.wM)(sweepReport(part)))
        info(line);
    const unresolved = (0,sweep_report/* unresolvedWarning */.MI)(found.window);
    if (unresolved)
        config.warn(unresolved);
    return part;
}
/** The records comments of ours updated within the window, and the pull requests they are on. */
async function findPulls(config, requests, window) {
    const github = await (0,github_connection/* connectToGitHub */.t)({ ...config, transport: requests.transport });
    const listed = await (0,github_failure/* calling */.X_)(`Listing the repository's comments updated since ${window.since}`, () => github.api.listRepositoryComments(window.since));
    const ours = ourCommentsByPullRequest(listed, github.viewer);
    const numbers = [...ours.keys()].sort((a, b) => a - b);
    const states = await (0,github_failure/* calling */.X_)(`Reading the state of ${(0,counted/* counted */.h)(numbers.length, 'pull request')}`, () => github.api.pullRequests(numbers));
    const pulls = [];
    for (const number of numbers) {
        const pull = await lookAt(github, config, states.found.get(number), ours.get(number) ?? []);
        if (pull)
            pulls.push(pull);
    }
    const { unresolved } = states;
    const nothingOpen = numbers.length - pulls.length - unresolved.length;
    return { window: { ...window, found: numbers.length, nothingOpen, unresolved }, pulls };
}
/**
 * One pull request: what it has to cancel, or a problem; undefined when it has nothing (issues that
 * are not pull requests, open pull requests when only closed ones are swept, nothing open).
 */
async function lookAt(github, config, pull, comments) {
    if (!pull || (pull.open && config.mode === 'closed'))
        return undefined;
    const { number } = pull;
    const found = {
        ...(0,pull_request_batches/* noBatches */.gM)(number),
        url: `${config.serverUrl}/${config.repository}/pull/${number}`,
        state: pull.merged ? 'merged' : pull.open ? 'open' : 'closed',
        head: pull.head
    };
    try {
        const store = github.store(number);
        // The listing holds only comments updated within the window: read the rest when it may miss some.
        const complete = listingIsComplete(comments);
        const stored = await (0,github_failure/* calling */.X_)(`Reading the comments of pull request #${number}`, () => complete ? store.read(comments) : store.read());
        const report = { ...found, ...stored, ...sweepSelection(pull, stored.records) };
        if (report.toCancel.length === 0 && report.unreadable.length === 0)
            return undefined;
        return {
            report,
            ...(report.toCancel.length > 0 ? { writeBack: { store, ...(complete ? { listed: comments } : {}) } } : {})
        };
    }
    catch (error) {
        return { report: { ...found, failure: (0,error_message/* errorMessage */.g)(error) } };
    }
}
/** Writes each swept pull request's outcomes back, one at a time; a failure is reported for that pull request. */
async function writeSweepOutcomes(part, results, at) {
    const pulls = [];
    for (const pull of part.pulls)
        pulls.push(await writeBack(pull, results, at));
    return { ...part, pulls };
}
async function writeBack(pull, results, at) {
    const { report, writeBack } = pull;
    if (!writeBack)
        return pull;
    const changes = (0,pull_request_batches/* outcomeChanges */.c7)(report.toCancel, results, at);
    if (changes.length === 0)
        return pull;
    try {
        const stored = await writeBack.store.write(changes, writeBack.listed);
        return { ...pull, report: { ...report, commentUrl: stored.commentUrl } };
    }
    catch (error) {
        const failure = (0,github_failure/* describeGitHubFailure */.Po)(error, `The cancels happened, but the outcomes could not be written into the comment of pull request #${report.number}`);
        return { ...pull, report: { ...report, failure } };
    }
}
/** The sweep's report, with the GitHub requests made so far. */
function sweepReport(part) {
    return { ...part.window, swept: part.pulls.map((pull) => pull.report), githubRequests: part.requests.count };
}
function batchIdsOf(pulls) {
    return [...new Set(pulls.flatMap((pull) => pull.report.toCancel.map((record) => record.batchId)))];
}


/***/ })

};
