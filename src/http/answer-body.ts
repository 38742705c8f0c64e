import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { Redactor } from '../helpers/redact.js'
import type { HttpAnswer } from './transport.js'

/** Thrown while reading a body that passes the request's cap. */
export class BodyTooLarge extends Error {
  constructor(
    readonly status: number,
    readonly limit: number
  ) {
    super(
      `HTTP ${status}, but the reply is larger than the ${formatBytes(limit)} the action reads (the cap); it stopped reading`
    )
  }
}

/**
 * The answer to one attempt: status, the headers the action reads, and the body up to `limit` bytes,
 * with the secrets replaced before any of it is read, so that no excerpt cut later can hold one.
 */
export async function answerOf(message: IncomingMessage, limit: number, redact: Redactor): Promise<HttpAnswer> {
  const { statusCode = 0, statusMessage = '', headers } = message
  return {
    kind: 'answer',
    status: statusCode,
    statusText: redact(statusMessage),
    headers: flatHeaders(headers, redact),
    body: redact.wholeSecrets(await readBody(message, limit))
  }
}

/**
 * The body, up to `limit` bytes. Iterating the stream joins the chunks once, and throws if the
 * deadline destroys the response mid-body. A declared length over the cap is refused before
 * reading, and a body that grows past it is dropped at once.
 */
async function readBody(message: IncomingMessage, limit: number): Promise<Buffer> {
  const status = message.statusCode ?? 0
  if (Number(message.headers['content-length']) > limit) {
    message.destroy()
    throw new BodyTooLarge(status, limit)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of message) {
    size += (chunk as Buffer).length
    if (size > limit) {
      message.destroy()
      throw new BodyTooLarge(status, limit)
    }
    chunks.push(chunk as Buffer)
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size)
}

/** A number of bytes as people read it: `16 MiB`, `512 KiB`, `900 bytes`. */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}

function flatHeaders(headers: IncomingHttpHeaders, redact: Redactor): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = redact(String(value))
  return flat
}
