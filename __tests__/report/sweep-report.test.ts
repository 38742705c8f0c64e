import { describe, expect, it } from '@jest/globals'
import {
  sweepFailure,
  sweepLogLines,
  sweepSections,
  unresolvedWarning,
  type SweepReport
} from '../../src/report/sweep-report.js'
import { CANCEL_WORDING } from '../../src/report/wording.js'

const report = (extra: Partial<SweepReport> = {}): SweepReport => ({
  mode: 'closed',
  days: 30,
  since: '2026-11-02T08:00:00Z',
  found: 3,
  nothingOpen: 1,
  unresolved: [],
  swept: [],
  githubRequests: 7,
  budget: 200,
  left: 0,
  ...extra
})

describe('what the sweep left for the next run', () => {
  it('is said in the log and the summary, with the budget it kept to', () => {
    const left = report({ left: 12 })
    const line =
      'The sweep stopped before its budget of 200 GitHub requests ran out (sweep-budget) and left 12 pull requests for the next run, which takes them first.'
    expect(sweepLogLines(left)).toContain(line)
    expect(sweepSections(left, [], 'strict', CANCEL_WORDING).join('\n')).toContain(line)
    expect(sweepLogLines(report()).join('\n')).not.toContain('left')
  })
})

describe('the pull requests GitHub could not resolve', () => {
  it.each([
    [[5], 'GitHub could not resolve pull request #5 (', 'so its records comments were not swept'],
    [[5, 9], 'GitHub could not resolve pull requests #5, #9 (', 'so their records comments were not swept']
  ])('are named in a warning: %j', (unresolved, start, middle) => {
    const warning = unresolvedWarning({ unresolved }) ?? ''
    expect(warning.startsWith(start)).toBe(true)
    expect(warning).toContain('NOT_FOUND: hidden as spam, or removed by GitHub')
    expect(warning).toContain(middle)
    expect(warning).toContain('Cancel what they still render with batch-id')
  })

  it('are counted and named in the log and the summary, and fail nothing', () => {
    const unresolved = report({ unresolved: [5, 9], nothingOpen: 1 })
    expect(sweepLogLines(unresolved)).toEqual([
      'Sweep of closed pull requests: 3 pull requests with records updated since 2026-11-02T08:00:00Z (the last 30 days); 1 with nothing to cancel, 2 GitHub could not resolve (#5, #9).'
    ])
    const [overview, warning] = sweepSections(unresolved, [], 'strict', CANCEL_WORDING)
    expect(overview).toContain('1 with nothing to cancel, 2 GitHub could not resolve (#5, #9). 7 GitHub requests.')
    expect(warning).toMatch(/^> ⚠️ GitHub could not resolve pull requests #5, #9/)
    expect(sweepFailure(unresolved)).toBeUndefined()
  })

  it('are not mentioned when there are none', () => {
    expect(unresolvedWarning(report())).toBeUndefined()
    expect(sweepLogLines(report())[0]).toMatch(/; 1 with nothing to cancel\.$/)
    expect(sweepSections(report(), [], 'strict', CANCEL_WORDING)).toHaveLength(1)
  })
})
