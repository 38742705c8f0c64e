import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, ACTION_ENTRY } from '../local-runner/run-action.js'
import { StateBuilder, jobsOf } from '../simulator/builder.js'
import { cancelBatch } from '../simulator/model.js'
import { startReplayServer } from './replay-server.js'
const replies = new Map<string, { body: string }>()
const b = new StateBuilder(1)
const id = b.batch(jobsOf(1, 'queued'))
replies.set(id, { body: JSON.stringify(cancelBatch(b.state, b.state.batches.get(id)!)) })
const server = await startReplayServer(replies)
const inputs = { 'batch-id': id, token: 'bench-token-4f7c9a2e', 'api-url': server.baseUrl, strictness: 'off' }
const entry = process.argv[2] ?? ACTION_ENTRY
const rounds = Number(process.argv[3] ?? 21)
const bare: number[] = [],
  act: number[] = []
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!
for (let r = 0; r < rounds; r++) {
  act.push((await runAction(inputs, {}, { entry })).durationMs)
  const folder = mkdtempSync(join(tmpdir(), 'b-'))
  writeFileSync(join(folder, 'o'), '')
  const env = {
    PATH: process.env.PATH,
    GITHUB_OUTPUT: join(folder, 'o'),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  }
  const t = performance.now()
  await new Promise((d) => spawn(process.execPath, ['bench/bare-cancel.mjs'], { env, stdio: 'ignore' }).on('close', d))
  bare.push(performance.now() - t)
}
console.log('action', median(act), 'bare', median(bare).toFixed(0), 'ratio', (median(act) / median(bare)).toFixed(2))
await server.close()
