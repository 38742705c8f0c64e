import { fileURLToPath, pathToFileURL } from 'node:url'

/** The environment that makes a bundle's retry waits a thousandth as long (see short-waits.mjs). */
export const SHORT_WAITS = {
  NODE_OPTIONS: `--import=${pathToFileURL(fileURLToPath(new URL('./short-waits.mjs', import.meta.url))).href}`
}
