/** A count with its noun agreeing: `1 batch`, `3 batches`, `1 attempt`, `2 attempts`. */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`
}
