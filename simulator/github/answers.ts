import type { ServerResponse } from 'node:http'

/** What a route answers: a status, a JSON body, headers. */
export interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** GitHub's limit on a comment's body. */
export const MAX_BODY_CHARS = 65_536

export const notFound: Answer = { status: 404, body: { message: 'Not Found' } }
export const locked: Answer = { status: 403, body: { message: 'Unable to create comment because issue is locked.' } }
export const cannotWrite: Answer = { status: 403, body: { message: 'Resource not accessible by integration' } }

/** GitHub's 422 for a comment body over its limit. */
export const tooLong: Answer = {
  status: 422,
  body: {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)'
      }
    ]
  }
}

/** Sends the answer, with `date` as its `Date` header (none when undefined). */
export function send(response: ServerResponse, answer: Answer, date: Date | undefined): void {
  if (response.destroyed) return
  // Node adds a Date of its own unless told not to.
  response.sendDate = false
  const headers = {
    ...(date ? { date: date.toUTCString() } : {}),
    ...(answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...answer.headers
  }
  response.writeHead(answer.status, headers).end(answer.body === undefined ? undefined : JSON.stringify(answer.body))
}
