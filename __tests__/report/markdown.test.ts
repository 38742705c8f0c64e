import { describe, expect, it } from '@jest/globals'
import { cell, code, link, table } from '../../src/report/markdown.js'

describe('markdown helpers', () => {
  it.each([
    [undefined, '–'],
    [null, '–'],
    ['', '–'],
    [7, '7'],
    ['a|b', 'a\\|b'],
    ['<b>&', '&lt;b&gt;&amp;'],
    ['two\r\nlines', 'two lines']
  ])('cell(%j) is %j', (value, text) => expect(cell(value)).toBe(text))

  it('caps a cell at 200 characters', () => {
    expect(cell('x'.repeat(500))).toBe(`${'x'.repeat(197)}...`)
  })

  it('code() keeps backticks from closing the span', () => {
    expect(code('a`b')).toBe("`a'b`")
  })

  it.each([
    ['https://cdn.example.com/a b.mp4', '[out](https://cdn.example.com/a%20b.mp4)'],
    ['https://cdn.example.com/a(1).mp4', '[out](https://cdn.example.com/a%281%29.mp4)'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    [42, '42']
  ])('link(%j)', (url, markdown) => expect(link('out', url)).toBe(markdown))

  it('table() cuts rows beyond the limit', () => {
    const formatted: number[] = []
    const toRow = (n: number) => (formatted.push(n), [String(n), String(n * 2)])
    expect(table(['A', 'B'], [1, 2, 3], 1, toRow)).toBe('| A | B |\n|---|---|\n| 1 | 2 |\n| … and 2 more | |')
    expect(formatted).toEqual([1])
    expect(table(['A'], ['x'], 5, (item) => [item])).toBe('| A |\n|---|\n| x |')
  })
})
