// Stands in for `undici` in the bundle (see `paths` in tsconfig.json), which leaves it out.
// No run of this action uses it: @actions/http-client sends every request, proxied ones included,
// through node:http and `tunnel`, and imports undici only for the ProxyAgent of getAgentDispatcher(),
// which the action never calls. Bundled, undici was most of the bytes V8 compiled at every start.
//
// Should anything make a proxy dispatcher, making one works; using one, or this fetch, fails with a
// message that says why.
'use strict'

function unavailable(what) {
  return new Error(
    `${what} is not available: this action's bundle leaves undici out, and its requests go through @actions/http-client`
  )
}

exports.ProxyAgent = class ProxyAgent {
  constructor(options) {
    this.options = options
  }
  dispatch() {
    throw unavailable('undici ProxyAgent.dispatch')
  }
  close() {
    return Promise.resolve()
  }
  destroy() {
    return Promise.resolve()
  }
}

exports.fetch = () => Promise.reject(unavailable('undici fetch'))
