/** Small helpers for Markdown that holds text from the API: cells are escaped and kept short. */
const MAX_CELL = 200

export function cell(value: unknown): string {
  const text = textOf(value)
  const short = text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 3)}...` : text
  return short
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
}

function textOf(value: unknown): string {
  if (value === undefined || value === null || value === '') return '–'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value) ?? typeof value
}

export function code(value: string): string {
  return `\`${value.replace(/`/g, "'")}\``
}

/** A link for http(s) URLs only; anything else is shown as text. */
export function link(label: string, url: unknown): string {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return cell(url)
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
