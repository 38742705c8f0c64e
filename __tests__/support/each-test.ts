import { afterEach, beforeEach } from '@jest/globals'

/**
 * A fixture started afresh before each test of the file and closed after it. What it returns stands
 * for the current test's fixture (a stand-in that forwards to it), so tests read `fixture.run(...)`.
 */
export function eachTest<F extends object>(start: () => Promise<F>, close: (fixture: F) => unknown): F {
  let current: F | undefined
  beforeEach(async () => {
    current = await start()
  })
  afterEach(async () => {
    const ending = current
    current = undefined
    if (ending) await close(ending)
  })
  return new Proxy({} as F, {
    get(_stand, key) {
      if (!current) throw new Error('the fixture is used outside a test: it exists only while one runs')
      const value: unknown = Reflect.get(current, key)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value
    }
  })
}
