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

export function send(response: ServerResponse, answer: Answer): void {
  if (response.destroyed) return
  const headers = {
    date: new Date().toUTCString(),
    ...(answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...answer.headers
  }
  response.writeHead(answer.status, headers).end(answer.body === undefined ? undefined : JSON.stringify(answer.body))
}
