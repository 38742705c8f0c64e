// Preloaded into a bundle under test (NODE_OPTIONS=--import=…): every wait between retries, and only
// those, lasts a thousandth of what the action asks for, so that retries do not slow the suite. The
// action reads nothing for this: its retry context sleeps through node:timers/promises, patched here.
import { createRequire, syncBuiltinESMExports } from 'node:module'

const timers = createRequire(import.meta.url)('node:timers/promises')
const wait = timers.setTimeout
timers.setTimeout = (ms, value, options) => wait(Math.ceil((Number(ms) || 0) / 1000), value, options)
syncBuiltinESMExports()
