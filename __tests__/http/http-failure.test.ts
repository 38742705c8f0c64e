import { describe, expect, it } from '@jest/globals'
import { describeHttpFailure, serverErrorText } from '../../src/http/http-failure.js'

const answer = (status: number, statusText: string, body: string, location?: string) => ({
  kind: 'answer' as const,
  status,
  statusText,
  headers: (location === undefined ? {} : { location }) as Record<string, string>,
  body: Buffer.from(body)
})

describe('describeHttpFailure', () => {
  it.each([
    {
      status: 401,
      text: 'Unauthorized',
      body: '{"error":"Invalid token"}',
      message: 'HTTP 401 Unauthorized: Invalid token: check the token secret'
    },
    {
      status: 403,
      text: 'Forbidden',
      body: '{"error":"Forbidden"}',
      message: "HTTP 403 Forbidden: Forbidden: the token's team cannot reach this batch"
    },
    {
      status: 400,
      text: 'Bad Request',
      body: '{"error":"Invalid parameters","details":[{"field":"id","message":"bad format"}]}',
      message: 'HTTP 400 Bad Request: Invalid parameters (id: bad format): the API rejected the request'
    },
    { status: 409, text: 'Conflict', body: '', message: 'HTTP 409 Conflict' },
    { status: 418, text: "I'm a teapot", body: 'short and stout', message: "HTTP 418 I'm a teapot: short and stout" }
  ])('HTTP $status', ({ status, text, body, message }) => {
    expect(describeHttpFailure(answer(status, text, body))).toContain(message)
  })

  it('names the redirect target and tells to check api-url', () => {
    expect(describeHttpFailure(answer(308, 'Permanent Redirect', '', 'https://new.example.com/api/v2'))).toBe(
      'HTTP 308 Permanent Redirect: the API redirected to https://new.example.com/api/v2; the action never follows redirects, so the token stays with api-url. Check api-url'
    )
  })

  it.each([
    ['https://login.example/cb?auth=Bearer%20nx_secret#top', 'https://login.example/cb'],
    ['/sign-in?next=%2Fapi&key=k', '/sign-in']
  ])('quotes the redirect target %s without its query or fragment', (location, quoted) => {
    expect(describeHttpFailure(answer(302, 'Found', '', location))).toContain(`the API redirected to ${quoted};`)
  })
})

describe('serverErrorText', () => {
  it.each([
    { body: '', text: '' },
    { body: '{"error":"nope"}', text: 'nope' },
    { body: '{"details":[{"message":"only a message"},{"field":"f"}]}', text: '(only a message; f)' },
    { body: '{"other":1}', text: '{"other":1}' },
    { body: '<html>\n  <b>oops</b>\n</html>', text: '<html> <b>oops</b> </html>' }
  ])('$body gives $text', ({ body, text }) => {
    expect(serverErrorText(body)).toBe(text)
  })

  it('cuts long text', () => {
    const text = serverErrorText('x'.repeat(1000))
    expect(text).toHaveLength(300)
    expect(text.endsWith('...')).toBe(true)
  })
})
