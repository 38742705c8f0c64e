import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

interface UndiciStandIn {
  ProxyAgent: new (options: { uri: string }) => { options: unknown; dispatch(): unknown; close(): Promise<void> }
  fetch: () => Promise<unknown>
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

describe('the bundles', () => {
  const read = (file: string) => readFileSync(file, 'utf8')

  it.each(['dist/index.js', 'dist/record/index.js', 'dist/guard/index.js', 'dist/guard/post/index.js'])(
    '%s starts without undici: @actions/core loads @actions/http-client, with the stand-in in its place',
    (entry) => {
      const bundle = read(entry)
      expect(bundle).not.toContain('UND_ERR') // undici's error codes
      expect(bundle).toContain('class HttpClient')
      expect(bundle).toContain("this action's bundle leaves undici out")
    }
  )
})
