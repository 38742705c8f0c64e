import { describe, expect, it } from '@jest/globals'
import { isApiError, judgeNotFound } from '../../src/nexrender/not-found.js'
import type { HttpAnswer } from '../../src/http/transport.js'

const notFound = (body: string): HttpAnswer => ({
  kind: 'answer',
  status: 404,
  statusText: 'Not Found',
  headers: {},
  body: Buffer.from(body)
})

describe('isApiError: the API’s own error shape', () => {
  it.each([
    ['its error message', '{"error":"Batch not found"}', true],
    [
      'a validation error with details',
      '{"error":"Invalid parameters","details":[{"field":"id","message":"x"}]}',
      true
    ],
    ['spaces around it', ' {"error":"Route not found"}\n', true],
    ['an HTML page', '<html><body><h1>404 Not Found</h1></body></html>', false],
    ['an empty body', '', false],
    ['a gateway’s JSON', '{"message":"no Route matched with those values"}', false],
    ['a framework’s JSON', '{"statusCode":404,"error":"Not Found","message":"Route POST:/x not found"}', false],
    ['an error that is an object', '{"error":{"code":404}}', false],
    ['an empty error', '{"error":" "}', false],
    ['details that are not a list', '{"error":"x","details":"y"}', false],
    ['a list', '[{"error":"x"}]', false],
    ['a string', '"Batch not found"', false],
    ['null', 'null', false]
  ])('%s: %s', (_what, body, expected) => {
    expect(isApiError(Buffer.from(body))).toBe(expected)
  })
})

describe('judgeNotFound', () => {
  it('keeps the documented meaning of the API’s own 404 for a batch given by hand', () => {
    expect(judgeNotFound(notFound('{"error":"Batch not found"}'), false)).toEqual({ kind: 'not-found' })
  })

  it('fails a recorded batch the API says it does not know, saying what to check', () => {
    expect(judgeNotFound(notFound('{"error":"Batch not found"}'), true)).toEqual({
      kind: 'recorded-not-found',
      problem:
        'HTTP 404 Not Found: Batch not found: the batch is recorded, so it existed when its render started: check api-url (the base URL, ending in /api/v2) and that the token belongs to the team that started the render. Its record stays open, and the next cleanup or sweep tries it again'
    })
  })

  it.each([
    [
      'an HTML page',
      '<html><body>Not Found</body></html>',
      'HTTP 404 Not Found: <html><body>Not Found</body></html>: '
    ],
    ['an empty body', '', 'HTTP 404 Not Found: '],
    ['another JSON shape', '{"message":"Not Found"}', 'HTTP 404 Not Found: {"message":"Not Found"}: ']
  ])('fails %s as the answer of something else than the API, for any batch', (_what, body, start) => {
    for (const recorded of [false, true]) {
      expect(judgeNotFound(notFound(body), recorded)).toEqual({
        kind: 'not-the-api',
        problem: `${start}this is not the Nexrender API's own error (JSON with an "error" message), so api-url points elsewhere: check api-url, the API's base URL ending in /api/v2`
      })
    }
  })
})
