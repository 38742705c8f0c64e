import { describe, expect, it } from '@jest/globals'
import { parseBatchIds } from '../../src/inputs/batch-ids.js'

const A = '01ARZ3NDEKTSV4RRFFQ69G5FAV'
const B = '01KDVDNA07TXH63FZT7APV6KX1'

describe('parseBatchIds', () => {
  it.each([
    { raw: A, ids: [A] },
    { raw: ` ${A.toLowerCase()} `, ids: [A] },
    { raw: `${A},${B}`, ids: [A, B] },
    { raw: `${B}\n${A}\n`, ids: [B, A] },
    { raw: `${A} ,  ${B}\r\n${A.toLowerCase()}`, ids: [A, B] }
  ])('reads $raw as $ids', ({ raw, ids }) => {
    expect(parseBatchIds(raw)).toEqual(ids)
  })

  it.each(['', '  ', ',\n,'])('requires at least one id (%j)', (raw) => {
    expect(() => parseBatchIds(raw)).toThrow("Input 'batch-id' is required")
  })

  it.each([
    { raw: '01ARZ3NDEKTSV4RRFFQ69G5FA', shown: "an invalid id: '01ARZ3NDEKTSV4RRFFQ69G5FA'" },
    { raw: '01ARZ3NDEKTSV4RRFFQ69G5FAVX', shown: "an invalid id: '01ARZ3NDEKTSV4RRFFQ69G5FAVX'" },
    { raw: '01ARZ3NDEKTSV4RRFFQ69G5FAI', shown: "an invalid id: '01ARZ3NDEKTSV4RRFFQ69G5FAI'" },
    { raw: `${A},batch-1,batch-2`, shown: "invalid ids: 'batch-1', 'batch-2'" }
  ])('names the offending value: $raw', ({ raw, shown }) => {
    expect(() => parseBatchIds(raw)).toThrow(`Input 'batch-id' has ${shown}.`)
  })

  it('shortens a very long pasted value', () => {
    expect(() => parseBatchIds('x'.repeat(500))).toThrow(`'${'x'.repeat(57)}...'`)
  })
})
