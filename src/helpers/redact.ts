/**
 * The shortest run of a secret's characters that is replaced wherever it appears: a text clipped in
 * the middle of a secret must not keep the part before the cut either.
 */
export const MIN_SECRET_RUN = 8

const MASK = '***'

/**
 * Replaces the secrets in what the action shows or keeps, the one rule for both tokens: each secret,
 * and every run of MIN_SECRET_RUN or more consecutive characters of one, becomes `***`.
 */
export interface Redactor {
  (text: string): string
  /** The same for bytes, which are searched as they are and decoded only when a run is in them. */
  bytes(data: Buffer): Buffer
  /**
   * Only each whole secret, in bytes: what every answer gets as it arrives, before any excerpt is cut
   * from it, at a cost that stays small for the largest. What the action writes gets the full rule.
   */
  wholeSecrets(data: Buffer): Buffer
}

export function redactor(...secrets: string[]): Redactor {
  const given = secrets.filter((secret) => secret !== '')
  // Longest first, so a secret that contains another is replaced whole.
  const present = [...new Set([...given, ...given.flatMap(encodedForms)])].sort((a, b) => b.length - a.length)
  const textRuns = runsOf(present)
  // The same runs as the bytes of UTF-8 spell them, one character per byte: a cheap first look.
  const byteRuns = runsOf(present.map((secret) => Buffer.from(secret).toString('latin1')))
  const text = (value: string) => (textRuns ? replaceRuns(value, textRuns) : value)
  const bytes = (data: Buffer) => {
    if (!byteRuns) return data
    byteRuns.lastIndex = 0
    return byteRuns.test(data.toString('latin1')) ? Buffer.from(text(data.toString('utf8'))) : data
  }
  const wholeSecrets = (data: Buffer) =>
    present.some((secret) => data.includes(secret))
      ? Buffer.from(present.reduce((result, secret) => result.split(secret).join(MASK), data.toString('utf8')))
      : data
  return Object.assign(text, { bytes, wholeSecrets })
}

/**
 * How a server may echo a secret back encoded: percent-encoded in a URL (a redirect's query), or in
 * base64 or base64url (a Basic credential, a token inside a JSON Web Token). Base64 text holds the
 * secret at any of three alignments; for each, only the characters the secret's bytes alone decide
 * are kept, so that they appear whatever comes before and after. Each form is then replaced as a
 * secret is, every run of MIN_SECRET_RUN characters of it included.
 */
function encodedForms(secret: string): string[] {
  if (secret.length < MIN_SECRET_RUN) return []
  const forms = [encodeURIComponent(secret)]
  const bytes = Buffer.from(secret)
  for (const encoding of ['base64', 'base64url'] as const) {
    for (const shift of [0, 1, 2]) {
      const aligned = Buffer.concat([Buffer.alloc(shift), bytes])
      // The leading characters mix in the bytes before the secret; those past its last whole group, the bytes after it.
      const first = [0, 2, 3][shift] ?? 0
      const end = Math.floor(aligned.length / 3) * 4
      forms.push(aligned.toString(encoding).slice(first, end))
    }
  }
  return forms.filter((form) => form.length >= MIN_SECRET_RUN && form !== secret)
}

/** A pattern matching every run of MIN_SECRET_RUN characters of a secret, and each shorter secret whole. */
function runsOf(secrets: string[]): RegExp | undefined {
  const runs = new Set<string>()
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_RUN) runs.add(secret)
    for (let start = 0; start + MIN_SECRET_RUN <= secret.length; start++) {
      runs.add(secret.slice(start, start + MIN_SECRET_RUN))
    }
  }
  if (runs.size === 0) return undefined
  // Longest first: at each position the alternation takes the first that matches.
  const alternatives = [...runs]
    .sort((a, b) => b.length - a.length)
    .map((run) => run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(alternatives.join('|'), 'g')
}

/**
 * The text with every stretch the pattern covers replaced by one `***`. Matches are looked for at
 * every position, overlapping, so a secret's run longer than MIN_SECRET_RUN is covered to its end.
 */
function replaceRuns(text: string, pattern: RegExp): string {
  const kept: string[] = []
  let copied = 0
  let start = -1
  let end = -1
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match.index >= end) {
      if (start >= 0) kept.push(text.slice(copied, start), MASK)
      copied = end === -1 ? 0 : end
      start = match.index
    }
    end = Math.max(end, match.index + match[0].length)
    pattern.lastIndex = match.index + 1
  }
  if (start < 0) return text
  kept.push(text.slice(copied, start), MASK, text.slice(end))
  return kept.join('')
}
