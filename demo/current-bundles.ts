import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { HASH_FILE, sourcesHash } from '../scripts/sources-hash.mjs'

/**
 * Uses the committed bundles when they were built from the sources as they are now (the hash
 * `npm run bundle` wrote beside them), and rebuilds them only when the sources changed since.
 */
export function ensureCurrentBundles(): void {
  const built = existsSync(HASH_FILE) ? readFileSync(HASH_FILE, 'utf8').trim() : ''
  if (built === sourcesHash()) {
    console.log('Using the bundles in dist/: they are built from the sources as they are now.\n')
    return
  }
  console.log('The sources changed since dist/ was built: rebuilding the bundles (about a minute)…\n')
  const build = spawnSync('npm', ['run', '-s', 'bundle'], { stdio: 'inherit' })
  if (build.status !== 0) {
    console.error('npm run bundle failed: see above.')
    process.exit(1)
  }
}
