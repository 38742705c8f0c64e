export const id = 297;
export const ids = [297];
export const modules = {

/***/ 297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sendThroughProxy: () => (/* binding */ sendThroughProxy)
/* harmony export */ });
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(779);

/**
 * One request through the runner's proxy, with `@actions/http-client` (its `tunnel` for https
 * through an http proxy). Loaded only when a proxy applies to the request's host (a chunk of its
 * own), so a run without one never pays for it. Redirects are not followed and the token goes in
 * this request's own headers only, so it cannot be forwarded to another host.
 */
async function sendThroughProxy(request, userAgent, signal) {
    const client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq(userAgent, [prepareWith(signal)], {
        allowRedirects: false,
        allowRetries: false,
        keepAlive: false,
        // The deadline is the authority; this only cleans up an idle socket should it linger.
        socketTimeout: request.timeoutMs + 1000
    });
    const body = request.body ?? (request.method === 'GET' ? null : '');
    const response = await client.request(request.method, request.url, body, {
        accept: 'application/json',
        ...request.headers,
        authorization: `Bearer ${request.token}`
    });
    return response.message;
}
/**
 * Hands the abort signal to node's http.request, which destroys the request and its socket when it
 * fires; and unwraps an IPv6 literal, which http-client passes on bracketed (`[::1]`) as a host name.
 */
function prepareWith(signal) {
    return {
        prepareRequest: (options) => {
            if (typeof options.host === 'string')
                options.host = options.host.replace(/^\[(.*)\]$/, '$1');
            return Object.assign(options, { signal });
        },
        canHandleAuthentication: () => false,
        handleAuthentication: () => Promise.reject(new Error('not used'))
    };
}


/***/ })

};
