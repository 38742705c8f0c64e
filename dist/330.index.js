export const id = 330;
export const ids = [330];
export const modules = {

/***/ 330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lookUpPullRequestBatches: () => (/* binding */ lookUpPullRequestBatches),
  recordCancelOutcomes: () => (/* binding */ recordCancelOutcomes)
});

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/report/error-message.ts
var error_message = __webpack_require__(842);
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
        const { last, attempts, exhausted } = await (0,send_with_retries/* sendWithRetries */.HI)(() => context.transport(request), label, context);
        if (last.kind === 'network-failure') {
            const reason = exhausted ? `gave up after ${attempts} attempts: ${last.reason}` : last.reason;
            throw new TypeError('fetch failed', { cause: new GitHubUnreachable(reason) });
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

// EXTERNAL MODULE: ./src/github/records-comment.ts + 1 modules
var records_comment = __webpack_require__(591);
// EXTERNAL MODULE: ./src/github/records.ts
var github_records = __webpack_require__(997);
;// CONCATENATED MODULE: ./src/github/records-store.ts


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
        for (let attempt = 1; attempt <= MAX_WRITE_TRIES; attempt++) {
            const ours = await this.ownComments();
            const current = this.recordsIn(ours);
            const [kept, ...extra] = ours;
            if (kept && extra.length === 0 && (0,github_records/* holdsChanges */.Oh)(current, changes))
                return { records: current, commentUrl: kept.url };
            const body = (0,records_comment/* renderRecordsComment */.E6)((0,github_records/* applyChanges */.YF)(current, changes));
            if (kept)
                await this.api.updateComment(kept.id, body);
            else
                await this.api.createComment(this.pullRequest, body);
            for (const comment of extra)
                await this.deleteIfThere(comment);
            await this.options.sleep(50 + Math.floor(this.options.random() * 200));
        }
        throw new Error(`the records comment of pull request #${this.pullRequest} kept changing: after ${MAX_WRITE_TRIES} tries it still did not hold this step's changes`);
    }
    /** The trusted login's record comments, oldest first; a warning for each look-alike by anyone else. */
    async ownComments() {
        const marked = (await this.api.listComments(this.pullRequest)).filter((comment) => comment.body.includes(records_comment/* RECORDS_MARKER */.WU));
        const { trustedLogin } = this.options;
        for (const comment of marked) {
            if (comment.author === trustedLogin)
                continue;
            this.warnOnce(`Ignored a comment by ${comment.author} on pull request #${this.pullRequest} that looks like this action's record of batches (${comment.url}): only comments by ${trustedLogin}, whom the workflow's token acts as, are trusted.`);
        }
        return marked.filter((comment) => comment.author === trustedLogin).sort((a, b) => a.id - b.id);
    }
    recordsIn(comments) {
        return (0,github_records/* mergeRecords */.PI)(...comments.map((comment) => {
            const { records, problems } = (0,records_comment/* parseRecordsComment */.jW)(comment.body);
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

;// CONCATENATED MODULE: ./src/github/github-connection.ts






/** Runs one GitHub call; a failure becomes an error that says what was being done and what to do. */
async function calling(doing, call) {
    try {
        return await call();
    }
    catch (error) {
        throw new Error(describeGitHubFailure(error, doing));
    }
}
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
        userAgent: version/* USER_AGENT */._,
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

;// CONCATENATED MODULE: ./src/github/select-batches.ts

/**
 * Open records are cancelled; with `head` (only-superseded), only those recorded for another commit.
 * A record whose last cancel failed is open: it is tried again.
 */
function selectBatches(records, head) {
    const open = records.filter((record) => !(0,github_records/* isDone */.$L)(record));
    return {
        toCancel: open.filter((record) => head === undefined || record.commit !== head),
        alreadyDone: records.filter(github_records/* isDone */.$L),
        current: head === undefined ? [] : open.filter((record) => record.commit === head)
    };
}

;// CONCATENATED MODULE: ./src/github/pull-request-batches.ts


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


/***/ })

};
