import { describe, expect, it } from '@jest/globals'
import { quotableUrl } from '../../src/helpers/quotable-url.js'

describe('quotableUrl', () => {
  it.each([
    { value: 'https://user:pw@host/api/v2?key=gateway-key', quoted: 'https://host/api/v2' },
    { value: 'https://api.nexrender.com/api/v2', quoted: 'https://api.nexrender.com/api/v2' },
    { value: 'https://token@ghe.example.com/api/v3#part', quoted: 'https://ghe.example.com/api/v3' },
    { value: 'http://[::1]:4010/api/v2?key=1', quoted: 'http://[::1]:4010/api/v2' },
    { value: 'https://host/a@b', quoted: 'https://host/a@b' },
    // Not URLs: the guess drops as much as could be a credential.
    { value: 'https://user:pw@host:port/x?key=1', quoted: 'https://host:port/x' },
    { value: 'user:pw@host/api?key=1', quoted: 'host/api' },
    { value: 'api.nexrender.com/api/v2?key=1', quoted: 'api.nexrender.com/api/v2' },
    { value: 'not a url', quoted: 'not a url' }
  ])('quotes $value as $quoted', ({ value, quoted }) => {
    expect(quotableUrl(value)).toBe(quoted)
  })
})
