import { describe, expect, it } from '@jest/globals'
import { errorMessage, type ActionRun } from '../../local-runner/run-action.js'
import { simulatorForEachTest } from '../support/simulator-fixture.js'

const fixture = simulatorForEachTest()

/** An object 10,000 deep, as text: JSON.parse builds it, and anything that walks it recursively overflows. */
const DEEP = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`
const PLACE = '__10,000 deep__'

/** A rewrite of the answer with `list[index].key` an object 10,000 deep. */
function deepIn(list: string, index: number, key: string) {
  return (answer: Record<string, unknown>) => {
    const copy = structuredClone(answer)
    ;(copy[list] as Array<Record<string, unknown>>)[index]![key] = PLACE
    return JSON.stringify(copy).replace(JSON.stringify(PLACE), DEEP)
  }
}

/** A rewrite of the answer with one field changed. */
function withField(field: string, value: unknown) {
  return (answer: Record<string, unknown>) => JSON.stringify({ ...answer, [field]: value })
}

const posts = () => fixture.simulator.requests.filter((request) => request.method === 'POST')

/** A batch whose reply broke the contract: failed by name, its outcome unknown, and everything still reported. */
function expectReportedAsFailed(run: ActionRun, batchId: string, problem: string): void {
  expect(run.exitCode).toBe(1)
  expect(`${run.stdout}\n${run.stderr}`).not.toContain('Maximum call stack')
  expect(errorMessage(run)).toContain(`Batch ${batchId}: the reply does not match the API contract: ${problem}`)
  expect(run.outputs['failed-batch-ids']).toBe(JSON.stringify([batchId]))
  expect(run.summary).toContain(`### Batch \`${batchId}\`: failed`)
  const records = JSON.parse(run.files.results ?? '') as Array<{ batchId: string; error?: string }>
  expect(records.find((record) => record.batchId === batchId)?.error).toContain(problem)
}

describe('a cancel reply whose values break their types', () => {
  it.each([
    { list: 'cancelledJobs', index: 1, key: 'templateId' },
    { list: 'cancelledJobs', index: 2, key: 'status' },
    { list: 'cancelledJobs', index: 3, key: 'outputUrl' },
    { list: 'jobs', index: 1, key: 'status' },
    { list: 'jobs', index: 0, key: 'reason' }
  ])('a 10,000-deep $list[$index].$key fails the batch by name, and the run still reports', async (place) => {
    const batchId = fixture.batches.complete
    fixture.simulator.faults.set(batchId, { rewrite: deepIn(place.list, place.index, place.key) })
    const run = await fixture.run(fixture.inputs(batchId, { strictness: 'off' }))

    expectReportedAsFailed(run, batchId, `'${place.list}[${place.index}].${place.key}' is an object, expected a string`)
    expect(posts()).toHaveLength(1)
    expect(run.outputs).toMatchObject({ status: '', 'total-jobs': '0', 'cancelled-job-ids': '[]' })
  })

  it.each([
    { field: 'totalJobs', value: 1e308, found: 'number 1e+308' },
    { field: 'cancelledCount', value: -1, found: 'number -1' },
    { field: 'skippedCount', value: 0.5, found: 'number 0.5' },
    { field: 'totalJobs', value: 1001, found: 'number 1001' }
  ])('$field of $value fails the batch, and the sums stay those of the others', async ({ field, value, found }) => {
    const { complete, partial } = fixture.batches
    fixture.simulator.faults.set(complete, { rewrite: withField(field, value) })
    const run = await fixture.run(fixture.inputs(`${complete},${partial}`, { strictness: 'off' }))

    expectReportedAsFailed(
      run,
      complete,
      `'${field}' is ${found}, expected a whole number from 0 to 1,000 (a batch holds at most 1,000 jobs)`
    )
    expect(run.outputs).toMatchObject({ status: 'partial', 'total-jobs': '4', 'cancelled-count': '2' })
  })

  it('a byte order mark before a valid reply is no failure: outputs, summary and results file as usual', async () => {
    const batchId = fixture.batches.complete
    fixture.simulator.faults.set(batchId, { rewrite: (answer) => `\uFEFF${JSON.stringify(answer)}` })
    const run = await fixture.run(fixture.inputs(batchId))

    expect(run.exitCode).toBe(0)
    expect(errorMessage(run)).toBe('')
    expect(run.outputs).toMatchObject({ status: 'cancelled', 'total-jobs': '2', 'cancelled-jobs-count': '4' })
    expect(run.summary).toContain(`### Batch \`${batchId}\`: cancelled`)
    const [reply] = JSON.parse(run.files.results ?? '') as Array<{ batchId: string }>
    expect(reply?.batchId).toBe(batchId)
  })
})

describe("a dry run's batch view whose values break their types", () => {
  const dryRun = (batchId: string) => fixture.inputs(batchId, { strictness: 'off', 'dry-run': 'true' })

  it.each(['id', 'status', 'outputUrl'])('a 10,000-deep jobs[1].%s fails the batch by name', async (key) => {
    const batchId = fixture.batches.partial
    fixture.simulator.faults.set(batchId, { rewrite: deepIn('jobs', 1, key) })
    const run = await fixture.run(dryRun(batchId))

    expectReportedAsFailed(run, batchId, `'jobs[1].${key}' is an object, expected a string`)
    expect(posts()).toEqual([])
  })

  it.each([
    { index: 1e308, found: 'number 1e+308' },
    { index: -1, found: 'number -1' },
    { index: 1.5, found: 'number 1.5' }
  ])('a job index of $index fails the batch by name', async ({ index, found }) => {
    const batchId = fixture.batches.partial
    const rewrite = (answer: Record<string, unknown>) => {
      const jobs = answer.jobs as Array<Record<string, unknown>>
      return JSON.stringify({
        ...answer,
        jobs: jobs.map((job, position) => (position === 0 ? { ...job, index } : job))
      })
    }
    fixture.simulator.faults.set(batchId, { rewrite })
    const run = await fixture.run(dryRun(batchId))

    expectReportedAsFailed(run, batchId, `'jobs[0].index' is ${found}, expected a whole number from 0 to 1,000`)
    expect(run.outputs['dry-run']).toBe('true')
  })

  it('a byte order mark before a valid view is no failure', async () => {
    const batchId = fixture.batches.partial
    fixture.simulator.faults.set(batchId, { rewrite: (answer) => `\uFEFF\n${JSON.stringify(answer)}` })
    const run = await fixture.run(dryRun(batchId))

    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'partial', 'total-jobs': '4', 'dry-run': 'true' })
    expect(JSON.parse(run.files.results ?? '')).toMatchObject([{ batchId }])
  })
})
