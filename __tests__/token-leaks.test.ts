import { describe, expect, it } from '@jest/globals'
import { expectNoTokenLeaks, tokenLeaks } from './support/token-leaks.js'
import { actionRun as run } from './support/action-run.js'

const TOKEN = 'nxr_7Q2sLk9vSECRET'
const OTHER = 'ghs_9Wq2LmTOKEN'

describe('the check for token leaks', () => {
  it('finds nothing in a run that shows the tokens only in the mask commands', () => {
    const clean = run({ stdout: `::add-mask::${TOKEN}\n::add-mask::${OTHER}\nBearer ***\n`, files: { summary: '***' } })
    expect(tokenLeaks(clean, [TOKEN, OTHER], ['a comment'])).toEqual([])
  })

  it.each([
    { place: 'log', found: run({ stdout: `::add-mask::${TOKEN}\nBearer ${TOKEN}` }) },
    { place: 'log', found: run({ stderr: `at ${TOKEN.slice(0, 8)}...` }) },
    { place: 'log', found: run({ stdout: `::add-mask::${TOKEN} ` }) },
    { place: 'summary', found: run({ files: { summary: `...${TOKEN.slice(-8)}` } }) },
    { place: 'results', found: run({ files: { results: `[{"error":"${TOKEN.slice(4, 12)}"}]` } }) }
  ])('finds a run of 8 characters in the $place', ({ place, found }) => {
    const leaks = tokenLeaks(found, [TOKEN])
    expect(leaks).not.toEqual([])
    expect(leaks.filter((leak) => !leak.startsWith(`${place}: '`))).toEqual([])
  })

  it('finds a run in a comment, and names which', () => {
    expect(tokenLeaks(run({}), [OTHER], ['fine', `token ${OTHER}`])).toEqual(
      Array.from({ length: OTHER.length - 7 }, (_, at) => `comment 2: '${OTHER.slice(at, at + 8)}'`)
    )
  })

  it('lets 7 characters of a token pass, and skips tokens not given', () => {
    expect(tokenLeaks(run({ stdout: TOKEN.slice(0, 7) }), [TOKEN, undefined, ''])).toEqual([])
  })

  it('fails a test with every place named', () => {
    expect(() => expectNoTokenLeaks(run({ stdout: TOKEN.slice(0, 8) }), [TOKEN])).toThrow(
      `a token leaked, in part or whole, into log: '${TOKEN.slice(0, 8)}'`
    )
  })
})
