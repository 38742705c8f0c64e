/**
 * A time as ISO 8601 to the second (`2026-11-29T02:05:00Z`), as GitHub writes its times and the records
 * keep theirs: a time then compares the same before and after it was written.
 */
export function isoSeconds(time: Date | number): string {
  return new Date(Math.floor(new Date(time).getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}
