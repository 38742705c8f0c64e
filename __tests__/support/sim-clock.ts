import { FakeClock } from './memory-github.js'

/**
 * A clock for simulations: sleepers do not move time themselves, as FakeClock's do; `run` does, to
 * the next thing due, once every task has gone as far as it can. So concurrent tasks wake in the
 * order of their times, and the same schedule always runs the same way.
 */
export class SimClock extends FakeClock {
  override sleep = (ms: number): Promise<void> => new Promise((resolve) => this.at(ms, resolve))

  /** Runs until nothing is due; throws if that takes more than `maxSteps` (a schedule that never ends). */
  async run(maxSteps: number): Promise<void> {
    for (let step = 0; ; step++) {
      // Promises only, no I/O: one turn lets every task run until it sleeps or waits for good.
      await new Promise((resolve) => setImmediate(resolve))
      this.due.sort((a, b) => a.at - b.at)
      const next = this.due.shift()
      if (!next) return
      if (step >= maxSteps) throw new Error(`the schedule was still running after ${maxSteps} steps`)
      this.time = Math.max(this.time, next.at)
      next.run()
    }
  }
}

/** A seeded source of numbers in [0, 1) (mulberry32): the same seed, the same numbers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = Math.imul(state ^ (state >>> 15), state | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}
