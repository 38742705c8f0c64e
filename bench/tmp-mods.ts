import { readFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
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
await runAction(
  inputs,
  { MODLIST_FILE: '/tmp/work/mods-action.txt' },
  { nodeArgs: ['--require', '/tmp/work/modlist.cjs'], entry: process.argv[2] ?? ACTION_ENTRY }
)
const env = {
  PATH: process.env.PATH,
  GITHUB_OUTPUT: '/tmp/work/o',
  MODLIST_FILE: '/tmp/work/mods-bare.txt',
  ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
}
await new Promise((d) =>
  spawn(process.execPath, ['--require', '/tmp/work/modlist.cjs', 'bench/bare-cancel.mjs'], {
    env,
    stdio: 'inherit'
  }).on('close', d)
)
await server.close()
const a = new Set(readFileSync('/tmp/work/mods-action.txt', 'utf8').split('\n'))
const bare = new Set(readFileSync('/tmp/work/mods-bare.txt', 'utf8').split('\n'))
console.log('action', a.size, 'bare', bare.size)
console.log([...a].filter((m) => !bare.has(m)).join('\n'))
