/** Replaces every secret in a text or in bytes, for what the runner does not mask (files, the summary). */
export interface Redactor {
  (text: string): string
  /** The same for bytes, which are searched as they are and decoded only when a secret is in them. */
  bytes(data: Buffer): Buffer
}

export function redactor(...secrets: string[]): Redactor {
  // Longest first, so a secret that contains another is replaced whole.
  const present = secrets.filter((secret) => secret !== '').sort((a, b) => b.length - a.length)
  const text = (value: string) =>
    present.reduce((result, secret) => (result.includes(secret) ? result.split(secret).join('***') : result), value)
  const bytes = (data: Buffer) =>
    present.some((secret) => data.includes(secret)) ? Buffer.from(text(data.toString('utf8'))) : data
  return Object.assign(text, { bytes })
}
