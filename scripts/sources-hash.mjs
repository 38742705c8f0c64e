// The SHA-256 of what the bundles are built from: every file under src/, tsconfig.json and the
// locked dependencies. `npm run bundle` writes it to dist/sources.sha256, so the demo can tell at
// once whether the committed bundles are current (mtimes say nothing on a fresh clone).
// Usage: node scripts/sources-hash.mjs [--write]
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
export const HASH_FILE = join(root, 'dist', 'sources.sha256')

/** The files the bundles are built from, as paths relative to the root, in a stable order. */
function sourceFiles() {
  const walk = (folder) =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)]
    )
  return [...walk(join(root, 'src')), join(root, 'tsconfig.json'), join(root, 'package-lock.json')]
    .map((file) => relative(root, file).split('\\').join('/'))
    .sort()
}

export function sourcesHash() {
  const hash = createHash('sha256')
  for (const file of sourceFiles())
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0')
  return hash.digest('hex')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const hash = sourcesHash()
  if (process.argv.includes('--write')) writeFileSync(HASH_FILE, `${hash}\n`)
  else console.log(hash)
}
