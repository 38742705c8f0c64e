import { describe, expect, it } from '@jest/globals'
import { MIN_SECRET_RUN, redactor } from '../../src/helpers/redact.js'

const TOKEN = 'nxr_7Q2sLk9vSECRETx4Zp'
const GITHUB = 'ghs_9Wq2LmTOKENz5Kp'

/** Every run of MIN_SECRET_RUN characters of a secret found in a text. */
const runsIn = (text: string, secret: string) =>
  Array.from({ length: secret.length - MIN_SECRET_RUN + 1 }, (_, at) => secret.slice(at, at + MIN_SECRET_RUN)).filter(
    (run) => text.includes(run)
  )

describe('redactor', () => {
  const redact = redactor(TOKEN, GITHUB)

  it.each([
    { name: 'a whole secret', text: `Bearer ${TOKEN}.`, redacted: 'Bearer ***.' },
    { name: 'each of two secrets', text: `${TOKEN} and ${GITHUB}`, redacted: '*** and ***' },
    {
      name: 'the start of a secret left by a clip',
      text: `Bearer ${TOKEN.slice(0, 12)}...`,
      redacted: 'Bearer ***...'
    },
    { name: 'the end of a secret left by a clip', text: `${TOKEN.slice(-9)}" rejected`, redacted: '***" rejected' },
    { name: 'a run from its middle', text: `[${TOKEN.slice(5, 5 + MIN_SECRET_RUN)}]`, redacted: '[***]' },
    { name: 'a secret quoted twice, back to back', text: `${TOKEN}${TOKEN}`, redacted: '******' },
    {
      name: 'a run of one beside a run of the other',
      text: `${TOKEN.slice(0, 10)}${GITHUB.slice(-10)}`,
      redacted: '******'
    },
    {
      name: 'a run one character too short',
      text: TOKEN.slice(3, 3 + MIN_SECRET_RUN - 1),
      redacted: TOKEN.slice(3, 10)
    },
    { name: 'text with none', text: 'HTTP 500: Server Error', redacted: 'HTTP 500: Server Error' }
  ])('replaces $name', ({ text, redacted }) => {
    expect(redact(text)).toBe(redacted)
  })

  const SLASHED = 'nx_Ab3/Kd9+Qe7/Lm2=Zp5/Wq8+Tr1/Yu4=Ho6'
  const encoded = (prefix: string, encoding: 'base64' | 'base64url') =>
    Buffer.from(`${prefix}${SLASHED}"}`).toString(encoding)
  it.each([
    { form: 'percent-encoded in a URL', text: `https://login.example/cb?auth=Bearer%20${encodeURIComponent(SLASHED)}` },
    { form: 'in base64, alone', text: Buffer.from(SLASHED).toString('base64') },
    { form: 'in base64, after one byte', text: encoded('B', 'base64') },
    { form: 'in base64, after "Bearer "', text: encoded('Bearer ', 'base64') },
    { form: 'in base64url, after two bytes', text: encoded('{"', 'base64url') }
  ])('replaces a secret echoed back $form, leaving no run of it', ({ text }) => {
    const redacted = redactor(SLASHED)(text)
    expect(redacted).toContain('***')
    const forms = [encodeURIComponent(SLASHED), Buffer.from(SLASHED).toString('base64')]
    for (const form of forms) expect(runsIn(redacted, form)).toEqual([])
    expect(Buffer.from(redacted.replace(/\*\*\*/g, ''), 'base64').toString('latin1')).not.toContain(
      SLASHED.slice(0, 12)
    )
  })

  it('leaves no run of a secret whatever length a quote of it is clipped to', () => {
    const quote = `{"error":"Rejected header: Bearer ${TOKEN}; token ${GITHUB}"}`
    for (let length = 0; length <= quote.length; length++) {
      const clipped = redact(quote.slice(0, length))
      expect([...runsIn(clipped, TOKEN), ...runsIn(clipped, GITHUB)]).toEqual([])
    }
  })

  it('replaces a secret shorter than a run only whole', () => {
    expect(redactor('s3cr3t')('a s3cr3t b s3cr3ts3cr3t s3cr3')).toBe('a *** b ****** s3cr3')
  })

  it('takes secrets with characters a pattern would read', () => {
    expect(redactor('a.b*c+d?e(f)g[h]')('x a.b*c+d?e(f)g[h] y a.b*c+dXe')).toBe('x *** y a.b*c+dXe')
  })

  it('leaves text alone when there is no secret', () => {
    expect(redactor('')('anything')).toBe('anything')
    expect(redactor()('anything')).toBe('anything')
  })

  describe('bytes', () => {
    it('gives back the same bytes when no run of a secret is in them', () => {
      const data = Buffer.from('{"batchId":"01J0","status":"cancelled"}')
      expect(redact.bytes(data)).toBe(data)
    })

    it('replaces runs as the text does', () => {
      const data = Buffer.from(`{"error":"Bearer ${TOKEN.slice(0, 15)}…","note":"é"}`)
      expect(redact.bytes(data).toString('utf8')).toBe('{"error":"Bearer ***…","note":"é"}')
    })

    it('finds the runs of a secret that is not ASCII', () => {
      expect(redactor('clé-secrète-42').bytes(Buffer.from('x clé-secrè y')).toString('utf8')).toBe('x *** y')
    })
  })

  describe('wholeSecrets', () => {
    it('replaces each whole secret and nothing else', () => {
      const data = Buffer.from(`Bearer ${TOKEN}, then ${TOKEN.slice(0, 12)}`)
      expect(redact.wholeSecrets(data).toString('utf8')).toBe(`Bearer ***, then ${TOKEN.slice(0, 12)}`)
    })

    it('gives back the same bytes when no secret is in them', () => {
      const data = Buffer.from('{}')
      expect(redact.wholeSecrets(data)).toBe(data)
    })
  })
})
