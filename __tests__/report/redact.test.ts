import { describe, expect, it } from '@jest/globals'
import { redactor } from '../../src/report/redact.js'

describe('redactor', () => {
  it('replaces every occurrence of the secret', () => {
    expect(redactor('s3cr3t')('a s3cr3t b s3cr3ts3cr3t')).toBe('a *** b ******')
  })
  it('leaves text alone when there is no secret', () => {
    expect(redactor('')('anything')).toBe('anything')
  })
})
