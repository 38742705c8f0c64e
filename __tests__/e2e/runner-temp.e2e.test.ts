import { describe, expect, it } from '@jest/globals'
import { errorMessage, warnings } from '../../local-runner/run-action.js'
import { simulatorForEachTest } from '../support/simulator-fixture.js'
import { unusableFolders } from '../support/unusable-folders.js'

const fixture = simulatorForEachTest()

describe('a RUNNER_TEMP where the results file cannot be written', () => {
  it.each(unusableFolders())(
    '$what: a warning naming RUNNER_TEMP, an empty results-file, and the rest as usual',
    async ({ folder, says }) => {
      const batchId = fixture.batches.complete
      const run = await fixture.run(fixture.inputs(batchId), { RUNNER_TEMP: folder })

      expect(run.exitCode).toBe(0)
      const warning = warnings(run).find((line) => line.includes('The results file could not be written'))
      expect(warning).toContain(`RUNNER_TEMP (${folder}) ${says}`)
      expect(warning).toContain('Check that RUNNER_TEMP names a directory the step can write to')
      expect(run.outputs).toMatchObject({
        'results-file': '',
        status: 'cancelled',
        'batch-id': batchId,
        'total-jobs': '2',
        'cancelled-jobs-count': '4',
        'failed-batch-ids': '[]',
        'dry-run': 'false'
      })
      expect(run.summary).toContain(`### Batch \`${batchId}\`: cancelled`)
    }
  )

  it('leaves the verdict as it was: a failing one still fails the step, with its own message', async () => {
    const [missing] = unusableFolders()
    const run = await fixture.run(fixture.inputs(fixture.batches.partial), { RUNNER_TEMP: missing?.folder ?? '' })

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toContain('status partial fails at strictness strict')
    expect(warnings(run).join('\n')).toContain('The results file could not be written')
    expect(run.outputs).toMatchObject({ 'results-file': '', status: 'partial' })
    expect(run.summary).toContain(`### Batch \`${fixture.batches.partial}\`: partial`)
  })
})
