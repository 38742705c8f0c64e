import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface UnusableFolder {
  what: string
  folder: string
  /** What the warning says of the folder. */
  says: string
}

/**
 * Folders RUNNER_TEMP can name in which no file can be made, as an earlier step can leave it: gone,
 * a file in its place, not writable. Root writes wherever modes forbid it, so a root run (a container)
 * takes sysfs instead, which refuses new entries even to root.
 */
export function unusableFolders(): UnusableFolder[] {
  const base = mkdtempSync(join(tmpdir(), 'unusable-'))
  const file = join(base, 'a-file')
  writeFileSync(file, 'not a folder')
  const readOnly = join(base, 'read-only')
  mkdirSync(readOnly)
  chmodSync(readOnly, 0o555)
  return [
    { what: 'a missing folder', folder: join(base, 'gone'), says: 'does not exist' },
    { what: 'a file', folder: file, says: 'is not a directory' },
    {
      what: 'a folder the step cannot write to',
      folder: process.getuid?.() === 0 ? '/sys' : readOnly,
      says: 'is not writable by the step'
    }
  ]
}
