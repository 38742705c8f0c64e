/** Crockford base32, the ULID alphabet: digits and capitals without I, L, O, U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A ULID factory. Given a seed it is deterministic (the demo's batch ids stay the same from run
 * to run); time is the 48-bit millisecond prefix, as in the specification.
 */
export function ulidFactory(seed: number, startTime = Date.UTC(2026, 0, 1)): () => string {
  const random = mulberry32(seed)
  let time = startTime
  return () => {
    time += 1
    let prefix = ''
    for (let rest = time, i = 0; i < 10; i++, rest = Math.floor(rest / 32)) prefix = ALPHABET[rest % 32] + prefix
    let suffix = ''
    for (let i = 0; i < 16; i++) suffix += ALPHABET[Math.floor(random() * 32)]
    return prefix + suffix
  }
}

/** A small, well-known seeded PRNG; good enough for ids, not for secrets. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
