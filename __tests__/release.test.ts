import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

// The release script, run in a throw-away clone of this repository's last commit.
let clone: string
const git = (...args: string[]) => execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8' }).trim()
const release = (...args: string[]) => {
  const run = spawnSync('bash', ['scripts/release.sh', ...args], { cwd: clone, encoding: 'utf8' })
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}
const commitAll = (message: string) => git('commit', '-qam', message)

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'release-'))
  execFileSync('git', ['clone', '-q', resolve('.'), clone])
  // A real node_modules inside the clone, so the bundle resolves the same paths as here (hard links are instant).
  try {
    execFileSync('cp', ['-al', resolve('node_modules'), join(clone, 'node_modules')])
  } catch {
    execFileSync('cp', ['-a', resolve('node_modules'), join(clone, 'node_modules')])
  }
  writeFileSync(join(clone, '.git', 'info', 'exclude'), 'node_modules\n')
  git('config', 'user.email', 'release-test@example.com')
  git('config', 'user.name', 'Release Test')
})
afterAll(() => rmSync(clone, { recursive: true, force: true }))

const version = (
  JSON.parse(execFileSync('git', ['show', 'HEAD:package.json'], { encoding: 'utf8' })) as { version: string }
).version

describe('npm run release', () => {
  it.each([
    { args: [], message: 'give the version as X.Y.Z' },
    { args: ['v1.2'], message: 'give the version as X.Y.Z' },
    { args: [version, '--force'], message: "unknown option '--force'" },
    { args: ['9.9.9'], message: `package.json says ${version}; set it and src/http/user-agent.ts to 9.9.9 first` }
  ])('refuses $args: $message', ({ args, message }) => {
    expect(release(...args)).toEqual({ status: 1, output: expect.stringContaining(message) })
  })

  it('refuses a working tree with changes', () => {
    appendFileSync(join(clone, 'README.md'), '\nedited\n')
    expect(release(version)).toEqual({ status: 1, output: expect.stringContaining('the working tree has changes') })
    git('checkout', 'README.md')
  })

  it('tags the version and moves the major tag to it', () => {
    const result = release(version)
    expect(result).toEqual({
      status: 0,
      output: expect.stringContaining(`Tagged v${version} and moved v${version.split('.')[0]} to it.`)
    })
    const head = git('rev-parse', 'HEAD')
    expect(git('rev-parse', `v${version}^{commit}`)).toBe(head)
    expect(git('rev-parse', `v${version.split('.')[0]}^{commit}`)).toBe(head)
    expect(release(version)).toEqual({ status: 1, output: expect.stringContaining(`tag v${version} exists already`) })
  })

  it('refuses a version missing from the changelog, and a stale dist/', () => {
    const next = version.replace(/\d+$/, (patch) => String(Number(patch) + 1))
    execFileSync('npm', ['pkg', 'set', `version=${next}`], { cwd: clone })
    execFileSync('sed', [
      '-i',
      `s/ACTION_VERSION = '${version}'/ACTION_VERSION = '${next}'/`,
      join(clone, 'src/http/user-agent.ts')
    ])
    commitAll('bump')
    expect(release(next)).toEqual({
      status: 1,
      output: expect.stringContaining(`CHANGELOG.md has no '## [${next}]' section`)
    })

    appendFileSync(join(clone, 'CHANGELOG.md'), `\n## [${next}] - 2026-12-01\n`)
    commitAll('changelog')
    expect(release(next)).toEqual({ status: 1, output: expect.stringContaining('dist/ is stale') })
  }, 60_000)
})
