/**
 * Markdown that holds text from the API. Every cell goes through `cell()`, the one place that
 * neutralises what Markdown would interpret: HTML, table pipes, line breaks, emphasis, code, links
 * and images, and the bare URLs GitHub would turn into links. Only `link()` makes links, for https.
 */
const MAX_CELL = 200

/**
 * Backslash-escaped (CommonMark lets any ASCII punctuation be): what opens code, emphasis, strikethrough,
 * links and images (without `[` there is no `](` nor `![`), table pipes, and an `_` at a word's edge
 * (inside a word, as in `manually_cancelled`, it is plain text), so statuses stay readable.
 */
const MARKDOWN_PUNCTUATION = /[\\`*~[\]|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g

export function cell(value: unknown): string {
  return (
    clip(textOf(value))
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\r\n]+/g, ' ')
      .replace(MARKDOWN_PUNCTUATION, '\\$&')
      // GitHub turns bare URLs and `www.` addresses into links: break the `://` and the `www.`.
      .replace(/:\/\//g, '\\://')
      .replace(/\b(www)\./gi, '$1\\.')
  )
}

/** At most MAX_CELL characters, so one long value cannot swell a table. */
function clip(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 3)}...` : text
}

function textOf(value: unknown): string {
  if (value === undefined || value === null || value === '') return '–'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value) ?? typeof value
}

/** An id in a code span: backticks cannot close it, pipes cannot split the table row. */
export function code(value: string): string {
  return `\`${clip(value)
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')}\``
}

/** A link for https URLs only; anything else is shown as text. */
export function link(label: string, url: unknown): string {
  if (typeof url !== 'string' || !/^https:\/\//i.test(url)) return cell(url)
  // Parentheses would end the Markdown link early; encodeURI leaves them as they are.
  const safe = encodeURI(decodeURISafe(url)).replace(/\(/g, '%28').replace(/\)/g, '%29')
  return `[${label}](${safe})`
}

function decodeURISafe(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}

/**
 * A table of the first `limit` items, each turned into a row by `toRow`; the rest are replaced by
 * one "… and N more" row. Only the rows shown are formatted, which matters for 20,000-job batches.
 */
export function table<T>(headers: string[], items: readonly T[], limit: number, toRow: (item: T) => string[]): string {
  const shown = items.slice(0, limit)
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`]
  for (const item of shown) lines.push(`| ${toRow(item).join(' | ')} |`)
  if (items.length > shown.length) {
    lines.push(`| … and ${items.length - shown.length} more |${' |'.repeat(headers.length - 1)}`)
  }
  return lines.join('\n')
}
