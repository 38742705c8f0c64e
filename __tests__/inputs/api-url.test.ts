import { describe, expect, it } from '@jest/globals'
import { DEFAULT_API_URL, isLoopbackHost, parseApiUrl } from '../../src/inputs/api-url.js'

describe('parseApiUrl', () => {
  it.each([
    { raw: DEFAULT_API_URL, url: DEFAULT_API_URL },
    { raw: 'https://api.nexrender.com/api/v2/', url: 'https://api.nexrender.com/api/v2' },
    { raw: 'https://eu.example.com:8443/api/v2', url: 'https://eu.example.com:8443/api/v2' },
    { raw: 'http://127.0.0.1:4010/api/v2', url: 'http://127.0.0.1:4010/api/v2' },
    { raw: 'http://localhost:4010/api/v2', url: 'http://localhost:4010/api/v2' },
    { raw: 'http://[::1]:4010/api/v2', url: 'http://[::1]:4010/api/v2' },
    { raw: 'http://127.9.8.7/api/v2', url: 'http://127.9.8.7/api/v2' }
  ])('accepts $raw', ({ raw, url }) => {
    expect(parseApiUrl(raw)).toBe(url)
  })

  it.each([
    { raw: 'api.nexrender.com', problem: 'is not a valid URL' },
    {
      raw: 'http://api.nexrender.com/api/v2',
      problem:
        "must use https: plain http is allowed only for localhost, 127.0.0.0/8 and [::1]; got 'http://api.nexrender.com/api/v2', did you mean 'https://api.nexrender.com/api/v2'?"
    },
    { raw: 'http://localhost.example.com/api/v2', problem: 'must use https' },
    { raw: 'http://10.0.0.1/api/v2', problem: 'must use https' },
    { raw: 'ftp://api.nexrender.com/api/v2', problem: "must be an https URL, got 'ftp:'" },
    { raw: 'https://user:pass@api.nexrender.com/api/v2', problem: 'must not contain credentials' },
    { raw: 'https://api.nexrender.com/api/v2?x=1', problem: 'must not have a query or fragment' }
  ])('rejects $raw: $problem', ({ raw, problem }) => {
    expect(() => parseApiUrl(raw)).toThrow(`Input 'api-url' ${problem}`)
  })

  it.each([
    {
      raw: 'https://api.example.com/api/v2?key=gateway-key-77',
      message:
        "Input 'github-api-url' must not have a query or fragment; give the base URL alone: 'https://api.example.com/api/v2'"
    },
    {
      raw: 'https://user:pw-77@api.example.com:port/api/v2?key=gateway-key-77',
      message: "Input 'github-api-url' is not a valid URL: 'https://api.example.com:port/api/v2'"
    },
    { raw: 'https://user:pw-77@api.example.com/api/v2', message: "Input 'github-api-url' must not contain credentials" }
  ])('quotes $raw without its user info or query', ({ raw, message }) => {
    expect(() => parseApiUrl(raw, 'github-api-url')).toThrow(message)
    expect(() => parseApiUrl(raw, 'github-api-url')).not.toThrow(/gateway-key|pw-77/)
  })
})

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.255.0.3', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['localhost.evil.com', false],
    ['127.0.0.1.nip.io', false]
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback)
  })
})
