import { describe, expect, it } from '@jest/globals'
import { budgetWithin } from '../../src/http/time-budget.js'

describe('budgetWithin', () => {
  const outer = { endsAt: 5000, unanswered: "no answer within the guard's 30 s" }

  it('gives a call its own time when the step has no end', () => {
    expect(budgetWithin(1000, 600_000, 'no answer within 10 minutes')).toEqual({
      endsAt: 601_000,
      unanswered: 'no answer within 10 minutes'
    })
  })

  it("keeps the step's end, and its words, when the step ends first", () => {
    expect(budgetWithin(1000, 600_000, 'no answer within 10 minutes', outer)).toBe(outer)
  })

  it("gives the call's own end when it comes before the step's", () => {
    expect(budgetWithin(1000, 2000, 'no answer within 2 s', outer)).toEqual({
      endsAt: 3000,
      unanswered: 'no answer within 2 s'
    })
  })
})
