import { describe, expect, it } from '@jest/globals'
import type { CancelStatus } from '../../src/nexrender/cancel-reply.js'
import type { Strictness } from '../../src/inputs/strictness.js'
import { verdictFor, type Verdict } from '../../src/report/verdict.js'

/** The verdict table of the contract, row by row. */
const TABLE: Array<[CancelStatus, Record<Strictness, Verdict>]> = [
  ['cancelled', { strict: 'pass', lenient: 'pass', off: 'pass' }],
  ['partial', { strict: 'fail', lenient: 'pass', off: 'pass' }],
  ['unchanged', { strict: 'fail', lenient: 'fail', off: 'pass' }]
]

const cells = TABLE.flatMap(([status, row]) =>
  (Object.entries(row) as Array<[Strictness, Verdict]>).map(([strictness, verdict]) => ({
    status,
    strictness,
    verdict
  }))
)

describe('verdictFor', () => {
  it('covers all nine cells', () => expect(cells).toHaveLength(9))

  it.each(cells)('$status at $strictness: $verdict', ({ status, strictness, verdict }) => {
    expect(verdictFor(status, strictness)).toBe(verdict)
  })
})
