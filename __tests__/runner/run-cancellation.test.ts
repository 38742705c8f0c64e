import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import { watchForCancellation } from '../../src/runner/run-cancellation.js'

afterEach(() => {
  jest.useRealTimers()
})

function watch(graceMs = 3000) {
  const source = new EventEmitter()
  const heard: string[] = []
  const cancellation = watchForCancellation(source, (signal, grace) => heard.push(`${signal} ${grace}`), graceMs)
  return { source, heard, cancellation }
}

describe('watchForCancellation', () => {
  it('stops at the first signal, and interrupts requests in flight when the grace is over', () => {
    jest.useFakeTimers()
    const { source, heard, cancellation } = watch(3000)
    expect(cancellation.cancelledBy).toBeUndefined()

    source.emit('SIGINT')
    expect(heard).toEqual(['SIGINT 3000'])
    expect(cancellation.cancelledBy).toBe('SIGINT')
    expect(cancellation.stopping.aborted).toBe(true)
    expect(cancellation.interrupt.aborted).toBe(false)

    jest.advanceTimersByTime(2999)
    expect(cancellation.interrupt.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    expect(cancellation.interrupt.aborted).toBe(true)
    cancellation.dispose()
  })

  it('ends the grace at once on a second signal, and keeps the first as the reason', () => {
    const { source, heard, cancellation } = watch()
    source.emit('SIGINT')
    source.emit('SIGTERM')
    expect(cancellation.interrupt.aborted).toBe(true)
    expect(cancellation.cancelledBy).toBe('SIGINT')
    expect(heard).toEqual(['SIGINT 3000'])
    cancellation.dispose()
  })

  it('treats SIGTERM alone like SIGINT', () => {
    const { source, cancellation } = watch()
    source.emit('SIGTERM')
    expect(cancellation.cancelledBy).toBe('SIGTERM')
    expect(cancellation.stopping.aborted).toBe(true)
    cancellation.dispose()
  })

  it('stops listening when disposed', () => {
    const { source, cancellation } = watch()
    cancellation.dispose()
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(0)
    expect(cancellation.stopping.aborted).toBe(false)
  })
})
