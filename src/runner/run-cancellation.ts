/**
 * How a cancelled run ends in order. The runner sends SIGINT, then SIGTERM 7.5 s later, and kills
 * the process at 10 s. At the first signal no new request starts and no retry is waited for;
 * requests in flight get a short grace to bring their answers, then are aborted, so that the
 * report is written well before the SIGTERM. A second signal ends the grace at once.
 */
export const REQUEST_GRACE_MS = 3000

export interface RunCancellation {
  /** Aborted at the first signal. */
  stopping: AbortSignal
  /** Aborted when the grace for requests in flight is over. */
  interrupt: AbortSignal
  /** The first signal received, once there was one. */
  readonly cancelledBy: string | undefined
  /** Stops listening; a signal after this gets node's default handling. */
  dispose(): void
}

/** What the cancellation listens to: `process`, or a stand-in in tests. */
export interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown
  off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown
}

/** Watches the process for the runner's signals, and says in the log what happens when one comes. */
export function watchRunnerSignals(info: (line: string) => void): RunCancellation {
  return watchForCancellation(process, (signal, graceMs) =>
    info(
      `Received ${signal}: the run is being cancelled. No new request is sent; requests in flight get ${graceMs / 1000} s to answer.`
    )
  )
}

export function watchForCancellation(
  source: SignalSource,
  onSignal: (signal: string, graceMs: number) => void,
  graceMs = REQUEST_GRACE_MS
): RunCancellation {
  const stopping = new AbortController()
  const interrupt = new AbortController()
  let cancelledBy: string | undefined
  let graceTimer: NodeJS.Timeout | undefined
  const listeners = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const listener = () => {
      if (cancelledBy !== undefined) {
        interrupt.abort()
        return
      }
      cancelledBy = signal
      onSignal(signal, graceMs)
      stopping.abort()
      graceTimer = setTimeout(() => interrupt.abort(), graceMs)
      // The grace must not keep a finished run alive.
      graceTimer.unref()
    }
    source.on(signal, listener)
    return { signal, listener }
  })
  return {
    stopping: stopping.signal,
    interrupt: interrupt.signal,
    get cancelledBy() {
      return cancelledBy
    },
    dispose() {
      clearTimeout(graceTimer)
      for (const { signal, listener } of listeners) source.off(signal, listener)
    }
  }
}
