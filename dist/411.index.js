export const id = 411;
export const ids = [411];
export const modules = {

/***/ 411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lookUpPullRequest: () => (/* binding */ lookUpPullRequest),
  writeOutcomes: () => (/* binding */ writeOutcomes)
});

// EXTERNAL MODULE: ./src/helpers/error-message.ts
var error_message = __webpack_require__(529);
// EXTERNAL MODULE: ./src/report/pull-request-report.ts
var pull_request_report = __webpack_require__(390);
// EXTERNAL MODULE: ./src/http/send-with-retries.ts
var send_with_retries = __webpack_require__(418);
;// CONCATENATED MODULE: ./src/github/transport-fetch.ts

/**
 * The most bytes read of one GitHub reply. A page of 100 comments of GitHub's longest (65,536
 * characters) is about 20 MB at worst; real pages are a small fraction of that.
 */
const MAX_GITHUB_REPLY_BYTES = 32 * 1024 * 1024;
/** Carries how many attempts a GitHub request took, for the failure message. */
const ATTEMPTS_HEADER = 'x-nexrender-cancel-attempts';
/** Why GitHub gave no usable answer; Octokit reports it as the cause of its error. */
class GitHubUnreachable extends Error {
    constructor(reason) {
        super(reason);
        this.name = 'GitHubUnreachable';
    }
}
const METHODS = ['GET', 'POST', 'PATCH', 'DELETE'];
/** Headers the transport sets itself: the token goes in each request's own headers, and only there. */
const OWN_HEADERS = new Set(['authorization', 'user-agent', 'content-length', 'host']);
/**
 * A `fetch` for Octokit that sends through the action's own transport, so GitHub's API gets the same
 * care as Nexrender's: retries on network errors, 408, 429 and 5xx honouring `Retry-After`, a
 * deadline per attempt, a cap on the body, redirects never followed, proxies as the runner sets them.
 */
function fetchOverTransport(context) {
    return async (input, init = {}) => {
        const url = input instanceof Request ? input.url : String(input);
        // Octokit follows the `Link` headers of a reply when it pages: a link elsewhere must not get the token.
        if (new URL(url).origin !== new URL(context.apiUrl).origin) {
            throw new TypeError('fetch failed', {
                cause: new GitHubUnreachable(`refused to send the token to ${new URL(url).origin}, which is not the GitHub API at ${context.apiUrl}`)
            });
        }
        const method = (init.method ?? 'GET').toUpperCase();
        if (!METHODS.includes(method))
            throw new TypeError(`fetch failed`, { cause: new GitHubUnreachable(`${method} is not used`) });
        const headers = Object.fromEntries(Object.entries((init.headers ?? {}))
            .map(([name, value]) => [name.toLowerCase(), String(value)])
            .filter(([name]) => !OWN_HEADERS.has(name)));
        const request = {
            method,
            url,
            token: context.token,
            timeoutMs: context.timeoutMs,
            maxBodyBytes: MAX_GITHUB_REPLY_BYTES,
            headers,
            ...(typeof init.body === 'string' ? { body: init.body } : {}),
            interrupt: context.interrupt
        };
        const label = `GitHub ${method} ${new URL(url).pathname}`;
        const final = await (0,send_with_retries/* sendWithRetries */.HI)(() => context.transport(request), label, context);
        const { last, attempts } = final;
        if (last.kind === 'network-failure') {
            throw new TypeError('fetch failed', { cause: new GitHubUnreachable((0,send_with_retries/* finalReason */.Nt)(final, last.reason)) });
        }
        if (last.status >= 300 && last.status < 400 && last.status !== 304) {
            const target = last.location ? ` to ${last.location}` : '';
            throw new TypeError('fetch failed', {
                cause: new GitHubUnreachable(`HTTP ${last.status}: the GitHub API redirected${target}; the action never follows redirects, so the token stays with the API host`)
            });
        }
        const noBody = [204, 205, 304].includes(last.status);
        return new Response(noBody ? null : last.body, {
            status: last.status,
            statusText: last.statusText,
            headers: { ...last.headers, [ATTEMPTS_HEADER]: String(attempts) }
        });
    };
}

;// CONCATENATED MODULE: ./src/github/github-failure.ts


/** The `permissions:` block that lets the workflow's token read and write the pull request's comments. */
const PERMISSIONS_BLOCK = 'permissions:\n  pull-requests: write';
/**
 * One explanation of a failed GitHub call, for a person: what the action was doing, what GitHub said,
 * and what to do about it, with the `permissions:` block to add when the token may not.
 */
function describeGitHubFailure(error, doing) {
    const failure = error;
    if (failure.cause instanceof GitHubUnreachable)
        return `${doing}: the GitHub API gave no answer: ${failure.cause.message}`;
    if (typeof failure.status !== 'number')
        return `${doing}: ${(0,error_message/* errorMessage */.g)(error)}`;
    const attempts = Number(failure.response?.headers?.[ATTEMPTS_HEADER] ?? 1);
    const said = `HTTP ${failure.status}: ${failure.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '')}`;
    const after = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
    if (failure.status === 401)
        return `${doing}: ${said}: check \`github-token\`; the token is missing, mistyped or expired`;
    if (failure.status === 403 && /rate limit/i.test(failure.message)) {
        return `${doing}: ${said}${after}: the token's GitHub API rate limit is used up; try again later`;
    }
    if (failure.status === 403 || failure.status === 404) {
        const missing = failure.status === 404 ? ', or the pull request does not exist' : '';
        return (`${doing}: ${said}. The workflow's token needs pull-requests: write (or issues: write) to read and write the pull request's comments${missing}. ` +
            `Add to the workflow or the job:\n\n${PERMISSIONS_BLOCK}`);
    }
    return `${doing}: ${said}${after}`;
}
/** Runs one GitHub call; a failure becomes an error that says what was being done and what to do. */
async function calling(doing, call) {
    try {
        return await call();
    }
    catch (error) {
        throw new Error(describeGitHubFailure(error, doing), { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/github/github-api.ts
/** Who writes comments with the workflow's default token (an app installation token). */
const DEFAULT_TOKEN_LOGIN = 'github-actions[bot]';

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(747);
;// CONCATENATED MODULE: ./src/github/octokit-api.ts

/** Octokit's log goes nowhere: every failure reaches the step through the errors it throws. */
const QUIET = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
/** The action's GitHub calls, made by `@actions/github`'s Octokit. */
function octokitApi(config) {
    const [owner = '', repo = ''] = config.repository.split('/');
    // Giving `request` replaces @actions/github's defaults (its undici fetch) as a whole.
    const octokit = (0,github/* getOctokit */.Q)(config.token, {
        baseUrl: config.apiUrl,
        userAgent: config.userAgent,
        request: { fetch: config.fetch },
        log: QUIET
    });
    const asComment = (comment) => ({
        id: comment.id,
        body: comment.body ?? '',
        author: comment.user?.login ?? '',
        url: comment.html_url
    });
    return {
        async tokenLogin() {
            try {
                return (await octokit.rest.users.getAuthenticated()).data.login;
            }
            catch (error) {
                // An app installation token, the workflow's default among them, has no user to show.
                if (error.status === 403)
                    return undefined;
                throw error;
            }
        },
        async listComments(pullRequest) {
            const comments = await octokit.paginate(octokit.rest.issues.listComments, {
                owner,
                repo,
                issue_number: pullRequest,
                per_page: 100
            });
            return comments.map(asComment);
        },
        async createComment(pullRequest, body) {
            return asComment((await octokit.rest.issues.createComment({ owner, repo, issue_number: pullRequest, body })).data);
        },
        async updateComment(id, body) {
            return asComment((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data);
        },
        async deleteComment(id) {
            await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id });
        },
        async pullRequestHead(pullRequest) {
            return (await octokit.rest.pulls.get({ owner, repo, pull_number: pullRequest })).data.head.sha;
        }
    };
}

// EXTERNAL MODULE: ./src/inputs/batch-ids.ts
var batch_ids = __webpack_require__(954);
// EXTERNAL MODULE: ./src/inputs/input-error.ts
var input_error = __webpack_require__(354);
;// CONCATENATED MODULE: ./src/inputs/commit-input.ts

/** A full commit id: 40 hex digits (SHA-1), or 64 (SHA-256 repositories). */
const COMMIT_PATTERN = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** The `commit` input, lower-cased; undefined when empty. */
function parseCommit(raw) {
    const commit = raw.trim().toLowerCase();
    if (commit === '')
        return undefined;
    if (!COMMIT_PATTERN.test(commit)) {
        throw new InputError('commit', `must be a full commit id of 40 hex digits; got '${raw.slice(0, 70)}'`);
    }
    return commit;
}

// EXTERNAL MODULE: ./src/nexrender/cancel-reply.ts
var cancel_reply = __webpack_require__(680);
// EXTERNAL MODULE: ./src/helpers/is-record.ts
var is_record = __webpack_require__(287);
// EXTERNAL MODULE: ./src/helpers/markdown.ts
var markdown = __webpack_require__(384);
// EXTERNAL MODULE: ./src/records/record-state.ts
var record_state = __webpack_require__(657);
;// CONCATENATED MODULE: ./src/records/records.ts
function isDone(record) {
    return record.cancel !== undefined;
}
/**
 * Two views of the same batch made one. The merge is the same whichever comes first, so writers that
 * merge what they read always agree: the earliest recording stands, a cancel outcome beats none (the
 * later of two wins), and the latest failure is kept.
 */
function mergeRecord(a, b) {
    const [first, second] = compareRecorded(a, b) <= 0 ? [a, b] : [b, a];
    const cancel = latest(first.cancel, second.cancel);
    const failedAt = [first.failedAt, second.failedAt]
        .filter((at) => at !== undefined)
        .sort()
        .at(-1);
    const merged = { batchId: first.batchId, commit: first.commit, recordedAt: first.recordedAt };
    const runUrl = first.runUrl ?? second.runUrl;
    if (runUrl !== undefined)
        merged.runUrl = runUrl;
    if (cancel)
        merged.cancel = cancel;
    if (failedAt !== undefined)
        merged.failedAt = failedAt;
    return merged;
}
function latest(a, b) {
    if (!a || !b)
        return a ?? b;
    return a.at >= b.at ? a : b;
}
function compareRecorded(a, b) {
    return (a.recordedAt.localeCompare(b.recordedAt) ||
        a.commit.localeCompare(b.commit) ||
        (a.runUrl ?? '').localeCompare(b.runUrl ?? ''));
}
/** Every batch once, merged across the lists, oldest recording first. */
function mergeRecords(...lists) {
    const byBatch = new Map();
    for (const record of lists.flat()) {
        const known = byBatch.get(record.batchId);
        byBatch.set(record.batchId, known ? mergeRecord(known, record) : record);
    }
    return [...byBatch.values()].sort((a, b) => compareRecorded(a, b) || a.batchId.localeCompare(b.batchId));
}
/** The records with the changes made. Recording a batch that is already there keeps one record. */
function applyChanges(records, changes) {
    const added = changes.flatMap((change) => (change.kind === 'record' ? [change.record] : []));
    return mergeRecords(records, added).map((record) => {
        let changed = record;
        for (const change of changes) {
            if (change.kind === 'record' || change.batchId !== record.batchId)
                continue;
            const update = change.kind === 'cancelled'
                ? { ...record, cancel: { status: change.status, at: change.at } }
                : { ...record, failedAt: change.at };
            changed = mergeRecord(changed, update);
        }
        return changed;
    });
}
/** Whether the records already hold every change (another step's later outcome counts too). */
function holdsChanges(records, changes) {
    const byBatch = new Map(records.map((record) => [record.batchId, record]));
    return changes.every((change) => {
        const record = byBatch.get(change.kind === 'record' ? change.record.batchId : change.batchId);
        if (!record)
            return false;
        if (change.kind === 'record')
            return true;
        if (change.kind === 'cancelled')
            return record.cancel !== undefined && record.cancel.at >= change.at;
        return record.cancel !== undefined || (record.failedAt !== undefined && record.failedAt >= change.at);
    });
}

;// CONCATENATED MODULE: ./src/records/records-comment.ts







/** Opens the hidden part of the comment that holds the records; also how the comment is found again. */
const RECORDS_MARKER = '<!-- nexrender-cancel-batch-action:records';
const RECORDS_VERSION = 1;
/** GitHub refuses comments over 65,536 characters; keep room for the table. */
const MAX_COMMENT_CHARS = 60_000;
const MAX_TABLE_ROWS = 50;
/** The comment as people see it (a table of the batches), with the records as JSON in a hidden part. */
function renderRecordsComment(records) {
    // Done records go first when the comment grows too long: without them nothing would cancel them anyway.
    let kept = records;
    for (;;) {
        const body = composeComment(kept);
        if (body.length <= MAX_COMMENT_CHARS)
            return body;
        const oldestDone = kept.find(isDone);
        if (!oldestDone) {
            throw new Error(`the pull request has ${kept.length} open batches recorded, more than its comment can hold; cancel some first`);
        }
        kept = kept.filter((record) => record !== oldestDone);
    }
}
function composeComment(records) {
    const newestFirst = [...records].reverse();
    const rows = (0,markdown/* table */.tp)(['Batch', 'Commit', 'Run', 'Recorded', 'State'], newestFirst, MAX_TABLE_ROWS, (record) => [
        (0,markdown/* code */.aY)(record.batchId),
        (0,markdown/* code */.aY)(record.commit.slice(0, 7)),
        record.runUrl ? (0,markdown/* link */.nf)('run', record.runUrl) : '–',
        (0,record_state/* readableTime */.G)(record.recordedAt),
        (0,record_state/* describeState */.J)(record)
    ]);
    // Inside an HTML comment nothing may read as its end; JSON escapes inside strings keep the data as it is.
    const json = JSON.stringify({ version: RECORDS_VERSION, records })
        .replace(/-(?=-)/g, '\\u002d')
        .replace(/>/g, '\\u003e');
    return [
        '### Nexrender renders of this pull request',
        '',
        rows,
        '',
        '<sub>Kept by the Nexrender cancel-batch action: its cancel step reads this comment to find the renders to stop. Editing it can lose them.</sub>',
        '',
        `${RECORDS_MARKER}`,
        json,
        '-->'
    ].join('\n');
}
/**
 * The records in a comment body: the JSON after the marker, each record checked as an input would be.
 * A record that is not well formed is left out with a problem that says why; a comment without
 * readable records gives none.
 */
function parseRecordsComment(body) {
    const start = body.indexOf(RECORDS_MARKER);
    const end = body.indexOf('-->', start);
    if (start === -1 || end === -1)
        return { records: [], problems: ['it has no records part'] };
    let data;
    try {
        data = JSON.parse(body.slice(start + RECORDS_MARKER.length, end));
    }
    catch {
        return { records: [], problems: ['its records part is not JSON'] };
    }
    if (!(0,is_record/* isRecord */.u)(data) || data.version !== RECORDS_VERSION || !Array.isArray(data.records)) {
        return { records: [], problems: [`its records part is not version ${RECORDS_VERSION} of the format`] };
    }
    const records = [];
    const problems = [];
    for (const item of data.records) {
        const checked = checkRecord(item);
        if (typeof checked === 'string')
            problems.push(checked);
        else
            records.push(checked);
    }
    return { records, problems };
}
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** A well-formed record, or why it is not one. */
function checkRecord(item) {
    if (!(0,is_record/* isRecord */.u)(item))
        return 'a record is not an object';
    const { batchId, commit, runUrl, recordedAt, cancel, failedAt } = item;
    const shown = JSON.stringify(batchId)?.slice(0, 40) ?? 'nothing';
    if (typeof batchId !== 'string' || !batch_ids/* BATCH_ID_PATTERN */.g.test(batchId.toUpperCase())) {
        return `a record's batch id ${shown} is not a valid batch id`;
    }
    if (typeof commit !== 'string' || !COMMIT_PATTERN.test(commit))
        return `the record of ${batchId} has no valid commit`;
    if (typeof recordedAt !== 'string' || !ISO_TIME.test(recordedAt))
        return `the record of ${batchId} has no valid time`;
    const record = { batchId: batchId.toUpperCase(), commit, recordedAt };
    if (typeof runUrl === 'string' && /^https?:\/\//.test(runUrl))
        record.runUrl = runUrl;
    if ((0,is_record/* isRecord */.u)(cancel)) {
        const { status, at } = cancel;
        if (!cancel_reply/* CANCEL_STATUSES */.Y.includes(status) || typeof at !== 'string' || !ISO_TIME.test(at)) {
            return `the record of ${batchId} has a cancel outcome that is not well formed`;
        }
        record.cancel = { status: status, at };
    }
    if (typeof failedAt === 'string' && ISO_TIME.test(failedAt))
        record.failedAt = failedAt;
    return record;
}

;// CONCATENATED MODULE: ./src/records/records-store.ts


/** Tries at writing before giving up: each reads the comment back and merges again what others wrote. */
const MAX_WRITE_TRIES = 6;
/**
 * The batches recorded on one pull request, kept in one comment of the trusted login's. Only that
 * login's comments are read: anyone can comment on a public pull request, and a copy of the marker
 * in a stranger's comment would otherwise choose what the repository's Nexrender token cancels.
 */
class RecordsStore {
    api;
    pullRequest;
    options;
    /** Every read of the write loop meets the same comments: each warning is given once. */
    warned = new Set();
    constructor(api, pullRequest, options) {
        this.api = api;
        this.pullRequest = pullRequest;
        this.options = options;
    }
    async read() {
        const ours = await this.ownComments();
        return { records: this.recordsIn(ours), commentUrl: ours[0]?.url };
    }
    /**
     * Makes the changes in the comment (creating it on the first record) and reads it back until it
     * holds them: another step may have written its own in between, and each write merges what the
     * comment held. Extra comments of ours (two first records at once) are merged into the oldest.
     */
    async write(changes) {
        for (let writes = 0;; writes++) {
            const ours = await this.ownComments();
            const current = this.recordsIn(ours);
            const [kept, ...extra] = ours;
            if (kept && extra.length === 0 && holdsChanges(current, changes))
                return { records: current, commentUrl: kept.url };
            if (writes === MAX_WRITE_TRIES) {
                throw new Error(`the records comment of pull request #${this.pullRequest} kept changing: after ${MAX_WRITE_TRIES} tries it still did not hold this step's changes`);
            }
            // Another step wrote in between: fall out of step with it before writing again.
            if (writes > 0)
                await this.options.sleep(50 + Math.floor(this.options.random() * 200));
            const body = renderRecordsComment(applyChanges(current, changes));
            if (kept)
                await this.api.updateComment(kept.id, body);
            else
                await this.api.createComment(this.pullRequest, body);
            for (const comment of extra)
                await this.deleteIfThere(comment);
        }
    }
    /** The trusted login's record comments, oldest first; a warning for each look-alike by anyone else. */
    async ownComments() {
        const marked = (await this.api.listComments(this.pullRequest)).filter((comment) => comment.body.includes(RECORDS_MARKER));
        const { trustedLogin } = this.options;
        for (const comment of marked) {
            if (comment.author === trustedLogin)
                continue;
            this.warnOnce(`Ignored a comment by ${comment.author} on pull request #${this.pullRequest} that looks like this action's record of batches (${comment.url}): only comments by ${trustedLogin}, whom the workflow's token acts as, are trusted.`);
        }
        return marked.filter((comment) => comment.author === trustedLogin).sort((a, b) => a.id - b.id);
    }
    recordsIn(comments) {
        return mergeRecords(...comments.map((comment) => {
            const { records, problems } = parseRecordsComment(comment.body);
            for (const problem of problems)
                this.warnOnce(`The records comment ${comment.url}: ${problem}; that part is ignored.`);
            return records;
        }));
    }
    warnOnce(message) {
        if (this.warned.has(message))
            return;
        this.warned.add(message);
        this.options.warn(message);
    }
    async deleteIfThere(comment) {
        try {
            await this.api.deleteComment(comment.id);
        }
        catch (error) {
            // Another step merged and deleted it first.
            if (error.status !== 404)
                throw error;
        }
    }
}

;// CONCATENATED MODULE: ./src/records/records-connection.ts





/**
 * The records store of a pull request, reading only the comments of the login the token acts as:
 * the token's user for a personal token, asked of the API; github-actions[bot] for the workflow's
 * token, which has no user to ask about.
 */
async function openRecordsStore(config, pullRequest) {
    const api = octokitApi({
        token: config.token,
        apiUrl: config.apiUrl,
        repository: config.repository,
        userAgent: config.userAgent,
        fetch: fetchOverTransport(config)
    });
    const login = await calling('Finding whom the GitHub token acts as', () => api.tokenLogin());
    const store = new RecordsStore(api, pullRequest, {
        trustedLogin: login ?? DEFAULT_TOKEN_LOGIN,
        warn: config.warn,
        sleep: (ms) => config.sleep(ms, config.stopping),
        random: config.random
    });
    return { api, store };
}

;// CONCATENATED MODULE: ./src/records/select-batches.ts

/**
 * Open records are cancelled; with `head` (only-superseded), only those recorded for another commit.
 * A record whose last cancel failed is open: it is tried again.
 */
function selectBatches(records, head) {
    const open = records.filter((record) => !isDone(record));
    return {
        toCancel: open.filter((record) => head === undefined || record.commit !== head),
        alreadyDone: records.filter(isDone),
        current: head === undefined ? [] : open.filter((record) => record.commit === head)
    };
}

;// CONCATENATED MODULE: ./src/records/pull-request-batches.ts



async function lookUpPullRequestBatches(config) {
    const { pullRequest } = config;
    const { api, store } = await openRecordsStore(config, pullRequest);
    const stored = await calling(`Reading the comments of pull request #${pullRequest}`, () => store.read());
    const head = config.onlySuperseded
        ? (config.eventHead ??
            (await calling(`Reading the head commit of pull request #${pullRequest}`, () => api.pullRequestHead(pullRequest))))
        : undefined;
    return { ...stored, ...selectBatches(stored.records, head), head, store };
}
/**
 * Writes what became of the recorded batches into the comment: an answer makes the batch done, a
 * failure keeps it open with the time it failed; a batch never sent is left as it was.
 */
async function recordCancelOutcomes(batches, results, at) {
    const recorded = new Set(batches.records.map((record) => record.batchId));
    const changes = results.flatMap((result) => {
        if (!recorded.has(result.batchId))
            return [];
        if (result.outcome === 'answered')
            return [{ kind: 'cancelled', batchId: result.batchId, status: result.reply.status, at }];
        return result.interruption === 'not attempted' ? [] : [{ kind: 'cancel-failed', batchId: result.batchId, at }];
    });
    if (changes.length === 0)
        return batches;
    return calling(`Writing the outcomes into the comment of pull request #${batches.store.pullRequest}`, () => batches.store.write(changes));
}

;// CONCATENATED MODULE: ./src/pull-request-part.ts
/**
 * The cancel step's pull-request part, loaded on demand (a chunk of its own in the bundle), so that a
 * plain cancel never pays for the GitHub client at start-up: the records are read before the cancels,
 * and the outcomes written after. Neither throws: a failure is reported, and the step goes on.
 */



/**
 * Reads the batches recorded on the pull request. If that fails, the batches given by id are still
 * cancelled, and the step then fails naming the lookup.
 */
async function lookUpPullRequest(config, info) {
    const number = config.pullRequest;
    try {
        const batches = await lookUpPullRequestBatches(config);
        const { commentUrl, records, toCancel, alreadyDone, current, head } = batches;
        const report = { number, commentUrl, recorded: records, toCancel, alreadyDone, current, head };
        for (const line of (0,pull_request_report/* pullRequestLogLines */.w)(report))
            info(line);
        return { batches, report };
    }
    catch (error) {
        const lookupFailure = `Could not read the batches recorded on pull request #${number}: ${(0,error_message/* errorMessage */.g)(error)}`;
        info(lookupFailure);
        return { report: { number, lookupFailure, recorded: [], toCancel: [], alreadyDone: [], current: [] } };
    }
}
/** Writes the outcomes into the pull request's comment; if that fails the cancels still stand, with a warning. */
async function writeOutcomes(part, results, warn) {
    if (!part.batches)
        return;
    try {
        part.report.commentUrl = (await recordCancelOutcomes(part.batches, results, new Date().toISOString())).commentUrl;
    }
    catch (error) {
        part.report.updateFailure = (0,error_message/* errorMessage */.g)(error);
        warn(`The cancels happened, but the pull request's comment could not be updated: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
}


/***/ })

};
