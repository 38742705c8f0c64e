export const id = 831;
export const ids = [831];
export const modules = {

/***/ 831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  findSweepBatches: () => (/* binding */ findSweepBatches),
  sweepReport: () => (/* binding */ sweepReport),
  writeSweepOutcomes: () => (/* binding */ writeSweepOutcomes)
});

// UNUSED EXPORTS: MAX_SWEEP_CREATING, WRITE_BACK_CREATING, WRITE_BACK_REQUESTS

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

// EXTERNAL MODULE: ./src/records/github-connection.ts + 6 modules
var github_connection = __webpack_require__(649);
// EXTERNAL MODULE: ./src/records/pull-request-batches.ts
var pull_request_batches = __webpack_require__(586);
// EXTERNAL MODULE: ./src/records/records-format.ts + 1 modules
var records_format = __webpack_require__(157);
// EXTERNAL MODULE: ./src/records/records-store.ts + 4 modules
var records_store = __webpack_require__(667);
// EXTERNAL MODULE: ./src/records/records.ts
var records_records = __webpack_require__(816);
// EXTERNAL MODULE: ./src/records/sweep.ts
var sweep = __webpack_require__(414);
// EXTERNAL MODULE: ./src/report/sweep-report.ts
var sweep_report = __webpack_require__(873);
;// CONCATENATED MODULE: ./src/cancel/leftover-sweep.ts











/**
 * What writing one pull request's outcomes back costs: the lease's 👀 and its removal, its comment
 * read by id, the update; three of them content-creating.
 */
const WRITE_BACK_REQUESTS = 4;
const WRITE_BACK_CREATING = 3;
/**
 * The most content-creating requests one run sends: under GitHub's 500 an hour, with room for the
 * record steps and cleanups of the same hour. (Sent a second apart, they stay within its 80 a minute.)
 */
const MAX_SWEEP_CREATING = 300;
/** Finds what the sweep cancels. Never throws: a failure is in the report. */
async function findSweepBatches(config, group) {
    const requests = new RequestCounter(config.transport);
    const since = (0,sweep/* sweepSince */.L_)(config.now(), config.days);
    const window = {
        mode: config.mode,
        days: config.days,
        since,
        found: 0,
        nothingOpen: 0,
        unresolved: [],
        budget: config.requestBudget,
        left: 0
    };
    const found = await findPulls(config, requests, window).catch((error) => ({
        window: { ...window, listingFailure: `The sweep could not find the records: ${(0,error_message/* errorMessage */.g)(error)}` },
        pulls: []
    }));
    const part = { ...found, requests, batchIds: batchIdsOf(found.pulls) };
    // The headline, with a line a pull request folded under it: a sweep may find hundreds.
    const [headline = '', ...lines] = (0,sweep_report/* sweepLogLines */.wM)(sweepReport(part));
    group(headline, lines);
    const unresolved = (0,sweep_report/* unresolvedWarning */.MI)(found.window);
    if (unresolved)
        config.warn(unresolved);
    if (found.window.left > 0 && found.pulls.length === 0)
        config.warn(`The sweep's budget of ${config.requestBudget} GitHub requests went on finding the records (${requests.count} requests): ` +
            `no pull request could be swept. Raise sweep-budget, or lower sweep-days so that fewer comments are listed.`);
    return part;
}
/** The records comments of ours updated within the window, and the pull requests they are on. */
async function findPulls(config, requests, window) {
    const github = await (0,github_connection/* connectToGitHub */.t)({ ...config, transport: requests.transport });
    const listed = await (0,github_failure/* calling */.X_)(`Listing the repository's comments updated since ${window.since}`, () => github.api.listRepositoryComments(window.since));
    const ours = (0,sweep/* ourCommentsByPullRequest */.EK)(listed, github.viewer);
    const numbers = oldestFirst(ours);
    const anchor = (0,records_store/* latestChange */.Y_)(listed);
    const states = await (0,github_failure/* calling */.X_)(`Reading the state of ${(0,counted/* counted */.h)(numbers.length, 'pull request')}`, () => github.api.pullRequests(numbers));
    const pulls = [];
    // The writes are counted ahead: a pull request is taken on only while its outcomes can be written back
    // within the budget; the rest are left as they are, for the next run.
    let writeBacks = 0;
    const fits = (writes) => requests.count + writes * WRITE_BACK_REQUESTS <= config.requestBudget &&
        writes * WRITE_BACK_CREATING <= MAX_SWEEP_CREATING;
    let stopped = numbers.length;
    for (const [index, number] of numbers.entries()) {
        if (!fits(writeBacks + 1)) {
            stopped = index;
            break;
        }
        const pull = await lookAt(github, config, states.found.get(number), ours.get(number) ?? [], anchor);
        if (!pull)
            continue;
        // Its own reading may have taken what its writing needed: then it waits for the next run with the rest.
        if (!fits(writeBacks + (pull.writeBack ? 1 : 0))) {
            stopped = index;
            break;
        }
        pulls.push(pull);
        if (pull.writeBack)
            writeBacks++;
    }
    const left = leftovers(config, numbers.slice(stopped), states.found, ours);
    const looked = new Set(numbers.slice(0, stopped));
    const { unresolved } = states;
    const nothingOpen = looked.size - pulls.length - unresolved.filter((number) => looked.has(number)).length;
    // Taken oldest leftovers first; sent and reported in the order of their numbers.
    pulls.sort((a, b) => a.report.number - b.report.number);
    return { window: { ...window, found: numbers.length, nothingOpen, unresolved, left }, pulls };
}
/**
 * One pull request: what it has to cancel, or a problem; undefined when it has nothing (issues that
 * are not pull requests, open pull requests when only closed ones are swept, nothing open).
 */
async function lookAt(github, config, pull, comments, anchor) {
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
        const complete = (0,sweep/* listingIsComplete */.C_)(comments);
        const stored = await (0,github_failure/* calling */.X_)(`Reading the comments of pull request #${number}`, () => complete ? store.read(comments) : store.read());
        const report = { ...found, ...stored, ...(0,sweep/* sweepSelection */.vG)(pull, stored.records) };
        if (report.toCancel.length === 0 && report.unreadable.length === 0)
            return undefined;
        return {
            report,
            ...(report.toCancel.length > 0 ? { writeBack: { store, ...(complete ? { listed: comments, anchor } : {}) } } : {})
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
        const stored = await writeBack.store.write(changes, writeBack.listed, writeBack.anchor);
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
/**
 * The pull requests, oldest leftovers first: by the last change of their records comments (a pull
 * request swept goes to the back, as writing its outcomes changes them), then by number. The same
 * comments give the same order, so a run left short continues where the last one stopped.
 */
function oldestFirst(ours) {
    const lastChange = (number) => Math.max(...(ours.get(number) ?? []).map((comment) => Date.parse(comment.updatedAt) || 0));
    return [...ours.keys()].sort((a, b) => lastChange(a) - lastChange(b) || a - b);
}
/**
 * Of the pull requests not looked at, those that may have something to cancel: by their comments as
 * listed when those hold all their records, else each counts.
 */
function leftovers(config, numbers, found, ours) {
    return numbers.filter((number) => {
        const pull = found.get(number);
        if (!pull || (pull.open && config.mode === 'closed'))
            return false;
        const comments = ours.get(number) ?? [];
        if (!(0,sweep/* listingIsComplete */.C_)(comments))
            return true;
        const records = (0,records_records/* mergeRecords */.PI)(...comments.map((comment) => (0,records_format/* readRecordsPart */.Ej)(comment.body).records));
        return (0,sweep/* sweepSelection */.vG)(pull, records).toCancel.length > 0;
    }).length;
}
function batchIdsOf(pulls) {
    return [...new Set(pulls.flatMap((pull) => pull.report.toCancel.map((record) => record.batchId)))];
}


/***/ })

};
