export const id = 814;
export const ids = [814];
export const modules = {

/***/ 814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lookUpPullRequest: () => (/* binding */ lookUpPullRequest),
/* harmony export */   writeOutcomes: () => (/* binding */ writeOutcomes)
/* harmony export */ });
/* harmony import */ var _helpers_error_message_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(529);
/* harmony import */ var _report_pull_request_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(390);
/* harmony import */ var _records_pull_request_batches_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(586);
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
        const { batches, store } = await (0,_records_pull_request_batches_js__WEBPACK_IMPORTED_MODULE_1__/* .lookUpPullRequestBatches */ .vg)(config);
        for (const line of (0,_report_pull_request_report_js__WEBPACK_IMPORTED_MODULE_0__/* .pullRequestLogLines */ .w)(batches))
            info(line);
        return { report: batches, store };
    }
    catch (error) {
        const lookupFailure = `Could not read the batches recorded on pull request #${number}: ${(0,_helpers_error_message_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}`;
        info(lookupFailure);
        return { report: { ...(0,_records_pull_request_batches_js__WEBPACK_IMPORTED_MODULE_1__/* .noBatches */ .gM)(number), lookupFailure } };
    }
}
/**
 * Writes the outcomes into the pull request's comment, and returns the report with the comment as
 * written; if that fails the cancels still stand, with a warning.
 */
async function writeOutcomes({ report, store }, results, warn) {
    if (!store)
        return report;
    try {
        const { commentUrl } = await (0,_records_pull_request_batches_js__WEBPACK_IMPORTED_MODULE_1__/* .recordCancelOutcomes */ .fY)(store, report, results, new Date());
        return { ...report, commentUrl };
    }
    catch (error) {
        warn(`The cancels happened, but the pull request's comment could not be updated: ${(0,_helpers_error_message_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}`);
        return { ...report, updateFailure: (0,_helpers_error_message_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error) };
    }
}


/***/ })

};
