// Stands in for `undici` in the bundle (see the `paths` of src/tsconfig.json). @actions/http-client
// imports undici at load time only for its ProxyAgent, which a run never constructs unless a tool
// asks http-client for a proxy dispatcher; loading all of undici up front was most of the action's
// start-up time. The real module is required the first time a ProxyAgent is made.
'use strict'

let undici
const load = () => (undici ??= require('undici/index.js'))

exports.ProxyAgent = class ProxyAgent {
  constructor(...args) {
    return new (load().ProxyAgent)(...args)
  }
}
