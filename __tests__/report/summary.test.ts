import { describe, expect, it } from '@jest/globals'
import { notFoundReply } from '../../src/nexrender/batch-result.js'
import type { CancelReply } from '../../src/nexrender/cancel-reply.js'
import { predictCancel } from '../../src/nexrender/predict-cancel.js'
import { renderSummary, SUMMARY_BUDGET_BYTES } from '../../src/report/summary.js'
import { DRY_RUN_WORDING } from '../../src/report/wording.js'
import { answered, BATCH, failed, reply } from '../support/replies.js'

const context = {
  repository: 'acme/renders',
  eventName: 'pull_request',
  pullRequestNumber: 42,
  runUrl: 'https://github.com/acme/renders/actions/runs/7'
}

/** A reply with `top` top-level jobs (every other one skipped) and `relatives` cascaded relatives. */
function bigReply(top: number, relatives: number): CancelReply {
  const jobs = Array.from({ length: top }, (_, i) =>
    i % 2 === 0
      ? { index: i, id: `JOB${i}`, result: 'cancelled', status: 'manually_cancelled' }
      : { index: i, id: `JOB${i}`, result: 'skipped', status: 'finished', reason: 'already finished' }
  )
  const cancelledJobs = [
    ...jobs
      .filter((job) => job.result === 'cancelled')
      .map((job) => ({
        id: job.id,
        templateId: 'tpl-long-template-name',
        status: 'manually_cancelled',
        outputUrl: null
      })),
    ...Array.from({ length: relatives }, (_, i) => ({
      id: `REL${i}`,
      templateId: 'tpl-child',
      status: 'manually_cancelled',
      outputUrl: null
    }))
  ]
  const cancelledCount = Math.ceil(top / 2)
  return reply({
    status: 'partial',
    totalJobs: top,
    cancelledCount,
    skippedCount: top - cancelledCount,
    jobs,
    cancelledJobs
  })
}

describe('renderSummary', () => {
  it('has a heading, the run context and a table per batch', () => {
    const markdown = renderSummary({ results: [answered()], strictness: 'lenient', context })
    expect(markdown).toContain('## Nexrender batch cancel: ✅ passes: partial')
    expect(markdown).toContain(
      'Strictness `lenient` · repository `acme/renders` · event `pull_request` · pull request #42 · [this run](https://github.com/acme/renders/actions/runs/7)'
    )
    expect(markdown).toContain(`### Batch \`${BATCH}\`: partial`)
    expect(markdown).toContain('| ✅ pass | partial | 3 | 2 | 1 | 1 |')
  })

  it('lists skipped jobs with status and reason, and cancelled jobs with template, status and output link', () => {
    const markdown = renderSummary({ results: [answered()], strictness: 'strict', context: {} })
    expect(markdown).toContain(
      '#### Skipped jobs (1)\n\n| Job | Status | Reason |\n|---|---|---|\n| `J3` | render:dorender | already rendering |'
    )
    expect(markdown).toContain('#### Cancelled jobs (3)')
    expect(markdown).toContain('| `J2` | tpl-b | manually_cancelled | [output](https://cdn.example.com/j2.mp4) |')
    expect(markdown).toContain('| `C1` | tpl-a-child | manually_cancelled | – |')
    expect(markdown).toContain('| ❌ partial fails at strictness strict | partial |')
    expect(markdown).toContain(
      '> ❌ status partial fails at strictness strict (1 of 3 jobs was skipped); strictness lenient or off accepts it'
    )
    expect(markdown).toContain('> ⚠️ 1 job was already rendering: the API cannot stop it; it will finish.')
  })

  it('shows failures, not-found batches and uncertain retries', () => {
    const markdown = renderSummary({
      results: [
        failed('HTTP 401 Unauthorized: check the token secret'),
        answered({ batchId: 'NF', reply: notFoundReply('NF'), notFound: true }),
        answered({ earlierAttemptMayHaveActed: true })
      ],
      strictness: 'off',
      context: {}
    })
    expect(markdown).toContain('## Nexrender batch cancel: ❌ fails: 1 of 3 batches fail their verdict')
    expect(markdown).toContain(`### Batch \`${BATCH}\`: failed\n\n> ❌ HTTP 401 Unauthorized: check the token secret`)
    // Several batches: one row each with the verdict in words, and a total row.
    expect(markdown).toContain(`| \`${BATCH}\` | ❌ the request failed | – | – | – | – | – |`)
    expect(markdown).toContain('| `NF` | ✅ pass | unchanged | 0 | 0 | 0 | 0 |')
    expect(markdown).toContain('| **Total (3 batches)** |  |  | 3 | 2 | 1 | 1 |')
    expect(markdown).toContain('this batch was not found')
    expect(markdown).toContain('may already have cancelled')
  })

  it('says the run was cancelled, and which batches were not done', () => {
    const markdown = renderSummary({
      results: [
        answered({ reply: reply({ status: 'cancelled' }) }),
        { ...failed('the run was cancelled before it was sent', 'QUEUED'), interruption: 'not attempted' }
      ],
      strictness: 'strict',
      context: {},
      cancelledBy: 'SIGINT'
    })
    expect(markdown).toContain(
      '## Nexrender batch cancel: ⏹️ the run was cancelled (SIGINT): 1 of 2 batches not done or failed'
    )
    expect(markdown).toContain('### Batch `QUEUED`: not attempted\n\n> ❌ the run was cancelled before it was sent')
  })

  it('keeps links and images in API text from becoming links and images', () => {
    const hostile = reply({
      jobs: [
        {
          id: 'J9',
          result: 'skipped',
          status: 'error',
          reason: '[win](https://evil.example) ![x](https://evil.example/x.png)'
        }
      ]
    })
    const markdown = renderSummary({ results: [answered({ reply: hostile })], strictness: 'off', context: {} })
    expect(markdown).toContain(
      '| `J9` | error | \\[win\\](https\\://evil.example) !\\[x\\](https\\://evil.example/x.png) |'
    )
  })

  it('links outputs only when they are https', () => {
    const markdown = renderSummary({
      results: [
        answered({
          reply: reply({
            cancelledJobs: [
              { id: 'J1', outputUrl: 'http://cdn.example.com/a.mp4' },
              { id: 'J2', outputUrl: 'https://cdn.example.com/b.mp4' }
            ]
          })
        })
      ],
      strictness: 'off',
      context: {}
    })
    expect(markdown).toContain('| `J1` | – | – | http\\://cdn.example.com/a.mp4 |')
    expect(markdown).toContain('| `J2` | – | – | [output](https://cdn.example.com/b.mp4) |')
  })

  it('escapes text from the API so it cannot break a table or inject HTML', () => {
    const hostile = reply({
      jobs: [{ id: 'J9', result: 'skipped', status: 'x|y', reason: '<script>alert(1)</script>\nnext' }]
    })
    const markdown = renderSummary({ results: [answered({ reply: hostile })], strictness: 'off', context: {} })
    expect(markdown).toContain('| `J9` | x\\|y | &lt;script&gt;alert(1)&lt;/script&gt; next |')
    expect(markdown).not.toContain('<script>')
  })

  it('cuts long tables with an "… and N more" row', () => {
    const markdown = renderSummary({
      results: [answered({ reply: bigReply(1000, 2000) })],
      strictness: 'off',
      context: {}
    })
    expect(markdown).toContain('#### Skipped jobs (500)')
    expect(markdown).toContain('| … and 400 more | | |')
    expect(markdown).toContain('#### Cancelled jobs (2500)')
    expect(markdown).toContain('| … and 2400 more | | | |')
  })

  it('stays well under 1 MiB for a 20,000-job batch, and for many big batches', () => {
    const one = renderSummary({ results: [answered({ reply: bigReply(20_000, 0) })], strictness: 'off', context })
    const many = renderSummary({
      results: Array.from({ length: 100 }, () => answered({ reply: bigReply(1000, 2000) })),
      strictness: 'off',
      context
    })
    expect(Buffer.byteLength(one)).toBeLessThan(100 * 1024)
    expect(Buffer.byteLength(many)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
    // At 100 rows a table, 100 such batches would pass the budget; the row limit was halved to fit.
    expect(many).toContain('| … and 475 more | | |')
  })

  it('leaves trailing batches to the results file when even one row per table is too much', () => {
    const problem = `HTTP 500: ${'x'.repeat(250)}`
    const results = Array.from({ length: 3000 }, (_, i) => failed(problem, `B${i}`))
    const markdown = renderSummary({ results, strictness: 'off', context: {} })
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
    expect(markdown).toMatch(/\n… and \d+ more batches: see the results file\.\n$/)
    expect(markdown).toContain('### Batch `B0`: failed')
  })

  it('says plainly in a dry run that nothing was cancelled, and lists the jobs rendering now', () => {
    const predicted = predictCancel({
      batchId: BATCH,
      jobs: [
        { id: 'Q1', status: 'queued' },
        { id: 'R1', status: 'render:dorender' },
        { id: 'F1', status: 'finished' }
      ]
    })
    const markdown = renderSummary({
      results: [answered({ reply: predicted })],
      strictness: 'strict',
      context: {},
      wording: DRY_RUN_WORDING
    })
    expect(markdown).toContain(
      '## Nexrender batch cancel (dry run): ❌ would fail: partial would fail at strictness strict'
    )
    expect(markdown).toContain('**Dry run: nothing was cancelled.**')
    expect(markdown).toContain('| ❌ partial would fail at strictness strict | would be partial | 3 | 1 | 2 | 1 |')
    expect(markdown).toContain('> ⚠️ 1 job is rendering now: the API cannot stop it; it will finish.')
    // Each skipped job once, with why in words, and no column that a dry run always leaves empty.
    expect(markdown).toContain(
      '#### Would be skipped (2)\n\n| Job | Reason |\n|---|---|\n| `R1` | rendering now |\n| `F1` | finished |'
    )
    expect(markdown).toContain('| Job | Status | Output |')
    expect(markdown).not.toContain('Template')
    expect(markdown).toContain('#### Would be cancelled (1 top-level; cascades not known in advance)')
    expect(markdown).not.toContain('Cascaded relatives')
  })
})
