// The yardstick for the guard's main step: read the batch ids and save them for the post step.
import { appendFileSync } from 'node:fs'

appendFileSync(process.env.GITHUB_STATE, `batch-ids=${process.env['INPUT_BATCH-ID']}\n`)
