import { describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

describe('the on-demand stand-in for undici', () => {
  it('loads undici only when a ProxyAgent is made, and then makes a real one', async () => {
    const undiciEntry = require.resolve('undici/index.js')
    delete require.cache[undiciEntry]
    const { ProxyAgent } = require('../../src/http/undici-on-demand.cjs') as {
      ProxyAgent: new (url: string) => { close(): Promise<void> }
    }
    expect(require.cache[undiciEntry]).toBeUndefined()

    const agent = new ProxyAgent('http://127.0.0.1:3128')
    const undici = require('undici') as { ProxyAgent: abstract new (...args: never[]) => unknown }
    expect(require.cache[undiciEntry]).toBeDefined()
    expect(agent).toBeInstanceOf(undici.ProxyAgent)
    await agent.close()
  })
})
