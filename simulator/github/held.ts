/**
 * Requests the fake holds back at a test's asking: listings held until several writers read at once,
 * and writes neither applied nor answered until the test releases them (a write applied late).
 */

/** A write the fake holds back, neither applied nor answered until the test releases it. */
export interface HeldWrite {
  method: string
  path: string
  /** Applies the write now (however late) and answers it, if its client still listens. */
  release(): void
}

export interface Holds {
  /** With `wanted` above 1, waits until that many listings wait, then lets them all go; resolves at once otherwise. */
  holdListing(wanted: number, done: () => void): Promise<void>
  /** Holds this write if a test asked for it. */
  holdIfAsked(method: string, path: string): Promise<void>
  /** Holds the next write (of this method only, if given); resolves once it has arrived. */
  holdNextWrite(method?: string): Promise<HeldWrite>
  /** Lets every held listing go and forgets the writes asked for: the fake is closing. */
  releaseAll(): void
}

export function createHolds(): Holds {
  const heldListings: Array<() => void> = []
  const writeHolders: Array<{ method?: string; hold: (held: HeldWrite) => void }> = []
  return {
    holdListing(wanted, done) {
      if (wanted <= 1) return Promise.resolve()
      return new Promise((release) => {
        heldListings.push(release)
        if (heldListings.length >= wanted) {
          done()
          for (const go of heldListings.splice(0)) go()
        }
      })
    },
    holdIfAsked(method, path) {
      const index = writeHolders.findIndex((holder) => holder.method === undefined || holder.method === method)
      const [holder] = index === -1 ? [] : writeHolders.splice(index, 1)
      if (!holder) return Promise.resolve()
      return new Promise((release) => holder.hold({ method, path, release }))
    },
    holdNextWrite: (method) => new Promise((hold) => writeHolders.push({ method, hold })),
    releaseAll() {
      for (const go of heldListings.splice(0)) go()
      writeHolders.splice(0)
    }
  }
}
