/**
 * The one rule for reading a JSON answer, Nexrender's and GitHub's alike: the value's bytes, without
 * a leading UTF-8 byte order mark (RFC 8259 lets a parser ignore one, and some servers and proxies
 * send it) nor the JSON whitespace around the value. A view of the same bytes, not a copy, so a
 * 16 MiB reply is neither copied nor, in the results file, kept with what would break the JSON there.
 */
export function jsonBytesOf(body: Buffer): Buffer {
  let start = startsWithBom(body) ? BOM.length : 0
  let end = body.length
  while (start < end && isJsonSpace(body[start])) start++
  while (end > start && isJsonSpace(body[end - 1])) end--
  return body.subarray(start, end)
}

/** The text of a JSON answer, as `jsonBytesOf` keeps it: what `JSON.parse` is given. */
export function jsonTextOf(body: Buffer): string {
  return jsonBytesOf(body).toString('utf8')
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

function startsWithBom(body: Buffer): boolean {
  return body.length >= BOM.length && body[0] === BOM[0] && body[1] === BOM[1] && body[2] === BOM[2]
}

/** JSON's whitespace (RFC 8259): space, tab, line feed, carriage return; nothing else. */
function isJsonSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
}
