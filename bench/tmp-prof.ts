import { rmSync, mkdirSync } from 'node:fs'
import { runAction, ACTION_ENTRY } from '../local-runner/run-action.js'
import { StateBuilder, jobsOf } from '../simulator/builder.js'
import { cancelBatch } from '../simulator/model.js'
import { startReplayServer } from './replay-server.js'
const replies = new Map<string, { body: string }>()
const b = new StateBuilder(1)
const id = b.batch(jobsOf(1, 'queued'))
replies.set(id, { body: JSON.stringify(cancelBatch(b.state, b.state.batches.get(id)!)) })
const server = await startReplayServer(replies)
const dir = process.argv[2] ?? '/tmp/work/prof'
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
for (let r = 0; r < 10; r++)
  await runAction(
    { 'batch-id': id, token: 'bench-token-4f7c9a2e', 'api-url': server.baseUrl, strictness: 'off' },
    {},
    {
      entry: process.argv[3] ?? ACTION_ENTRY,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100']
    }
  )
await server.close()
