import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'

const TSX = 'node_modules/.bin/tsx'

/** Starts a command and collects its output until `done` says enough, or it exits. */
function start(args: string[], done: (output: string) => boolean) {
  const child = spawn(TSX, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  const ready = new Promise<string>((resolve) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      if (done(output)) resolve(output)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    void exited.then(() => resolve(output))
  })
  return { child, ready, exited }
}

describe('npm run simulator', () => {
  it('prints its api-url, token and seeded batches, serves them, and stops on SIGTERM', async () => {
    const simulator = start(['simulator/cli.ts', '--token', 'cli-token'], (output) => output.includes('Stop with'))
    const output = await simulator.ready
    const apiUrl = output.match(/api-url: +(\S+)/)?.[1] ?? ''
    const [complete] = output.match(/\b[0-9A-HJKMNP-TV-Z]{26}\b/g) ?? []

    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/)
    expect(output).toContain('token:    cli-token')
    const githubUrl = output.match(/github-api-url: +(\S+)/)?.[1] ?? ''
    const pull = await fetch(`${githubUrl}/repos/any/repo/pulls/1`, {
      headers: { authorization: 'Bearer demo-github-token' }
    })
    expect(((await pull.json()) as { head: { sha: string } }).head.sha).toMatch(/^2222222/)
    const reply = await fetch(`${apiUrl}/batches/${complete}/cancel`, {
      method: 'POST',
      headers: { authorization: 'Bearer cli-token' }
    })
    expect(((await reply.json()) as { status: string }).status).toBe('cancelled')

    simulator.child.kill('SIGTERM')
    expect(await simulator.exited).toBe(0)
  })

  it('refuses a port that is not a port number', async () => {
    const simulator = start(['simulator/cli.ts', '--port', 'http'], () => false)
    expect(await simulator.exited).toBe(2)
    expect(await simulator.ready).toContain("--port must be a port number from 0 to 65535, got 'http'")
  })

  it('refuses a GitHub port that is not a port number', async () => {
    const simulator = start(['simulator/cli.ts', '--github-port', '70000'], () => false)
    expect(await simulator.exited).toBe(2)
    expect(await simulator.ready).toContain("--github-port must be a port number from 0 to 65535, got '70000'")
  })

  it.each(['--help', '-h'])('prints its usage with %s', async (flag) => {
    const simulator = start(['simulator/cli.ts', flag], () => false)
    expect(await simulator.exited).toBe(0)
    expect(await simulator.ready).toMatch(/^Usage: npm run simulator -- \[options\]\n[\s\S]*--github-token TOKEN/)
  })

  it('says in one line what is wrong with an unknown option, or a port in use', async () => {
    const unknown = start(['simulator/cli.ts', '--prot', '4010'], () => false)
    expect(await unknown.exited).toBe(2)
    expect((await unknown.ready).trim().split('\n')).toEqual([
      expect.stringMatching(/^simulator: Unknown option '--prot'.* \(npm run simulator -- --help\)$/)
    ])

    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as AddressInfo
    try {
      const taken = start(['simulator/cli.ts', '--port', String(port)], () => false)
      expect(await taken.exited).toBe(2)
      expect((await taken.ready).trim()).toBe(
        `simulator: port ${port} is in use; give --port another (npm run simulator -- --help)`
      )
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })
})

describe('npm run demo', () => {
  it('shows the guard, every seeded outcome, a dry run and a failing step, then what to try next', async () => {
    const demo = start(['demo/run-demo.ts'], () => false)
    expect(await demo.exited).toBe(0)
    const output = await demo.ready
    // The committed bundles are current (the suite runs on what `npm run bundle` built): none is rebuilt.
    expect(output).toContain('Using the bundles in dist/: they are built from the sources as they are now.')
    // A CI job's render, guarded: the job fails, and the post step cancels it.
    expect(output).toContain('uses: OWNER/nexrender-cancel-batch-action/guard@v1 (its post step)')
    expect(output).toContain('## Nexrender guard: the job failed or was cancelled: ✅ passes: cancelled')
    expect(output).toContain('(the runner masks the Nexrender token (token) from here on)')
    expect(output).toContain('(the runner masks the GitHub token (github-token) from here on)')
    // Each title between two rules as long as its longest line.
    const titles = [...output.matchAll(/^(═+)\n((?:[^═\n][^\n]*\n)+?)\1$/gm)]
    expect(titles.length).toBeGreaterThan(10)
    for (const [, rule = '', lines = ''] of titles) {
      expect(
        Math.max(
          ...lines
            .trimEnd()
            .split('\n')
            .map((line) => line.length)
        )
      ).toBe(rule.length)
    }
    // The job summary as it was written, its table rules included.
    expect(output).toContain(
      '| Verdict | Status | Total | Cancelled | Skipped | Cascaded relatives |\n|---|---|---|---|---|---|'
    )
    expect(output).toContain('## Nexrender batch cancel: ✅ passes: cancelled')
    expect(output).toContain('## Nexrender batch cancel (dry run): ✅ would pass: partial')
    expect(output).toContain('## Nexrender batch cancel: ✅ passes: partial')
    expect(output).toContain('── step failed (exit code 1) ──')
    expect(output).toContain('status = unchanged')
    // The pull-request story: two renders recorded, the superseded one cancelled, the rest on close.
    expect(output).toContain('Recorded 01KDVDNA0MCCX8BCF6MB22HG98 on pull request #1 for commit 1111111')
    expect(output).toContain('2 batches are recorded there now')
    expect(output).toContain(
      'Only superseded renders: the current head is 2222222; left rendering: 01KDVDNA0RMF0DPRQAZBBA4JFV'
    )
    expect(output).toContain('Already done, not sent again: 01KDVDNA0MCCX8BCF6MB22HG98')
    expect(output).toContain('| `01KDVDNA0MCCX8BCF6MB22HG98` | `1111111` |')
    expect(output).toMatch(/\| `01KDVDNA0RMF0DPRQAZBBA4JFV` \| `2222222` \| .* \| cancelled in part \(partial\), /)
    // The sweep finds the render of the pull request whose cleanup never ran, and cancels it.
    expect(output).toContain('## Nexrender sweep of closed pull requests (dry run): ✅ would pass: cancelled')
    expect(output).toContain('## Nexrender sweep of closed pull requests: ✅ passes: cancelled')
    expect(output).toMatch(/\| `01KDVDNA0WMWCGWC2TC40D0P6W` \| `3333333` \| .* \| cancelled, /)
    expect(output).toMatch(/What to try next\n═+\n- Copy a recipe/)
    // Sixteen steps, one node process each: on a busy two-core machine more than the usual 30 s.
  }, 90_000)
})
