export const id = 586;
export const ids = [586];
export const modules = {

/***/ 146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ WriteMayHaveLanded),
/* harmony export */   Pm: () => (/* binding */ GitHubAnswerUnusable),
/* harmony export */   nx: () => (/* binding */ GraphQLErrors),
/* harmony export */   qq: () => (/* binding */ WriteWindowClosed),
/* harmony export */   y_: () => (/* binding */ GitHubError),
/* harmony export */   yc: () => (/* binding */ GitHubUnreachable)
/* harmony export */ });
/** A GitHub call that GitHub answered with an error status (after the retries the policy allows). */
class GitHubError extends Error {
    status;
    githubMessage;
    headers;
    attempts;
    constructor(status, 
    /** GitHub's own message, without its link to the docs. */
    githubMessage, 
    /** The answer's headers, lower-cased: the rate-limit ones tell when a limit resets. */
    headers, attempts) {
        super(`HTTP ${status}: ${githubMessage}`);
        this.status = status;
        this.githubMessage = githubMessage;
        this.headers = headers;
        this.attempts = attempts;
        this.name = 'GitHubError';
    }
}
/**
 * A GraphQL query GitHub answered with errors, and with whatever `data` it could give beside them: a
 * caller that can use part of an answer reads it here.
 */
class GraphQLErrors extends GitHubError {
    errors;
    data;
    constructor(errors, data, headers, attempts = 1) {
        super(200, errors.map((error) => (typeof error.message === 'string' ? error.message : 'error')).join('; '), headers, attempts);
        this.errors = errors;
        this.data = data;
        this.name = 'GraphQLErrors';
    }
}
/** A GitHub call that got no answer: refused, DNS, TLS, timeouts, dropped connections. */
class GitHubUnreachable extends Error {
    nothingReached;
    /**
     * `nothingReached`: no attempt reached a server (refused, DNS): the address is the likelier cause
     * than GitHub, unlike a call that ran out of time or a run that was cancelled.
     */
    constructor(reason, nothingReached = false) {
        super(reason);
        this.nothingReached = nothingReached;
        this.name = 'GitHubUnreachable';
    }
}
/** A GitHub call whose answer cannot be used: a redirect, a body that is not what the call expects, another host. */
class GitHubAnswerUnusable extends Error {
    constructor(problem) {
        super(problem);
        this.name = 'GitHubAnswerUnusable';
    }
}
/**
 * A write that was not sent because it might have been applied after the writer's lease ran out; the
 * writer takes a new lease and starts again.
 */
class WriteWindowClosed extends Error {
    unsureEndedAt;
    constructor(
    /** When (by `now()`) an earlier attempt of it ended that GitHub may have applied, if one did. */
    unsureEndedAt) {
        super('the lease on the records comment would run out before this write could be applied; it was not sent');
        this.unsureEndedAt = unsureEndedAt;
        this.name = 'WriteWindowClosed';
    }
}
/**
 * A write that must not be applied twice (a comment's creation) whose attempt failed in a way GitHub may
 * have applied it anyway (5xx, timeout): it is not sent again before the caller has looked for it.
 */
class WriteMayHaveLanded extends Error {
    reason;
    endedAt;
    constructor(reason, 
    /** When (by `now()`) the attempt ended: GitHub applies it within APPLY_MARGIN_MS of that, or never. */
    endedAt) {
        super(`GitHub may have applied this write although it answered ${reason}; it is not sent again before looking`);
        this.reason = reason;
        this.endedAt = endedAt;
        this.name = 'WriteMayHaveLanded';
    }
}


/***/ }),

/***/ 423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Po: () => (/* binding */ describeGitHubFailure),
/* harmony export */   X_: () => (/* binding */ calling)
/* harmony export */ });
/* unused harmony export PERMISSIONS_BLOCK */
/* harmony import */ var _helpers_iso_seconds_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(876);
/* harmony import */ var _helpers_counted_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(487);
/* harmony import */ var _helpers_error_message_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(529);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(146);
/* harmony import */ var _rate_limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(418);





/** The `permissions:` block that lets the workflow's token read and write the pull request's comments. */
const PERMISSIONS_BLOCK = 'permissions:\n  pull-requests: write';
/**
 * One explanation of a failed GitHub call, for a person: what the action was doing, what GitHub said,
 * and what to do about it, with the `permissions:` block to add when the token may not.
 */
function describeGitHubFailure(error, doing, hints = {}) {
    if (error instanceof _github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubUnreachable */ .yc) {
        const check = error.nothingReached
            ? "; check github-api-url (the runner's GITHUB_API_URL unless given) and that the runner can reach it"
            : '';
        return `${doing}: the GitHub API could not be reached: ${error.message}${check}`;
    }
    if (!(error instanceof _github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_))
        return `${doing}: ${(0,_helpers_error_message_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}`;
    const said = `HTTP ${error.status}: ${error.githubMessage}`;
    const after = error.attempts > 1 ? ` (gave up after ${(0,_helpers_counted_js__WEBPACK_IMPORTED_MODULE_3__/* .counted */ .h)(error.attempts, 'attempt')})` : '';
    if (error.status === 401)
        return `${doing}: ${said}: check \`github-token\`; the token is missing, mistyped or expired`;
    const limit = rateLimitAdvice(error);
    if (limit)
        return `${doing}: ${said}: ${limit}`;
    if (error.status === 403 && /\block(ed)?\b/i.test(error.githubMessage)) {
        return (`${doing}: ${said}: the pull request's conversation is locked, and GitHub refuses to write in it. ` +
            'Unlock the conversation (in the pull request’s sidebar), then re-run this step; or cancel its batches with batch-id.');
    }
    if ((error.status === 403 || error.status === 404) && hints.fromFork) {
        return (`${doing}: ${said}. The pull request comes from a fork, and GitHub gives a fork's pull_request runs a read-only token whatever permissions: says. ` +
            'Record and cancel from a pull_request_target workflow instead, as the action\u2019s docs/forks.md shows.');
    }
    // GitHub answers 404 both for what does not exist and for what the token may not see: the likelier
    // first, a number that names no pull request of this repository.
    const exists = error.status === 404
        ? 'Check that the pull request exists in this repository (the pull-request input, or the event’s). If it does, the token cannot see it. '
        : '';
    if (error.status === 403 || error.status === 404) {
        return (`${doing}: ${said}. ${exists}The workflow's token needs pull-requests: write (or issues: write) to read and write the pull request's comments. ` +
            `Add to the workflow or the job:\n\n${PERMISSIONS_BLOCK}`);
    }
    return `${doing}: ${said}${after}`;
}
/**
 * When a refusal is one of GitHub's rate limits that outlasted the waiting, by the rule the waiting
 * follows (`rate-limits.ts`): what held, how long the action waited, and when to re-run.
 */
function rateLimitAdvice(error) {
    const limit = (0,_rate_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .gitHubRateLimit */ .Lw)({
        status: error.status,
        text: error.githubMessage,
        headers: error.headers,
        ...(error instanceof _github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GraphQLErrors */ .nx ? { graphqlErrorTypes: error.errors.map((item) => item.type) } : {})
    }, Date.now());
    if (!limit)
        return undefined;
    const bound = `the action waits at most ${_rate_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_RATE_LIMIT_WAITS */ .jr} times and ${_rate_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_RATE_LIMIT_WAIT_MS */ .r1 / 60_000} minutes in all`;
    const tries = error.attempts > 1 ? `after ${(0,_helpers_counted_js__WEBPACK_IMPORTED_MODULE_3__/* .counted */ .h)(error.attempts, 'attempt')}; ` : '';
    if (limit.kind === 'used up' && limit.resetAt !== undefined) {
        // With its date: a reset can be a day away, or already past while GitHub still refuses.
        const at = (0,_helpers_iso_seconds_js__WEBPACK_IMPORTED_MODULE_4__/* .isoSeconds */ .n)(limit.resetAt).slice(0, 16).replace('T', ' ');
        return `${limit.reason} until ${at} UTC (${tries}${bound}); re-run after that`;
    }
    // A used-up limit says so already; a secondary one is said to hold still.
    return `${limit.reason}${limit.kind === 'used up' ? '' : ' still held'} (${tries}${bound}); re-run later`;
}
/** Runs one GitHub call; a failure becomes an error that says what was being done and what to do. */
async function calling(doing, call, hints = {}) {
    try {
        return await call();
    }
    catch (error) {
        throw new Error(describeGitHubFailure(error, doing, hints), { cause: error });
    }
}


/***/ }),

/***/ 418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lw: () => (/* binding */ gitHubRateLimit),
/* harmony export */   dY: () => (/* binding */ rateLimitOfAnswer),
/* harmony export */   jr: () => (/* binding */ MAX_RATE_LIMIT_WAITS),
/* harmony export */   r1: () => (/* binding */ MAX_RATE_LIMIT_WAIT_MS)
/* harmony export */ });
/* unused harmony export SECONDARY_LIMIT_WAIT_MS */
/* harmony import */ var _http_json_body_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(181);
/* harmony import */ var _http_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(593);


/** The most times one GitHub request waits out a rate limit: each wait is followed by one more attempt. */
const MAX_RATE_LIMIT_WAITS = 5;
/** The longest GitHub's rate limits are waited out, in all, for one request. */
const MAX_RATE_LIMIT_WAIT_MS = 5 * 60_000;
/** A secondary limit that says nothing of when to come back: wait at least this, as GitHub documents. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;
/** The end of the year 9999, in ms: the latest time an ISO 8601 date in four digits names. */
const MAX_DATE_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/**
 * GitHub's rate-limit rule, the one both the waiting and the failure's wording read
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api,
 * https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api):
 * a limit is a 403 or 429 whose message names a secondary limit or with `x-ratelimit-remaining: 0`,
 * or GraphQL's HTTP 200 with an error of type `RATE_LIMITED`. Wait `retry-after` seconds if given,
 * else until `x-ratelimit-reset` when nothing remains, else at least a minute. Undefined for any
 * other answer, a 403 that is a missing permission among them.
 */
function gitHubRateLimit(signals, now) {
    const { status, text, headers } = signals;
    const graphqlLimited = status === 200 && (signals.graphqlErrorTypes ?? []).includes('RATE_LIMITED');
    const secondary = /secondary rate limit|abuse/i.test(text);
    const usedUp = headers['x-ratelimit-remaining'] === '0';
    const refused = (status === 403 || status === 429) && (secondary || usedUp);
    if (!graphqlLimited && !refused)
        return undefined;
    const kind = usedUp && !secondary ? 'used up' : 'secondary';
    const reason = kind === 'used up'
        ? `the token's GitHub ${graphqlLimited ? 'GraphQL' : 'API'} rate limit is used up`
        : "GitHub's secondary rate limit";
    const reset = Number(headers['x-ratelimit-reset']);
    // A reset beyond what a date can hold is no time at all: waited as a limit without one.
    const resetAt = usedUp && Number.isFinite(reset) && reset > 0 && reset * 1000 <= MAX_DATE_MS ? reset * 1000 : undefined;
    const asked = (0,_http_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfterMs */ .oR)(headers['retry-after'], now);
    if (asked !== undefined)
        return { kind, reason, waitMs: asked, ...(resetAt === undefined ? {} : { resetAt }) };
    // A second past the reset: GitHub's clock and this runner's need not agree to the millisecond.
    if (resetAt !== undefined)
        return { kind, reason, waitMs: Math.max(0, resetAt - now) + 1000, resetAt };
    return { kind, reason, waitMs: SECONDARY_LIMIT_WAIT_MS };
}
/** The rate limit an answer is, if any: for the waiting. */
function rateLimitOfAnswer(answer, now) {
    const { status, headers, body } = answer;
    // Every page is a 200: only one that names GraphQL's limit is parsed again.
    if (status === 200 && body.includes('RATE_LIMITED'))
        return gitHubRateLimit({ status, text: '', headers, graphqlErrorTypes: graphqlErrorTypes(body) }, now);
    if (status !== 403 && status !== 429)
        return undefined;
    return gitHubRateLimit({ status, text: body.toString('utf8'), headers }, now);
}
/** The `type` of each of a GraphQL answer's errors; none for any other body. */
function graphqlErrorTypes(body) {
    try {
        const { errors } = JSON.parse((0,_http_json_body_js__WEBPACK_IMPORTED_MODULE_0__/* .jsonTextOf */ .t)(body));
        return Array.isArray(errors) ? errors.map((error) => error?.type) : [];
    }
    catch {
        return [];
    }
}


/***/ }),

/***/ 876:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ isoSeconds)
/* harmony export */ });
/**
 * A time as ISO 8601 to the second (`2026-11-29T02:05:00Z`), as GitHub writes its times and the records
 * keep theirs: a time then compares the same before and after it was written.
 */
function isoSeconds(time) {
    return new Date(Math.floor(new Date(time).getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}


/***/ }),

/***/ 649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ connectToGitHub)
});

// UNUSED EXPORTS: MAX_GITHUB_ATTEMPT_MS

// EXTERNAL MODULE: ./src/helpers/quotable-url.ts
var quotable_url = __webpack_require__(388);
// EXTERNAL MODULE: ./src/http/send-with-retries.ts + 1 modules
var send_with_retries = __webpack_require__(9);
// EXTERNAL MODULE: ./src/http/json-body.ts
var json_body = __webpack_require__(181);
;// CONCATENATED MODULE: ./src/http/time-budget.ts
/**
 * A budget of `ms` from `now`, or the step's own when that ends first: a call never outlasts the
 * step's end, and the step's words for an unanswered request stay its own.
 */
function budgetWithin(now, ms, unanswered, outer) {
    const own = { endsAt: now + ms, unanswered };
    return outer && outer.endsAt <= own.endsAt ? outer : own;
}

// EXTERNAL MODULE: ./src/http/transport.ts
var transport = __webpack_require__(517);
// EXTERNAL MODULE: ./src/github/github-errors.ts
var github_errors = __webpack_require__(146);
;// CONCATENATED MODULE: ./src/github/github-routes.ts
/**
 * The method and the path (relative to the API's base URL) of a call: each `{name}` of the template
 * filled with its parameter, encoded; every other parameter given goes into the query string.
 */
function routeRequest(route, parameters) {
    const values = parameters;
    const [method, template] = route.split(' ');
    const filled = new Set();
    const path = template.replace(/\{(\w+)\}/g, (_, name) => {
        filled.add(name);
        return encodeURIComponent(textOf(name, values[name], route));
    });
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) {
        if (!filled.has(name) && value !== undefined)
            query.append(name, textOf(name, value, route));
    }
    const search = query.toString();
    return { method, path: search === '' ? path : `${path}?${search}` };
}
function textOf(name, value, route) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    throw new TypeError(`${route}: parameter ${name} must be a string, number or boolean, not ${typeof value}`);
}

// EXTERNAL MODULE: ./src/github/rate-limits.ts
var rate_limits = __webpack_require__(418);
;// CONCATENATED MODULE: ./src/github/write-spacing.ts
/**
 * GitHub asks integrations to wait at least a second between mutating requests
 * (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api): one step's
 * writes are sent one at a time, each at least this long after the one before it was sent.
 */
const MIN_WRITE_GAP_MS = 1000;
/**
 * Waits, before a mutating request is sent, until the gap since the step's last one is over; the
 * clock is the retry context's, so that in-process tests run it on a fake one. Writes asked for at
 * once go out in turn.
 */
function writeSpacing(context, gapMs = MIN_WRITE_GAP_MS) {
    let lastSentAt;
    let turn = Promise.resolve();
    return () => {
        const mine = turn.then(async () => {
            if (lastSentAt !== undefined) {
                // Never longer than the gap, even if the clock was set back meanwhile.
                const wait = Math.min(gapMs, lastSentAt + gapMs - context.now());
                if (wait > 0)
                    await context.sleep(wait, context.stopping);
            }
            lastSentAt = context.now();
        });
        turn = mine.catch(() => undefined);
        return mine;
    };
}

;// CONCATENATED MODULE: ./src/github/github-client.ts









/**
 * The most bytes read of one GitHub reply. A page of 100 comments of GitHub's longest (65,536
 * characters) is about 20 MB at worst; real pages are a small fraction of that.
 */
const MAX_GITHUB_REPLY_BYTES = 32 * 1024 * 1024;
/** The longest one GitHub call may take, its retries, rate-limit waits and pages included. */
const MAX_GITHUB_CALL_MS = 10 * 60_000;
/** The most pages one listing is read to: GitHub's longest in this action's use is a small fraction of it. */
const MAX_LISTING_PAGES = 500;
/** The most bytes read of one listing's pages in all. */
const MAX_LISTING_BYTES = 256 * 1024 * 1024;
/** What a request still without an answer when a call's time is over is reported as. */
const CALL_UNANSWERED = `no answer from the GitHub API within the ${MAX_GITHUB_CALL_MS / 60_000} minutes one GitHub call may take`;
/** Why a request of a call is not sent once the call's time is over. */
const CALL_OVER = `the ${MAX_GITHUB_CALL_MS / 60_000} minutes one GitHub call may take, its retries, rate-limit waits and pages included, were over. Check GitHub's status and the runner's network, then re-run`;
/** What to check when GitHub's answers do not let a call end. */
const CHECK_API = 'check github-api-url (or GITHUB_API_URL) and any proxy in front of the API; GitHub itself never answers so';
/**
 * The GitHub calls the action makes, over the action's own transport and retry policy, so that
 * GitHub's API gets the same care as Nexrender's: retries on network errors, 408, 429 and 5xx
 * honouring `Retry-After`, GitHub's rate limits waited out as it documents, a deadline per attempt,
 * a cap on the body, redirects never followed, and the token sent to the API's origin only.
 */
function createGitHubClient(config) {
    const origin = new URL(config.apiUrl).origin;
    const policy = {
        ...config.policy,
        waitOut: { askedToWait: rate_limits/* rateLimitOfAnswer */.dY, maxWaits: rate_limits/* MAX_RATE_LIMIT_WAITS */.jr, maxWaitMs: rate_limits/* MAX_RATE_LIMIT_WAIT_MS */.r1 }
    };
    const context = { ...config, policy };
    /** The time one call has, from now: its own, or the step's if that ends first. */
    const callBudget = () => budgetWithin(context.now(), MAX_GITHUB_CALL_MS, CALL_UNANSWERED, config.budget);
    const spaced = writeSpacing(context, MIN_WRITE_GAP_MS);
    const urlOf = (path) => (/^https?:\/\//.test(path) ? path : `${config.apiUrl}${path}`);
    async function request(method, path, options = {}, budget = callBudget()) {
        const url = urlOf(path);
        // A page link or any other address elsewhere must not get the token.
        if (new URL(url).origin !== origin) {
            throw new github_errors/* GitHubAnswerUnusable */.Pm(`refused to send the token to ${new URL(url).origin}, which is not the GitHub API at ${config.apiUrl}`);
        }
        const body = options.body === undefined ? undefined : JSON.stringify(options.body);
        const sent = {
            method,
            url,
            token: config.token,
            timeoutMs: config.timeoutMs,
            maxBodyBytes: MAX_GITHUB_REPLY_BYTES,
            headers: {
                accept: 'application/vnd.github+json',
                'x-github-api-version': '2022-11-28',
                ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' })
            },
            ...(body === undefined ? {} : { body }),
            interrupt: config.interrupt
        };
        const { notAfter, lookBeforeResending } = options;
        // GraphQL's queries read: only REST's other methods change anything.
        const mutating = method !== 'GET' && new URL(url).pathname !== new URL(graphqlPath(config.apiUrl)).pathname;
        /** The latest attempt GitHub may have applied without saying so. */
        let unsure;
        if (context.now() >= budget.endsAt)
            throw new github_errors/* GitHubUnreachable */.yc(`${method} ${new URL(url).pathname} was not sent: ${budget.unanswered === CALL_UNANSWERED ? CALL_OVER : 'no time was left for it'}`);
        const final = await (0,send_with_retries/* sendWithRetries */.HI)(async (timeLeftMs = Infinity) => {
            if (unsure && lookBeforeResending)
                throw new github_errors/* WriteMayHaveLanded */.$K(unsure.reason, unsure.endedAt);
            if (mutating)
                await spaced();
            if (notAfter !== undefined && context.now() + config.timeoutMs > notAfter)
                throw new github_errors/* WriteWindowClosed */.qq(unsure?.endedAt);
            // The time left is counted again after the gap between writes: the wait used some of it.
            const left = Math.min(timeLeftMs, Math.max(0, budget.endsAt - context.now()));
            const outcome = await config.transport({ ...sent, timeoutMs: Math.min(sent.timeoutMs, left) });
            if ((0,send_with_retries/* mayHaveActed */.LR)(outcome))
                unsure = {
                    reason: outcome.kind === 'answer' ? (0,send_with_retries/* describeStatus */.Wn)(outcome) : outcome.reason,
                    endedAt: context.now()
                };
            return outcome;
        }, `GitHub ${method} ${new URL(url).pathname}`, { ...context, budget });
        const { last } = final;
        // The tries ended on an attempt that may have been applied: the caller looks before anything else.
        if (unsure && lookBeforeResending)
            throw new github_errors/* WriteMayHaveLanded */.$K(unsure.reason, unsure.endedAt);
        if (last.kind === 'network-failure')
            throw new github_errors/* GitHubUnreachable */.yc((0,send_with_retries/* finalReason */.Nt)(final, last.reason), !last.mayHaveReachedServer && !last.interruption);
        if (last.status >= 300 && last.status < 400) {
            const location = (0,transport/* headerOf */.r)(last, 'location');
            // Quoted as any URL is: its query may carry a credential, the token's own among them.
            const target = location ? ` to ${(0,quotable_url/* quotableUrl */.D)(location)}` : '';
            throw new github_errors/* GitHubAnswerUnusable */.Pm(`HTTP ${last.status}: the GitHub API redirected${target}; the action never follows redirects, so the token stays with the API host`);
        }
        const data = parseBody(last);
        if (last.status < 200 || last.status >= 300) {
            throw new github_errors/* GitHubError */.y_(last.status, messageOf(data, last), last.headers, final.attempts);
        }
        return {
            status: last.status,
            headers: last.headers,
            data,
            earlierAttemptMayHaveActed: final.earlierAttemptMayHaveActed,
            bytes: last.body.length,
            attempts: final.attempts
        };
    }
    return {
        // The JSON as it came: its type names the fields GitHub's schema has, and vouches for no value.
        async request(route, parameters, options) {
            const { method, path } = routeRequest(route, parameters);
            const { status, headers, data, earlierAttemptMayHaveActed } = await request(method, path, options);
            return { status, headers, data, earlierAttemptMayHaveActed };
        },
        // Bounded whatever the links say: a page already read, MAX_LISTING_PAGES pages, MAX_LISTING_BYTES
        // read, or the call's time, each ends the listing with an error that says which.
        async paginate(route, parameters) {
            const first = routeRequest(route, parameters).path;
            const listing = `GET ${new URL(urlOf(first)).pathname}`;
            const budget = callBudget();
            const items = [];
            const seen = new Set();
            let bytes = 0;
            for (let next = first; next !== undefined;) {
                const address = new URL(urlOf(next)).href;
                if (seen.has(address)) {
                    throw new github_errors/* GitHubAnswerUnusable */.Pm(`${listing}: the link to the next page points back at a page already read (page ${[...seen].indexOf(address) + 1} of ${seen.size}), so the listing would never end; it was stopped there. To fix: ${CHECK_API}`);
                }
                if (seen.size === MAX_LISTING_PAGES) {
                    throw new github_errors/* GitHubAnswerUnusable */.Pm(`${listing}: the listing did not end within ${MAX_LISTING_PAGES} pages (${items.length} items), the most the action reads of one; it was stopped there. To fix: ${CHECK_API}`);
                }
                seen.add(address);
                const page = await request('GET', next, {}, budget);
                if (!Array.isArray(page.data))
                    throw new github_errors/* GitHubAnswerUnusable */.Pm(`GET ${next} did not answer with a list`);
                bytes += page.bytes;
                if (bytes > MAX_LISTING_BYTES) {
                    throw new github_errors/* GitHubAnswerUnusable */.Pm(`${listing}: the listing's pages passed ${MAX_LISTING_BYTES / (1024 * 1024)} MiB in all after ${seen.size} pages, the most the action reads of one; it was stopped there. To fix: ${CHECK_API}`);
                }
                items.push(...page.data);
                next = nextPage(page.headers.link);
            }
            return items;
        },
        async graphql(query, variables) {
            const reply = await request('POST', graphqlPath(config.apiUrl), { body: { query, variables } });
            const { data, errors } = (reply.data ?? {});
            if (Array.isArray(errors) && errors.length > 0)
                throw new github_errors/* GraphQLErrors */.nx(errors, data ?? undefined, reply.headers, reply.attempts);
            if (!data)
                throw new github_errors/* GitHubAnswerUnusable */.Pm('the GitHub GraphQL API answered without data');
            return data;
        }
    };
}
/** GraphQL beside the REST API: `/graphql` on github.com, `/api/graphql` beside GHES's `/api/v3`. */
function graphqlPath(apiUrl) {
    const { origin, pathname } = new URL(apiUrl);
    return /\/api\/v3\/?$/.test(pathname) ? `${origin}${pathname.replace(/\/v3\/?$/, '/graphql')}` : `${apiUrl}/graphql`;
}
/** The `rel="next"` address of a `Link` header. */
function nextPage(link) {
    return link?.match(/<([^>]+)>;\s*rel="next"/)?.[1];
}
function parseBody(answer) {
    const text = (0,json_body/* jsonTextOf */.t)(answer.body);
    if (text === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        if (answer.status >= 200 && answer.status < 300) {
            throw new github_errors/* GitHubAnswerUnusable */.Pm(`HTTP ${answer.status}, but the GitHub API's answer is not JSON`);
        }
        return text;
    }
}
/**
 * GitHub's `message`, with the messages of its `errors` (a 422 says there what was invalid), without
 * the link to its docs; or a short excerpt of whatever came.
 */
function messageOf(data, answer) {
    const { message, errors } = (typeof data === 'object' && data !== null ? data : {});
    const details = Array.isArray(errors)
        ? errors.flatMap((error) => (typeof error?.message === 'string' ? [error.message] : []))
        : [];
    const main = typeof message === 'string' ? message : typeof data === 'string' ? data : answer.statusText;
    const text = details.length > 0 ? `${main}: ${details.join('; ')}` : main;
    return text
        .replace(/\s*-?\s*https:\/\/docs\.github\.com\S*$/, '')
        .replace(/\s+/g, ' ')
        .slice(0, 300);
}

// EXTERNAL MODULE: ./src/github/github-failure.ts
var github_failure = __webpack_require__(423);
;// CONCATENATED MODULE: ./src/github/github-queries.ts
const query = (text) => text;
/** The login the token acts as: GraphQL's viewer answers for every kind of token. */
const VIEWER_LOGIN_QUERY = query('query { viewer { login } }');
/** At most this many pull requests are asked about in one query. */
const PULL_REQUESTS_PER_QUERY = 50;
/**
 * State and head of `count` pull requests (1 to PULL_REQUESTS_PER_QUERY), each under its alias.
 * `issueOrPullRequest` answers an issue too, with none of these fields.
 */
function pullRequestsQuery(count) {
    if (!Number.isInteger(count) || count < 1 || count > PULL_REQUESTS_PER_QUERY) {
        throw new RangeError(`a query asks about 1 to ${PULL_REQUESTS_PER_QUERY} pull requests, not ${count}`);
    }
    const aliases = Array.from({ length: count }, (_, index) => pullRequestAlias(index));
    const variables = aliases.map((alias) => `$${alias}: Int!`).join(', ');
    const fields = aliases.map((alias) => `${alias}: issueOrPullRequest(number: $${alias}) { ... on PullRequest { number state headRefOid } }`);
    return query(`query($owner: String!, $name: String!, ${variables}) { repository(owner: $owner, name: $name) { ${fields.join(' ')} } }`);
}
function pullRequestAlias(index) {
    return `n${index}`;
}

;// CONCATENATED MODULE: ./src/github/rest-github-api.ts


/** The action's GitHub calls, on the repository `owner/name`, through the client. */
function restGitHubApi(client, repository) {
    const [owner = '', repo = ''] = repository.split('/');
    const removeReaction = (target, reaction_id) => 'comment' in target
        ? client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}', {
            owner,
            repo,
            comment_id: target.comment,
            reaction_id
        })
        : client.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}', {
            owner,
            repo,
            issue_number: target.issue,
            reaction_id
        });
    return {
        async viewerLogin() {
            const login = (await client.graphql(VIEWER_LOGIN_QUERY, {}))?.viewer?.login;
            if (typeof login !== 'string' || login === '')
                throw new github_errors/* GitHubAnswerUnusable */.Pm('GitHub named no viewer for the token');
            return login;
        },
        async listComments(pullRequest, since) {
            const comments = await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
                owner,
                repo,
                issue_number: pullRequest,
                ...(since === undefined ? {} : { since }),
                per_page: 100
            });
            return comments.map(asComment);
        },
        async getComment(id) {
            try {
                const reply = await client.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', {
                    owner,
                    repo,
                    comment_id: id
                });
                return asComment(reply.data);
            }
            catch (error) {
                if (error instanceof github_errors/* GitHubError */.y_ && error.status === 404)
                    return undefined;
                throw error;
            }
        },
        async listRepositoryComments(since) {
            const comments = await client.paginate('GET /repos/{owner}/{repo}/issues/comments', {
                owner,
                repo,
                since,
                // By creation, which no write changes: sorted by `updated`, a comment updated while the pages
                // are read moves to the end, and the one after it in the listing slips back onto a page already read.
                sort: 'created',
                direction: 'asc',
                per_page: 100
            });
            // A comment updated into the window while the pages are read shifts the rest by one: the one
            // pushed over a page's end comes twice, and counts once, as its later copy.
            return [...new Map(comments.map(asComment).map((comment) => [comment.id, comment])).values()];
        },
        async createComment(pullRequest, body, options = {}) {
            const reply = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: pullRequest }, { ...options, body: { body }, lookBeforeResending: true });
            return asComment(reply.data);
        },
        async updateComment(id, body, options = {}) {
            const reply = await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: id }, { ...options, body: { body } });
            return asComment(reply.data);
        },
        async deleteComment(id, options = {}) {
            await ignoringGone(client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: id }, options));
        },
        async pullRequest(number) {
            const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
                owner,
                repo,
                pull_number: number
            });
            const head = data?.head?.sha;
            if (typeof head !== 'string')
                throw new github_errors/* GitHubAnswerUnusable */.Pm(`pull request #${number} came without its head`);
            return { number, open: data?.state === 'open', merged: data?.merged === true, head };
        },
        async pullRequests(numbers) {
            const found = new Map();
            const unresolved = [];
            for (let start = 0; start < numbers.length; start += PULL_REQUESTS_PER_QUERY) {
                const chunk = numbers.slice(start, start + PULL_REQUESTS_PER_QUERY);
                const asked = Object.fromEntries(chunk.map((number, index) => [pullRequestAlias(index), number]));
                const { data, notFound } = await withUnresolvedFields(client.graphql(pullRequestsQuery(chunk.length), { owner, name: repo, ...asked }), chunk.map((_, index) => pullRequestAlias(index)));
                unresolved.push(...chunk.filter((_, index) => notFound.has(pullRequestAlias(index))));
                for (const [index, number] of chunk.entries()) {
                    const pull = data?.repository?.[pullRequestAlias(index)];
                    if (typeof pull?.headRefOid !== 'string' || typeof pull.state !== 'string')
                        continue;
                    found.set(number, {
                        number,
                        open: pull.state === 'OPEN',
                        merged: pull.state === 'MERGED',
                        head: pull.headRefOid
                    });
                }
            }
            return { found, unresolved };
        },
        async addReaction(target, content) {
            const reply = 'comment' in target
                ? await client.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { owner, repo, comment_id: target.comment }, { body: { content } })
                : await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/reactions', { owner, repo, issue_number: target.issue }, { body: { content } });
            const reaction = reply.data;
            if (typeof reaction?.id !== 'number' || typeof reaction.created_at !== 'string') {
                throw new github_errors/* GitHubAnswerUnusable */.Pm('GitHub answered a reaction without its id and time');
            }
            const date = Date.parse(reply.headers.date ?? '');
            return {
                created: reply.status === 201,
                reactionId: reaction.id,
                createdAt: reaction.created_at,
                ...(Number.isNaN(date) ? {} : { serverTime: date }),
                earlierAttemptMayHaveActed: reply.earlierAttemptMayHaveActed
            };
        },
        async deleteReaction(target, reactionId) {
            await ignoringGone(removeReaction(target, reactionId));
        }
    };
}
function asComment(comment) {
    if (typeof comment?.id !== 'number' || typeof comment.html_url !== 'string') {
        throw new github_errors/* GitHubAnswerUnusable */.Pm('GitHub answered with a comment that has no id or address');
    }
    return {
        id: comment.id,
        body: typeof comment.body === 'string' ? comment.body : '',
        author: typeof comment.user?.login === 'string' ? comment.user.login : '',
        url: comment.html_url,
        updatedAt: typeof comment.updated_at === 'string' ? comment.updated_at : '',
        issue: Number(typeof comment.issue_url === 'string' ? comment.issue_url.split('/').at(-1) : NaN)
    };
}
/**
 * A query on `repository` whose fields GitHub may fail to resolve one by one: `null` for such a field,
 * with a `NOT_FOUND` error whose `path` names it (a pull request hidden as spam, or removed). The
 * data it gave is used, and those fields named; any other error still throws.
 */
async function withUnresolvedFields(query, fields) {
    try {
        return { data: await query, notFound: new Set() };
    }
    catch (error) {
        if (!(error instanceof github_errors/* GraphQLErrors */.nx) || !isObject(error.data?.repository))
            throw error;
        const asked = new Set(fields);
        const notFound = error.errors.map((item) => item.type === 'NOT_FOUND' && Array.isArray(item.path) && item.path.length === 2 && item.path[0] === 'repository'
            ? String(item.path[1])
            : undefined);
        const repository = error.data.repository;
        const partial = notFound.every((field) => field !== undefined && asked.has(field) && repository[field] === null);
        if (!partial)
            throw error;
        return { data: error.data, notFound: new Set(notFound) };
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Deleting what another step deleted first is done all the same. */
async function ignoringGone(call) {
    try {
        await call;
    }
    catch (error) {
        if (!(error instanceof github_errors/* GitHubError */.y_ && error.status === 404))
            throw error;
    }
}

// EXTERNAL MODULE: ./src/records/records-store.ts + 4 modules
var records_store = __webpack_require__(667);
;// CONCATENATED MODULE: ./src/records/github-connection.ts




/**
 * The longest one GitHub attempt may take, whatever timeout-seconds says: a write under a lease must
 * be applied well within the lease (see `lease.ts`).
 */
const MAX_GITHUB_ATTEMPT_MS = 30_000;
/**
 * The GitHub API, and whom the token acts as, learned before any comment is read or written: GraphQL's
 * viewer answers for every kind of token (the workflow's, an app's, a personal one). If it cannot be
 * learned, nothing is read or written: whose comments to trust is never guessed.
 */
async function connectToGitHub(config) {
    const client = createGitHubClient({ ...config, timeoutMs: Math.min(config.timeoutMs, MAX_GITHUB_ATTEMPT_MS) });
    const api = restGitHubApi(client, config.repository);
    const viewer = await (0,github_failure/* calling */.X_)('Finding whom the GitHub token acts as', () => api.viewerLogin());
    const clock = {
        now: config.now,
        monotonic: () => performance.now(),
        random: config.random,
        sleep: async (ms) => {
            await config.sleep(ms, config.stopping);
            if (config.stopping?.aborted)
                throw new Error('the run was cancelled while this step waited for the records lease');
        }
    };
    return {
        api,
        viewer,
        store: (pullRequest) => new records_store/* RecordsStore */.og(api, pullRequest, { viewer, warn: config.warn, log: config.log, clock })
    };
}


/***/ }),

/***/ 532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ isOurComment),
/* harmony export */   l: () => (/* binding */ looksLikeOurs)
/* harmony export */ });
/* harmony import */ var _records_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(157);

/**
 * The one rule for which comments hold our records, for the record step, the cleanup and the sweep:
 * written by whom the token acts as, and in our format from its first line (our heading, then our
 * hidden records part). Anyone can comment on a public pull request, and the same identity may write
 * other comments that quote ours (a welcome message, a build log): a marker anywhere else never makes
 * a comment ours. Only comments of ours are ever edited, and only our own are ever deleted.
 */
function isOurComment(comment, viewer) {
    return comment.author === viewer && (0,_records_format_js__WEBPACK_IMPORTED_MODULE_0__/* .inOurFormat */ .pF)(comment.body);
}
/** A comment that may be taken for ours: in our format by someone else, or mentioning the records by anyone. */
function looksLikeOurs(comment) {
    return comment.body.startsWith(_records_format_js__WEBPACK_IMPORTED_MODULE_0__/* .HEADING */ .TB) || comment.body.includes(_records_format_js__WEBPACK_IMPORTED_MODULE_0__/* .RECORDS_MARKER */ .WU);
}


/***/ }),

/***/ 586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c7: () => (/* binding */ outcomeChanges),
/* harmony export */   fY: () => (/* binding */ recordCancelOutcomes),
/* harmony export */   gM: () => (/* binding */ noBatches),
/* harmony export */   vg: () => (/* binding */ lookUpPullRequestBatches)
/* harmony export */ });
/* harmony import */ var _github_github_failure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(423);
/* harmony import */ var _helpers_iso_seconds_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(876);
/* harmony import */ var _github_connection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(649);
/* harmony import */ var _select_batches_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(513);




/** A pull request whose records were nothing or could not be read: nothing to send. */
function noBatches(number) {
    return { number, records: [], toCancel: [], alreadyDone: [], current: [], unreadable: [] };
}
/**
 * The batches recorded on the pull request, and which to cancel, with the store that writes their
 * outcomes back. With only-superseded, "superseded" is judged against the head GitHub reports now,
 * read after the records, never the event's: a late or re-run synchronize run must not cancel the
 * newest push's renders.
 */
async function lookUpPullRequestBatches(config) {
    const { pullRequest } = config;
    const connection = await (0,_github_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .connectToGitHub */ .t)(config);
    const store = connection.store(pullRequest);
    const stored = await (0,_github_github_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .calling */ .X_)(`Reading the comments of pull request #${pullRequest}`, () => store.read());
    const head = config.onlySuperseded
        ? (await (0,_github_github_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .calling */ .X_)(`Reading the head commit of pull request #${pullRequest}`, () => connection.api.pullRequest(pullRequest))).head
        : undefined;
    const batches = { number: pullRequest, ...stored, ...(0,_select_batches_js__WEBPACK_IMPORTED_MODULE_2__/* .selectBatches */ .f)(stored.records, head), head };
    return { batches, store };
}
/**
 * What became of the recorded batches, as changes to the records: an answer makes the batch done, a
 * failure keeps it open with the time it failed; a batch never sent is left as it was. A batch the
 * API said it does not know again, after a failure was already written, is left as it was too: a
 * comment that is not rewritten leaves the sweep's window in time, instead of being tried every night.
 */
function outcomeChanges(records, results, at) {
    const byBatch = new Map(records.map((record) => [record.batchId, record]));
    const time = (0,_helpers_iso_seconds_js__WEBPACK_IMPORTED_MODULE_3__/* .isoSeconds */ .n)(at);
    return results.flatMap((result) => {
        const record = byBatch.get(result.batchId);
        if (!record)
            return [];
        if (result.outcome === 'answered')
            return [{ kind: 'cancelled', batchId: result.batchId, status: result.reply.status, at: time }];
        if (result.interruption === 'not attempted')
            return [];
        if (result.notFound && record.failedAt !== undefined)
            return [];
        return [{ kind: 'cancel-failed', batchId: result.batchId, at: time }];
    });
}
/** Writes the outcomes into the pull request's records; the records as they were when there is nothing to write. */
async function recordCancelOutcomes(store, stored, results, at) {
    const changes = outcomeChanges(stored.records, results, at);
    if (changes.length === 0)
        return stored;
    return (0,_github_github_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .calling */ .X_)(`Writing the outcomes into the comment of pull request #${store.pullRequest}`, () => store.write(changes));
}


/***/ }),

/***/ 157:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BQ: () => (/* binding */ CONTINUED_HEADING),
  TB: () => (/* binding */ HEADING),
  WU: () => (/* binding */ RECORDS_MARKER),
  $6: () => (/* binding */ RecordsPartWriter),
  pF: () => (/* binding */ inOurFormat),
  Ej: () => (/* binding */ readRecordsPart)
});

// UNUSED EXPORTS: FORMAT_VERSION

// EXTERNAL MODULE: ./src/helpers/is-record.ts
var is_record = __webpack_require__(287);
// EXTERNAL MODULE: ./src/helpers/iso-seconds.ts
var iso_seconds = __webpack_require__(876);
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
;// CONCATENATED MODULE: ./src/records/records-format.ts





/**
 * How the records are kept in a comment: our heading on the first line, then the hidden part (an HTML
 * comment) that holds the records as compact JSON, then what people read. A comment is in our format
 * only if it begins so: a copy of the marker anywhere else (quoted, in code) never is.
 */
const HEADING = '### Nexrender renders of this pull request';
const CONTINUED_HEADING = `${HEADING} (continued)`;
/** Opens the hidden part. */
const RECORDS_MARKER = '<!-- nexrender-cancel-batch-action:records';
/** The version of the records part this action writes and reads; a newer one is kept, never rewritten. */
const FORMAT_VERSION = 1;
const OUR_FORMAT = new RegExp(`^${escaped(HEADING)}( \\(continued\\))?\\r?\\n${escaped(RECORDS_MARKER)}\\r?\\n`);
/** Whether a comment body is in our format from its first line: our heading, then our hidden part. */
function inOurFormat(body) {
    return OUR_FORMAT.test(body);
}
/**
 * The records part of a body in our format. Every record is checked as an input would be; one that
 * is not well formed makes the part unreadable (the rest is still read, for the cleanup to cancel),
 * so that the comment is kept as it is rather than rewritten without it.
 */
function readRecordsPart(body) {
    const start = body.indexOf(RECORDS_MARKER) + RECORDS_MARKER.length;
    const end = body.indexOf('-->', start);
    if (end === -1)
        return unreadable('its hidden records part has no end (-->)');
    let data;
    try {
        data = JSON.parse(body.slice(start, end));
    }
    catch {
        return unreadable('its hidden records part is not JSON');
    }
    if (!(0,is_record/* isRecord */.u)(data) || !Number.isInteger(data.v) || data.v < 1) {
        return unreadable('its hidden records part does not say which version of the format it is');
    }
    const version = data.v;
    if (version > FORMAT_VERSION) {
        return {
            kind: 'unreadable',
            problem: `a newer version of this action wrote it (records format ${version}; this version reads ${FORMAT_VERSION})`,
            records: [],
            newerVersion: version
        };
    }
    return decodeRecords(data);
}
function unreadable(problem) {
    return { kind: 'unreadable', problem, records: [] };
}
const OUTCOME_CODES = { cancelled: 'c', partial: 'p', unchanged: 'u' };
const STATUS_OF_CODE = new Map(cancel_reply/* CANCEL_STATUSES */.YC.map((status) => [OUTCOME_CODES[status], status]));
/** The JSON of a records part: commits and run links listed once, records as arrays, times in seconds. */
class RecordsPartWriter {
    commits = [];
    runs = [];
    rows = [];
    /** The length the JSON will have, with its escapes, kept as records are added. */
    size = jsonSafe(`{"v":${FORMAT_VERSION},"commits":[],"runs":[],"records":[]}`).length;
    /** The length the JSON would have with this record added. */
    sizeWith(record) {
        return this.size + this.growth(record).length;
    }
    add(record) {
        const growth = this.growth(record);
        if (growth.commit !== undefined)
            this.commits.push(growth.commit);
        if (growth.run !== undefined)
            this.runs.push(growth.run);
        this.rows.push(growth.row);
        this.size += growth.length;
    }
    get count() {
        return this.rows.length;
    }
    /** The JSON; the first comment's says how many records all comments of ours hold (`total`). */
    json(total) {
        const list = (items) => items.map((item) => JSON.stringify(item)).join(',');
        const counted = total === undefined ? '' : `"total":${total},`;
        return jsonSafe(`{"v":${FORMAT_VERSION},${counted}"commits":[${list(this.commits)}],"runs":[${list(this.runs)}],"records":[${this.rows.join(',')}]}`);
    }
    growth(record) {
        const commitIndex = indexOrNext(this.commits, record.commit);
        const newCommit = commitIndex === this.commits.length ? record.commit : undefined;
        const runIndex = record.runUrl === undefined ? -1 : indexOrNext(this.runs, record.runUrl);
        const newRun = record.runUrl !== undefined && runIndex === this.runs.length ? record.runUrl : undefined;
        const row = JSON.stringify(compact(record, commitIndex, runIndex));
        const comma = (items) => (items.length > 0 ? 1 : 0);
        let length = row.length + comma(this.rows);
        if (newCommit !== undefined)
            length += JSON.stringify(newCommit).length + comma(this.commits);
        if (newRun !== undefined)
            length += jsonSafe(JSON.stringify(newRun)).length + comma(this.runs);
        return { row, commit: newCommit, run: newRun, length };
    }
}
function indexOrNext(items, item) {
    const index = items.indexOf(item);
    return index === -1 ? items.length : index;
}
function compact(record, commit, run) {
    const row = [record.batchId, commit, run, seconds(record.recordedAt)];
    if (record.cancel || record.failedAt) {
        row.push(record.cancel ? OUTCOME_CODES[record.cancel.status] : '', record.cancel ? seconds(record.cancel.at) : 0);
        if (record.failedAt)
            row.push(seconds(record.failedAt));
    }
    return row;
}
function decodeRecords(data) {
    const { commits, runs, records, total } = data;
    if (!Array.isArray(commits) || !Array.isArray(runs) || !Array.isArray(records)) {
        return unreadable('its hidden records part has no commits, runs and records lists');
    }
    if (total !== undefined && !Number.isInteger(total))
        return unreadable('its hidden records part has a total that is not a count');
    const decoded = [];
    const problems = [];
    for (const row of records) {
        const record = decodeRecord(row, commits, runs);
        if (typeof record === 'string')
            problems.push(record);
        else
            decoded.push(record);
    }
    if (problems.length > 0)
        return { kind: 'unreadable', problem: problems.join('; '), records: decoded };
    return total === undefined
        ? { kind: 'readable', records: decoded }
        : { kind: 'readable', records: decoded, total: total };
}
/**
 * A well-formed record, or why it is not one. Every value is checked for its type and range before it
 * is used, so that reading a record never throws: one that cannot be read spoils neither the others
 * nor the step.
 */
function decodeRecord(row, commits, runs) {
    if (!Array.isArray(row))
        return 'a record is not a list';
    const [batchId, commitIndex, runIndex, recordedAt, outcome, outcomeAt, failedAt] = row;
    const shown = JSON.stringify(batchId)?.slice(0, 40) ?? 'nothing';
    // Batch ids go into request paths: only a ULID is one (never `../`, never punctuation).
    if (typeof batchId !== 'string' || !batch_ids/* BATCH_ID_PATTERN */.g.test(batchId))
        return `a record's batch id ${shown} is not valid`;
    const commit = isIndex(commitIndex, commits.length) ? commits[commitIndex] : undefined;
    if (typeof commit !== 'string' || !COMMIT_PATTERN.test(commit))
        return `the record of ${batchId} has no valid commit`;
    if (!isSeconds(recordedAt))
        return `the record of ${batchId} has no valid time`;
    const record = { batchId, commit, recordedAt: (0,iso_seconds/* isoSeconds */.n)(recordedAt * 1000) };
    if (runIndex !== -1) {
        const runUrl = isIndex(runIndex, runs.length) ? runs[runIndex] : undefined;
        if (typeof runUrl !== 'string' || !/^https:\/\//.test(runUrl))
            return `the record of ${batchId} has no valid run link`;
        record.runUrl = runUrl;
    }
    if (outcome !== undefined && outcome !== '') {
        const status = STATUS_OF_CODE.get(outcome);
        if (!status || !isSeconds(outcomeAt))
            return `the record of ${batchId} has an outcome that is not well formed`;
        record.cancel = { status, at: (0,iso_seconds/* isoSeconds */.n)(outcomeAt * 1000) };
    }
    if (failedAt !== undefined) {
        if (!isSeconds(failedAt))
            return `the record of ${batchId} has a failure time that is not well formed`;
        record.failedAt = (0,iso_seconds/* isoSeconds */.n)(failedAt * 1000);
    }
    return record;
}
/** The last second of the year 9999: later times have no four-digit year, and do not compare as text. */
const LATEST_SECOND = 253_402_300_799;
/** A time in seconds since 1970, within the four-digit years (milli- or microseconds are not). */
function isSeconds(value) {
    return Number.isInteger(value) && value > 0 && value <= LATEST_SECOND;
}
function isIndex(value, length) {
    return Number.isInteger(value) && value >= 0 && value < length;
}
function seconds(iso) {
    return Math.floor(Date.parse(iso) / 1000);
}
/** Inside an HTML comment nothing may read as its end; JSON escapes inside strings keep the data as it is. */
function jsonSafe(json) {
    return json.replace(/-(?=-)/g, '\\u002d').replace(/>/g, '\\u003e');
}
function escaped(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/***/ }),

/***/ 667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  og: () => (/* binding */ RecordsStore),
  Y_: () => (/* binding */ latestChange)
});

// UNUSED EXPORTS: MAX_COMMENT_POSTS, MAX_WRITE_ROUNDS

// EXTERNAL MODULE: ./src/github/github-errors.ts
var github_errors = __webpack_require__(146);
;// CONCATENATED MODULE: ./src/records/lease-age.ts
/**
 * How old a lease's reaction is, as far as this step can vouch for it. A lease voided while its holder
 * still writes loses records, so an age is never taken from a clock the step cannot check: a front end
 * with a wrong clock sends a `Date` minutes off the `created_at` GitHub stored, and a runner's clock
 * can be off too. An age is believed only as far as both agree, and never below what this step has
 * watched itself on its own monotonic clock.
 */
/** GitHub's times are whole seconds: each may be up to this much earlier than the moment it names. */
const SECOND_MS = 1000;
/**
 * The reaction's age at the answer, by GitHub's `created_at` against both the answer's `Date` and the
 * runner's clock when the request was sent, whichever says less: a clock that runs ahead is outvoted
 * by the other. Undefined when there is no second clock to check by (no `Date`) or no readable time.
 * Never more than the reaction's real age unless both clocks run ahead of GitHub's stored time.
 */
function checkedAge(sighting) {
    const created = Date.parse(sighting.createdAt);
    if (Number.isNaN(created) || sighting.serverTime === undefined || Number.isNaN(sighting.serverTime))
        return undefined;
    // The Date is truncated to the second; the request was sent before the reaction was looked at.
    const byServer = sighting.serverTime - created - SECOND_MS;
    const byRunner = sighting.sentAt - created;
    return Math.max(0, Math.min(byServer, byRunner));
}
/**
 * Whether a reaction GitHub answered 200 for (already there) may be the one made by an earlier attempt
 * of the same request, which GitHub answered with an error: it was made no earlier than the request
 * was first sent, by the runner's clock and by the answer's `Date` alike. Only "may": another step of
 * the same identity can have made it in the same moments, so it is never taken for this step's.
 */
function mayBeFromThisRequest(sighting) {
    const created = Date.parse(sighting.createdAt);
    if (Number.isNaN(created) || sighting.serverTime === undefined || Number.isNaN(sighting.serverTime))
        return false;
    const sinceSent = sighting.receivedAt - sighting.sentAt;
    const notBeforeByRunner = created + SECOND_MS >= sighting.sentAt;
    const notBeforeByServer = sighting.serverTime - created <= sinceSent + SECOND_MS;
    return notBeforeByRunner && notBeforeByServer;
}
/**
 * A reaction's age as this step judges it across polls: for each reaction id, the earliest moment (on
 * the step's monotonic clock) by which it is known to have existed. That is when the step first saw
 * it, or earlier by as much as a checked age says; a sighting that cannot be checked adds nothing.
 */
class ReactionAges {
    since = new Map();
    /** Notes a sighting made at `monotonicNow`, and returns the reaction's age then. */
    observe(reactionId, sighting, monotonicNow) {
        const existedBy = monotonicNow - (checkedAge(sighting) ?? 0);
        const since = Math.min(this.since.get(reactionId) ?? existedBy, existedBy);
        this.since.set(reactionId, since);
        return monotonicNow - since;
    }
    /** Whether this step has seen that reaction before. */
    seen(reactionId) {
        return this.since.has(reactionId);
    }
}

;// CONCATENATED MODULE: ./src/records/lease.ts

/**
 * A short lease on writing a pull request's records, held by one writer of an identity at a time.
 * GitHub has no conditional update for comments, but creating a reaction is atomic: 201 when it is
 * new, 200 when the same identity has already left it. So the lease is that identity's 👀 reaction on
 * our first comment (on the pull request itself while there is none): whoever creates it holds it;
 * whoever finds it waits, even for a 👀 its own failed attempt may have made (it cannot be told from
 * another step's). A lease older than LEASE_MS (judged as `lease-age.ts` says) belongs to a writer that
 * died: it is removed and taken. A holder sends no write that could be applied after its lease ends.
 */
const LEASE_REACTION = 'eyes';
const LEASE_MS = 120_000;
/**
 * How late a write may still be applied after its attempt gave up: the holder stops sending this long
 * before its lease ends. GitHub ends a request it has not answered within 10 s.
 */
const APPLY_MARGIN_MS = 10_000;
/**
 * A waiter asks for the lease again after 2 s, then 4, 8, and 16 s at most, each jittered by half
 * either way: every ask is a content-creating request, so several waiters together stay well within
 * GitHub's secondary limits (80 a minute).
 */
const FIRST_LEASE_POLL_MS = 2000;
const MAX_LEASE_POLL_MS = 16_000;
/** The longest a writer waits for a lease: a dead holder's, then a queue of writers. */
const MAX_LEASE_WAIT_MS = 180_000;
/**
 * Thrown when the lease stays with another writer for longer than MAX_LEASE_WAIT_MS, or a dead one's
 * 👀 keeps coming back after it was removed (`removals` > 1).
 */
class LeaseUnavailable extends Error {
    constructor(where, removals = 0) {
        super(removals > 1
            ? `the lease on ${where} could not be taken within ${MAX_LEASE_WAIT_MS / 60_000} minutes: a dead lease (a 👀 reaction of whom the token acts as) was removed ${removals} times and found again each time, as if GitHub, or a proxy in front of it, did not apply the removal. Check github-api-url and any caching proxy, or remove the reaction by hand`
            : `another step held the lease on ${where} (a 👀 reaction of whom the token acts as) for longer than ${MAX_LEASE_WAIT_MS / 60_000} minutes`);
        this.name = 'LeaseUnavailable';
    }
}
async function acquireLease(api, target, where, { clock, holder, log }) {
    const started = clock.monotonic();
    const ages = new ReactionAges();
    let removals = 0;
    for (let waits = 0;; waits++) {
        // The lease can have begun no earlier than this request was sent: its end is counted from here.
        const sentAt = clock.now();
        const answer = await api.addReaction(target, LEASE_REACTION);
        const { reactionId, createdAt } = answer;
        const sighting = { createdAt, serverTime: answer.serverTime, sentAt, receivedAt: clock.now() };
        const firstSight = !ages.seen(reactionId);
        if (answer.created)
            return {
                notAfter: sentAt + LEASE_MS - APPLY_MARGIN_MS,
                release: () => api.deleteReaction(target, reactionId)
            };
        const age = ages.observe(reactionId, sighting, clock.monotonic());
        if (age >= LEASE_MS) {
            log(`The lease on ${where} (a 👀 of ${holder}, reaction ${reactionId}, made ${createdAt}) is older than a lease lives: its holder stopped without releasing it, so it is removed and taken.`);
            // Removing it by its id cannot remove a newer lease.
            await api.deleteReaction(target, reactionId);
            removals++;
            // Asked again at once the first time; a dead 👀 found again after its removal (a removal not
            // applied yet, or never) is waited on as a live one is, within the same bound, never in a tight loop.
            if (removals === 1)
                continue;
        }
        const waited = clock.monotonic() - started;
        // Named as a dead lease that keeps coming back only when the last one seen was dead.
        if (waited > MAX_LEASE_WAIT_MS)
            throw new LeaseUnavailable(where, age >= LEASE_MS ? removals : 0);
        // After an attempt GitHub answered with an error, the 👀 found may be the one that attempt made, or
        // another step's taken meanwhile: a reaction tells no more than who made it, so it is waited for.
        const mayBeOwn = answer.earlierAttemptMayHaveActed && firstSight && mayBeFromThisRequest(sighting);
        const holding = mayBeOwn
            ? `GitHub answered this step's request for the lease on ${where} with an error, and the 👀 of ${holder} it then found (reaction ${reactionId}, made ${createdAt}) may be the one that request made or another step's: it cannot tell, so it waits as for another step's lease`
            : `Waiting for the lease on ${where}, held by another step acting as ${holder} (a 👀, reaction ${reactionId}, made ${createdAt})`;
        if (firstSight && age < LEASE_MS)
            log(`${holding}: at most ${seconds(LEASE_MS - age)} until it runs out, and ${seconds(MAX_LEASE_WAIT_MS - waited)} in all.`);
        // Poll gently, spread out, and never past the moment the lease would expire.
        const backoff = Math.min(FIRST_LEASE_POLL_MS * 2 ** waits, MAX_LEASE_POLL_MS) * (0.5 + clock.random());
        await clock.sleep(age >= LEASE_MS ? backoff : Math.min(backoff, LEASE_MS - age + 1000));
    }
}
function seconds(ms) {
    return `${Math.ceil(ms / 1000)} s`;
}

// EXTERNAL MODULE: ./src/records/our-comment.ts
var our_comment = __webpack_require__(532);
// EXTERNAL MODULE: ./src/records/records-format.ts + 1 modules
var records_format = __webpack_require__(157);
// EXTERNAL MODULE: ./src/helpers/counted.ts
var counted = __webpack_require__(487);
// EXTERNAL MODULE: ./src/helpers/markdown.ts
var markdown = __webpack_require__(384);
// EXTERNAL MODULE: ./src/records/record-state.ts
var record_state = __webpack_require__(657);
// EXTERNAL MODULE: ./src/records/records.ts
var records_records = __webpack_require__(816);
;// CONCATENATED MODULE: ./src/records/records-comment.ts





/** GitHub refuses comments over 65,536 characters; stay below with room to spare. */
const MAX_COMMENT_CHARS = 65_000;
/** The table lists at most this many batches (the open ones first); the comment says how many more. */
const TABLE_ROWS = 30;
const FOOTER = '<sub>Kept by the Nexrender cancel-batch action: its cancel step reads the hidden part of this comment to find the renders to stop. Editing it can lose them.</sub>';
/**
 * The first comment of ours on the pull request: the heading, the hidden part holding `json`, and a
 * table of the batches (every record of the pull request, whichever comment holds it).
 */
function firstCommentBody(json, everyRecord) {
    const open = everyRecord.filter((record) => !(0,records_records/* isDone */.$L)(record));
    const done = everyRecord.filter(records_records/* isDone */.$L);
    const newestFirst = (records) => [...records].reverse();
    const rows = (0,markdown/* table */.tp)(['Batch', 'Commit', 'Run', 'Recorded', 'State'], [...newestFirst(open), ...newestFirst(done)], TABLE_ROWS, (record) => [
        (0,markdown/* code */.aY)(record.batchId),
        (0,markdown/* code */.aY)(record.commit.slice(0, 7)),
        record.runUrl ? (0,markdown/* link */.nf)('run', record.runUrl) : '–',
        (0,record_state/* readableTime */.G)(record.recordedAt),
        (0,record_state/* describeState */.J)(record)
    ]);
    const counts = `${(0,counted/* counted */.h)(everyRecord.length, 'batch', 'batches')} recorded: ${open.length} open, ${done.length} done.`;
    return [records_comment_hidden(records_format/* HEADING */.TB, json), '', counts, '', rows, '', FOOTER].join('\n');
}
/** A further comment of ours, when one cannot hold every record: the hidden part only. */
function continuedCommentBody(json) {
    return [
        records_comment_hidden(records_format/* CONTINUED_HEADING */.BQ, json),
        '',
        'More of the records above, for the batches the first comment has no room for.',
        '',
        FOOTER
    ].join('\n');
}
function records_comment_hidden(heading, json) {
    return [heading, records_format/* RECORDS_MARKER */.WU, json, '-->'].join('\n');
}

;// CONCATENATED MODULE: ./src/records/records-layout.ts



/**
 * Where the records go: as few comments of ours as hold them, each under GitHub's limit, the first
 * with the table. Records keep their order (those already in a comment first, as they stand, new
 * ones after), so a record moves between comments only at a boundary. Done records are dropped,
 * oldest first, only when keeping them would take another comment; open ones never are.
 */
function planRecordsLayout(desired, existing) {
    const byId = new Map(desired.map((record) => [record.batchId, record]));
    const inOrder = [
        ...new Set([...existing.flatMap((part) => part.batchIds).filter((id) => byId.has(id)), ...byId.keys()])
    ].map((id) => byId.get(id));
    const allowed = Math.max(1, existing.length);
    let kept = inOrder;
    let parts = pack(kept);
    while (parts.length > allowed) {
        const done = kept.filter(records_records/* isDone */.$L).sort((a, b) => (a.cancel?.at ?? '').localeCompare(b.cancel?.at ?? ''));
        if (done.length === 0)
            break;
        const over = parts.slice(allowed).reduce((sum, part) => sum + part.batchIds.length, 0);
        const dropped = new Set(done.slice(0, over).map((record) => record.batchId));
        kept = kept.filter((record) => !dropped.has(record.batchId));
        parts = pack(kept);
    }
    const pruned = inOrder.filter((record) => !kept.includes(record));
    return { steps: safeOrder(parts, existing, new Set(pruned.map((record) => record.batchId))), pruned };
}
/** The records, in order, in bodies of at most MAX_COMMENT_CHARS; the first one's table lists them all. */
function pack(records) {
    // The first part also says how many records there are in all: room for that number.
    const capacities = [
        MAX_COMMENT_CHARS - firstCommentBody('', records).length - `"total":${records.length},`.length,
        MAX_COMMENT_CHARS - continuedCommentBody('').length
    ];
    const writers = [new records_format/* RecordsPartWriter */.$6()];
    const ids = [[]];
    for (const record of records) {
        let writer = writers.at(-1);
        const capacity = capacities[Math.min(writers.length - 1, 1)] ?? 0;
        if (writer.count > 0 && writer.sizeWith(record) > capacity) {
            writers.push((writer = new records_format/* RecordsPartWriter */.$6()));
            ids.push([]);
        }
        writer.add(record);
        ids.at(-1)?.push(record.batchId);
    }
    return writers.map((writer, index) => ({
        body: index === 0 ? firstCommentBody(writer.json(records.length), records) : continuedCommentBody(writer.json()),
        batchIds: ids[index] ?? []
    }));
}
/**
 * The writes that turn the existing comments into the parts: parts go into the existing comments in
 * order, extra parts are created, extra comments deleted. They are ordered so that a comment losing a
 * record is written only once another comment holds it, so a step that stops half-way loses nothing.
 */
function safeOrder(parts, existing, pruned) {
    const holds = new Map(existing.map((part) => [part.id, new Set(part.batchIds)]));
    const pending = [];
    parts.forEach((part, index) => {
        const old = existing[index];
        if (!old)
            pending.push({ step: { kind: 'create', body: part.body }, key: `new ${index}`, after: new Set(part.batchIds) });
        else if (old.body !== part.body)
            pending.push({
                step: { kind: 'update', id: old.id, body: part.body },
                key: old.id,
                after: new Set(part.batchIds)
            });
    });
    for (const old of existing.slice(parts.length))
        pending.push({ step: { kind: 'delete', id: old.id }, key: old.id, after: new Set() });
    const steps = [];
    while (pending.length > 0) {
        const index = pending.findIndex(({ key, after }) => [...(holds.get(key) ?? [])].every((id) => after.has(id) || pruned.has(id) || [...holds].some(([other, ids]) => other !== key && ids.has(id))));
        // Records move only one way at a boundary, so some write is always safe; this is a last guard.
        if (index === -1)
            throw new Error('the records could not be rearranged without risking one; nothing was written');
        const [next] = pending.splice(index, 1);
        if (!next)
            break;
        steps.push(next.step);
        holds.set(next.key, next.after);
    }
    return steps;
}

// EXTERNAL MODULE: ./src/records/sweep.ts
var sweep = __webpack_require__(414);
;// CONCATENATED MODULE: ./src/records/records-store.ts







/** Leases a write may take before it gives up: each ends when its lease would, or when another takes the lead. */
const MAX_WRITE_ROUNDS = 3;
/** How often one comment is posted when GitHub answers with an error and the comment is not found after. */
const MAX_COMMENT_POSTS = 3;
/**
 * The batches recorded on one pull request, kept in comments of ours (see `our-comment.ts`): one,
 * or more when one cannot hold them. Reading takes no lease; writing does, so that no interleaving of
 * writers loses a record or an outcome.
 */
class RecordsStore {
    api;
    pullRequest;
    options;
    /** Every listing meets the same comments: each warning is given once. */
    warned = new Set();
    /**
     * The pull request's comments as this step last listed them all, and the latest change among them
     * by GitHub's clock: a step lists them at most once; under the lease it reads again only its own
     * comments by id, and those changed since (`reread`).
     */
    listed;
    /** The latest change the listing a write started from held: a post's outcome is looked for among what changed since. */
    writeSince;
    constructor(api, pullRequest, options) {
        this.api = api;
        this.pullRequest = pullRequest;
        this.options = options;
    }
    /** The records as they stand; `comments` when the pull request's comments are already listed. */
    async read(comments) {
        return storedIn(this.ours(comments ?? (await this.listAll()).comments));
    }
    /** Every comment of the pull request, listed once for the step and kept. */
    async listAll() {
        const comments = await this.api.listComments(this.pullRequest);
        this.listed = { comments, anchor: latestChange(comments) };
        return this.listed;
    }
    /**
     * Makes the changes under a lease: lists our comments again once it holds the lease, merges, writes
     * the comments that change, and checks GitHub's answers hold the changes. Returns at once, writing
     * nothing, when the records already hold them. `known`: the pull request's comments as just
     * listed (the sweep has them), which spares the first listing, and `anchor` the latest change
     * (GitHub's `updated_at`) in the listing they came from. The step lists the pull request's comments
     * at most once: under the lease it reads its own comments again by id, and those changed since.
     */
    async write(changes, known, anchor) {
        let view = known ? this.ours(known) : undefined;
        let since = known ? (anchor ?? latestChange(known)) : undefined;
        if (!view) {
            const listed = this.listed ?? (await this.listAll());
            view = this.ours(listed.comments);
            since = listed.anchor;
        }
        for (let round = 1;; round++) {
            if (round > MAX_WRITE_ROUNDS) {
                throw new Error(`the records comments of pull request #${this.pullRequest} kept changing hands: after ${MAX_WRITE_ROUNDS} leases this step's changes were still not written`);
            }
            const before = view;
            if (settled(before, changes))
                return storedIn(before);
            const first = before[0];
            const { clock, viewer, log } = this.options;
            const lease = await acquireLease(this.api, first ? { comment: first.id } : { issue: this.pullRequest }, first ? `the records comment ${first.url}` : `pull request #${this.pullRequest}`, { clock, holder: viewer, log });
            let release = true;
            try {
                const now = await this.reread(before, since);
                view = now;
                // Another writer made the first comment of ours meanwhile: its lease is the one to hold.
                if (now[0]?.id !== first?.id)
                    continue;
                // What this step listed is out of date once it writes: a later write lists again.
                this.listed = undefined;
                this.writeSince = since;
                return await this.rewrite(now, changes, lease.notAfter);
            }
            catch (error) {
                if (error instanceof github_errors/* WriteWindowClosed */.qq) {
                    // An earlier attempt GitHub may have applied is let land before the lease goes.
                    if (error.unsureEndedAt !== undefined)
                        await this.untilLanded(error.unsureEndedAt);
                    if (round < MAX_WRITE_ROUNDS)
                        continue;
                    throw error;
                }
                // A write that failed without a clear refusal may still be applied: the lease stays until it ends.
                release = error instanceof github_errors/* GitHubError */.y_ && error.status < 500;
                throw error;
            }
            finally {
                if (release)
                    await lease
                        .release()
                        .catch(() => this.options.warn(`The lease on pull request #${this.pullRequest}'s records (a 👀 reaction) could not be removed; other steps wait until it is 2 minutes old.`));
            }
        }
    }
    async rewrite(now, changes, notAfter) {
        const readable = now.filter((comment) => comment.part.kind === 'readable');
        const desired = (0,records_records/* applyChanges */.YF)(everyRecordIn(now), changes);
        const plan = planRecordsLayout(desired, readable.map(existingPart));
        const final = new Map(now.map((comment) => [comment.id, comment]));
        for (const step of plan.steps) {
            if (step.kind === 'delete') {
                await this.api.deleteComment(step.id, { notAfter });
                final.delete(step.id);
                continue;
            }
            const written = step.kind === 'create'
                ? await this.create(step.body, notAfter, new Set(final.keys()))
                : await this.api.updateComment(step.id, step.body, { notAfter });
            final.set(written.id, { ...written, part: (0,records_format/* readRecordsPart */.Ej)(written.body) });
        }
        // GitHub's answers are the comments as it stored them: they must hold every change (but for done
        // records left out for room).
        const stored = storedIn([...final.values()].sort((a, b) => a.id - b.id));
        const pruned = new Set(plan.pruned.map((record) => record.batchId));
        const kept = changes.filter((change) => !pruned.has(change.kind === 'record' ? change.record.batchId : change.batchId));
        if (!(0,records_records/* holdsChanges */.Oh)(stored.records, kept)) {
            throw new Error(`the records comments of pull request #${this.pullRequest} did not hold this step's changes after writing them`);
        }
        return stored;
    }
    /**
     * Posts a comment. GitHub may apply a post it answers with an error (a 5xx, a timeout): then the
     * comment is looked for, once the post can no longer land, before it is posted again; `known` are
     * the comments there before. (While this step posts the first comment under the lease on the pull
     * request, another step may already take the lease on that comment and write to it.)
     */
    async create(body, notAfter, known) {
        for (let post = 1;; post++) {
            try {
                return await this.api.createComment(this.pullRequest, body, { notAfter });
            }
            catch (error) {
                if (!(error instanceof github_errors/* WriteMayHaveLanded */.$K))
                    throw error;
                await this.untilLanded(error.endedAt);
                // A new comment of ours holding what was posted: another step may have written to it since.
                const posted = (0,records_format/* readRecordsPart */.Ej)(body).records.map((record) => record.batchId);
                const landed = this.ours(await this.api.listComments(this.pullRequest, secondBefore(this.writeSince))).find((comment) => !known.has(comment.id) &&
                    posted.every((batchId) => comment.part.records.some((record) => record.batchId === batchId)));
                const what = `GitHub answered the post of a records comment on pull request #${this.pullRequest} with ${error.reason}`;
                if (landed) {
                    this.options.log(`${what}, but had made it (${landed.url}): it is not posted again.`);
                    return landed;
                }
                if (post === MAX_COMMENT_POSTS)
                    throw error;
                this.options.log(`${what}, and had not made it: it is posted again.`);
            }
        }
    }
    /**
     * Our comments as they are now, without listing them all again: each known one read by id (gone if
     * GitHub no longer has it), and any other made or changed since `since` (GitHub's time of the
     * latest change the listing held: whatever changes after a listing is changed at or after it).
     * Without `since` (a pull request without comments) the listing is short, and read whole.
     */
    async reread(known, since) {
        const byId = new Map();
        for (const comment of known) {
            const now = await this.api.getComment(comment.id);
            if (now)
                byId.set(now.id, now);
        }
        // The first comment says how many records there are in all: when those read hold them all, no
        // other comment of ours can hold one.
        const read = this.ours([...byId.values()]);
        if (read[0]?.id === known[0]?.id && (0,sweep/* listingIsComplete */.C_)(read))
            return read;
        for (const comment of await this.api.listComments(this.pullRequest, secondBefore(since)))
            if (!byId.has(comment.id))
                byId.set(comment.id, comment);
        return this.ours([...byId.values()]);
    }
    /** Waits until a write whose attempt ended at `endedAt` has been applied, if it ever is. */
    async untilLanded(endedAt) {
        const { clock } = this.options;
        const wait = endedAt + APPLY_MARGIN_MS - clock.now();
        if (wait > 0)
            await clock.sleep(wait);
    }
    /** Our comments, oldest first, read; a warning for each look-alike that is not ours. */
    ours(comments) {
        const { viewer } = this.options;
        for (const comment of comments) {
            if ((0,our_comment/* isOurComment */.C)(comment, viewer))
                continue;
            if (comment.author !== viewer && (0,our_comment/* looksLikeOurs */.l)(comment)) {
                this.warnOnce(`Ignored a comment by ${comment.author} on pull request #${this.pullRequest} that looks like this action's record of batches (${comment.url}): only comments by ${viewer}, whom the token acts as, are trusted.`);
            }
            else if (comment.author === viewer && comment.body.startsWith(records_format/* HEADING */.TB)) {
                // Our heading without our hidden part right after it: most likely an edit broke one of ours.
                this.warnOnce(`A comment of ${viewer} on pull request #${this.pullRequest} starts like this action's records but is not in their format (${comment.url}): it is not read, and left as it is.`);
            }
        }
        return comments
            .filter((comment) => (0,our_comment/* isOurComment */.C)(comment, viewer))
            .sort((a, b) => a.id - b.id)
            .map((comment) => ({ ...comment, part: (0,records_format/* readRecordsPart */.Ej)(comment.body) }));
    }
    warnOnce(message) {
        if (this.warned.has(message))
            return;
        this.warned.add(message);
        this.options.warn(message);
    }
}
/** The latest change among the comments, by GitHub's clock; undefined for none. */
function latestChange(comments) {
    return comments.reduce((latest, comment) => latest === undefined || Date.parse(comment.updatedAt) > Date.parse(latest) ? comment.updatedAt : latest, undefined);
}
/** A second before the time: GitHub's times are whole seconds, and a change in the same second must not be missed. */
function secondBefore(iso) {
    const before = new Date((iso === undefined ? NaN : Date.parse(iso)) - 1000);
    // Not a time, or one a second before which no date holds: no `since`, so the whole listing.
    return Number.isNaN(before.getTime()) ? undefined : before.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function everyRecordIn(comments) {
    return (0,records_records/* mergeRecords */.PI)(...comments.map((comment) => comment.part.records));
}
function existingPart(comment) {
    return { id: comment.id, body: comment.body, batchIds: comment.part.records.map((record) => record.batchId) };
}
/** The records already hold the changes, and are laid out as a write would leave them. */
function settled(comments, changes) {
    const records = everyRecordIn(comments);
    if (!(0,records_records/* holdsChanges */.Oh)(records, changes))
        return false;
    const readable = comments.filter((comment) => comment.part.kind === 'readable').map(existingPart);
    if (readable.length === 0)
        return changes.length === 0;
    return planRecordsLayout(records, readable).steps.length === 0;
}
function storedIn(comments) {
    const withTable = comments.find((comment) => comment.part.kind === 'readable') ?? comments[0];
    return {
        records: everyRecordIn(comments),
        commentUrl: withTable?.url,
        unreadable: comments.flatMap(({ url, part }) => part.kind === 'unreadable'
            ? [{ url, problem: part.problem, ...(part.newerVersion ? { newerVersion: part.newerVersion } : {}) }]
            : [])
    };
}


/***/ }),

/***/ 816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $L: () => (/* binding */ isDone),
/* harmony export */   Oh: () => (/* binding */ holdsChanges),
/* harmony export */   PI: () => (/* binding */ mergeRecords),
/* harmony export */   YF: () => (/* binding */ applyChanges)
/* harmony export */ });
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


/***/ }),

/***/ 513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ selectBatches)
/* harmony export */ });
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(816);

/**
 * Open records are cancelled; with `head` (only-superseded), only those recorded for another commit.
 * A record whose last cancel failed is open: it is tried again.
 */
function selectBatches(records, head) {
    const open = records.filter((record) => !(0,_records_js__WEBPACK_IMPORTED_MODULE_0__/* .isDone */ .$L)(record));
    return {
        toCancel: open.filter((record) => head === undefined || record.commit !== head),
        alreadyDone: records.filter(_records_js__WEBPACK_IMPORTED_MODULE_0__/* .isDone */ .$L),
        current: head === undefined ? [] : open.filter((record) => record.commit === head)
    };
}


/***/ }),

/***/ 414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C_: () => (/* binding */ listingIsComplete),
/* harmony export */   EK: () => (/* binding */ ourCommentsByPullRequest),
/* harmony export */   L_: () => (/* binding */ sweepSince),
/* harmony export */   vG: () => (/* binding */ sweepSelection)
/* harmony export */ });
/* harmony import */ var _helpers_iso_seconds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(876);
/* harmony import */ var _our_comment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(532);
/* harmony import */ var _records_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(157);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(816);
/* harmony import */ var _select_batches_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(513);





/** A sweep looks back this far: records comments last updated before it are not listed. */
function sweepSince(now, days) {
    return (0,_helpers_iso_seconds_js__WEBPACK_IMPORTED_MODULE_2__/* .isoSeconds */ .n)(now - days * 86_400_000);
}
/** The comments of ours among the repository's, by the pull request they are on (the one rule of ours). */
function ourCommentsByPullRequest(comments, viewer) {
    const byNumber = new Map();
    for (const comment of comments) {
        if (!Number.isInteger(comment.issue) || !(0,_our_comment_js__WEBPACK_IMPORTED_MODULE_0__/* .isOurComment */ .C)(comment, viewer))
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
    const parts = [...comments].sort((a, b) => a.id - b.id).map((comment) => (0,_records_format_js__WEBPACK_IMPORTED_MODULE_1__/* .readRecordsPart */ .Ej)(comment.body));
    const [first] = parts;
    if (first?.kind !== 'readable' || first.total === undefined)
        return false;
    if (parts.some((part) => part.kind !== 'readable'))
        return false;
    return (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .mergeRecords */ .PI)(...parts.map((part) => part.records)).length === first.total;
}
/**
 * Which open records a sweep cancels on a pull request: every one on a closed pull request (merged
 * or not); on an open one (`sweep: superseded`), those recorded for commits other than its live head.
 */
function sweepSelection(pull, records) {
    return pull.open ? (0,_select_batches_js__WEBPACK_IMPORTED_MODULE_4__/* .selectBatches */ .f)(records, pull.head) : (0,_select_batches_js__WEBPACK_IMPORTED_MODULE_4__/* .selectBatches */ .f)(records);
}


/***/ })

};
