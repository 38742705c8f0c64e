/** What the cancel step costs: a plain cancel, a fan-out of slow batches, a big reply, memory. */
import { ACTION_ENTRY, GUARD_ENTRY, GUARD_POST_ENTRY, RECORD_ENTRY } from '../local-runner/run-action.js'
import { join } from 'node:path'
import {
  action,
  bare,
  chunkSizes,
  cpu,
  kib,
  median,
  ms,
  peakMemoryOf,
  ratio,
  ROUNDS,
  wall,
  type Cost
} from './measure.js'
import type { BenchSetting } from './setting.js'

/**
 * 1. The plain cancel against a bare https client sending the same POST, alternating so that both see
 * the same machine. Gives the bare client's costs, which later entries compare against.
 */
export async function plainCancel({ inputs, batches }: BenchSetting): Promise<Cost[]> {
  const plain: Cost[] = []
  const bareCancel: Cost[] = []
  for (let round = 0; round < ROUNDS; round++) {
    plain.push(await action(inputs(batches.startup)))
    bareCancel.push(await bare('bare-cancel.mjs', inputs(batches.startup)))
  }
  console.log('1. Plain cancel (one batch, loopback)')
  console.log(
    `   bare client ${ms(median(wall(bareCancel)))}, plain cancel ${ms(median(wall(plain)))}: ${ratio(wall(plain), wall(bareCancel))}x (target ≤ 1.4x)`
  )
  console.log(
    `   CPU: bare ${ms(median(cpu(bareCancel)))}, plain cancel ${ms(median(cpu(plain)))}: ${ratio(cpu(plain), cpu(bareCancel))}x\n`
  )
  return bareCancel
}

/** The bundles' sizes: what every cancel loads, and the chunks only some runs load. */
export function bundleSizes(): string {
  return (
    `bundles: dist/index.js ${kib(ACTION_ENTRY)} (every cancel), its chunks ${chunkSizes(join(ACTION_ENTRY, '..'))}; ` +
    `dist/record/index.js ${kib(RECORD_ENTRY)}; dist/guard/index.js ${kib(GUARD_ENTRY)}, post ${kib(GUARD_POST_ENTRY)}`
  )
}

/** 5. Fan-out: 16 batches answering in 300 ms each; 4 in flight makes 1.2 s the ideal. */
export async function fanOut({ inputs, batches }: BenchSetting): Promise<void> {
  const times: number[] = []
  for (let round = 0; round < 5; round++) times.push((await action(inputs(batches.fanOut.join(',')))).wallMs)
  console.log('5. Fan-out (16 batches × 300 ms, 5 rounds)')
  console.log(
    `   ${ms(median(times))} against the ideal 1200 ms: ${(median(times) / 1200).toFixed(2)}x (target ≤ 1.2x)\n`
  )
}

/**
 * 6. A big reply: 1,000 top-level jobs and 2,000 cascaded relatives against 10 jobs, for the action
 * and for the bare client; what the big reply adds to each.
 */
export async function bigReply({ inputs, batches }: BenchSetting): Promise<void> {
  const big: number[] = []
  const small: number[] = []
  const bareBig: number[] = []
  const bareSmall: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    big.push((await action(inputs(batches.big))).wallMs)
    small.push((await action(inputs(batches.small))).wallMs)
    bareBig.push((await bare('bare-cancel.mjs', inputs(batches.big))).wallMs)
    bareSmall.push((await bare('bare-cancel.mjs', inputs(batches.small))).wallMs)
  }
  const added = median(big) - median(small)
  const bareAdded = median(bareBig) - median(bareSmall)
  console.log('6. Big reply (1,000 jobs + 2,000 relatives, against 10 jobs)')
  console.log(`   the action ${ms(median(big))} against ${ms(median(small))}: adds ${ms(added)}`)
  console.log(`   the bare client ${ms(median(bareBig))} against ${ms(median(bareSmall))}: adds ${ms(bareAdded)}`)
  console.log(`   what it adds: ${(added / bareAdded).toFixed(2)}x the bare client's (target ≤ 1.5x)\n`)
}

/** 7. Memory: a 20,000-job reply, and a server that never stops sending. */
export async function memory({ inputs, batches, floodUrl }: BenchSetting): Promise<void> {
  console.log('7. Memory')
  console.log(`   peak for a 20,000-job reply: ${await peakMemoryOf(inputs(batches.huge))} MB (target < 200 MB)`)
  console.log(
    `   peak while a server streams 400 MB at it: ${await peakMemoryOf({ ...inputs(batches.startup), 'api-url': floodUrl })} MB (the reply is cut at 16 MiB)\n`
  )
}
