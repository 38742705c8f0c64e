import { describe, expect, it } from '@jest/globals'
import { cell, code, link, table } from '../src/markdown.js'

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
    expect(table(['A', 'B'], [['1', '2'], ['3', '4'], ['5', '6']], 1)).toBe('| A | B |\n|---|---|\n| 1 | 2 |\n| … and 2 more | |')
    expect(table(['A'], [['1']], 5)).toBe('| A |\n|---|\n| 1 |')
  })
})
