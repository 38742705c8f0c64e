import { describe, expect, it } from '@jest/globals'
import { jsonBytesOf, jsonTextOf } from '../../src/http/json-body.js'

const BOM = '\uFEFF'

describe('jsonBytesOf: a JSON answer without a leading byte order mark nor the whitespace around it', () => {
  it.each([
    { what: 'a plain body', body: '{"a":1}', json: '{"a":1}' },
    { what: 'a leading BOM', body: `${BOM}{"a":1}`, json: '{"a":1}' },
    { what: 'a BOM, then whitespace', body: `${BOM}\r\n {"a":1}\n`, json: '{"a":1}' },
    { what: 'JSON whitespace around', body: ' \t\r\n{"a":1} \t\r\n', json: '{"a":1}' },
    { what: 'whitespace inside kept', body: '{ "a" : 1 }', json: '{ "a" : 1 }' },
    { what: 'only a BOM', body: BOM, json: '' },
    { what: 'empty', body: '', json: '' },
    // Only the first: a second BOM, or one after whitespace, is no byte order mark, and JSON refuses it.
    { what: 'a second BOM kept', body: `${BOM}${BOM}{}`, json: `${BOM}{}` },
    { what: 'a BOM after whitespace kept', body: ` ${BOM}{}`, json: `${BOM}{}` },
    // Other Unicode spaces are not JSON's: left for the parser to refuse.
    { what: 'a no-break space kept', body: '\u00A0{}', json: '\u00A0{}' }
  ])('$what', ({ body, json }) => {
    expect(jsonTextOf(Buffer.from(body))).toBe(json)
    expect(jsonBytesOf(Buffer.from(body))).toEqual(Buffer.from(json))
  })

  it('is a view of the same bytes, not a copy', () => {
    const body = Buffer.from(`${BOM} [1] `)
    const json = jsonBytesOf(body)
    expect(json.buffer).toBe(body.buffer)
    expect(json.byteOffset - body.byteOffset).toBe(4)
  })
})
