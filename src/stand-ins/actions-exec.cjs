// Stands in for `@actions/exec` in the bundle (see `paths` in tsconfig.json), which leaves it out.
// @actions/core imports it only for `core.platform`, which runs PowerShell or sw_vers to describe the
// runner's OS; this action never asks. Bundled, it added @actions/io, child_process and assert to
// every start.
'use strict'

function unavailable(what) {
  return Promise.reject(new Error(`${what} is not available: this action's bundle leaves @actions/exec out`))
}

exports.exec = () => unavailable('@actions/exec exec')
exports.getExecOutput = () => unavailable('@actions/exec getExecOutput')
