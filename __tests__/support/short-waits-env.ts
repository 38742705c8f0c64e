import { fileURLToPath, pathToFileURL } from 'node:url'

/** The environment that makes a bundle's retry waits a thousandth as long (see short-waits.mjs). */
/** How many times shorter the waits are. */
export const SHORT_WAITS_FACTOR = 1000

/**
 * A clock that runs as many times faster as the bundles' waits are shorter: the fake GitHub counts its
 * secondary limits by it, so a bundle that waits a second between writes (a millisecond here) or as
 * long as a `retry-after` asks is judged as GitHub would judge it in real time.
 */
export function shortWaitsClock(): () => number {
  const start = Date.now()
  return () => start + (Date.now() - start) * SHORT_WAITS_FACTOR
}

export const SHORT_WAITS = {
  NODE_OPTIONS: `--import=${pathToFileURL(fileURLToPath(new URL('./short-waits.mjs', import.meta.url))).href}`
}
