import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

interface UndiciStandIn {
  ProxyAgent: new (options: { uri: string }) => { options: unknown; dispatch(): unknown; close(): Promise<void> }
  fetch: () => Promise<unknown>
}
interface ExecStandIn {
  exec: () => Promise<unknown>
  getExecOutput: () => Promise<unknown>
}

describe('the stand-in for undici', () => {
  const undici = require('../src/stand-ins/undici.cjs') as UndiciStandIn

  it('lets a proxy dispatcher be made, so that making one never breaks a run', async () => {
    const agent = new undici.ProxyAgent({ uri: 'http://127.0.0.1:3128' })
    expect(agent.options).toEqual({ uri: 'http://127.0.0.1:3128' })
    await expect(agent.close()).resolves.toBeUndefined()
  })

  it('fails with a clear message when a dispatcher or its fetch is used', async () => {
    const agent = new undici.ProxyAgent({ uri: 'http://127.0.0.1:3128' })
    expect(() => agent.dispatch()).toThrow(
      /ProxyAgent\.dispatch is not available: this action's bundle leaves undici out/
    )
    await expect(undici.fetch()).rejects.toThrow(/undici fetch is not available/)
  })
})

describe('the stand-in for @actions/exec', () => {
  it('fails with a clear message when core.platform would run a command', async () => {
    const exec = require('../src/stand-ins/actions-exec.cjs') as ExecStandIn
    await expect(exec.getExecOutput()).rejects.toThrow(
      /getExecOutput is not available: this action's bundle leaves @actions\/exec out/
    )
    await expect(exec.exec()).rejects.toThrow(/exec is not available/)
  })
})

describe('the bundle', () => {
  const bundle = readFileSync('dist/index.js', 'utf8')

  it('leaves out undici and @actions/exec, and uses the stand-ins instead', () => {
    expect(bundle).not.toContain('UND_ERR') // undici's error codes
    expect(bundle).not.toContain('_getSpawnFileName') // @actions/exec's ToolRunner
    expect(bundle).toContain("this action's bundle leaves undici out")
    expect(bundle).toContain("this action's bundle leaves @actions/exec out")
  })
})
