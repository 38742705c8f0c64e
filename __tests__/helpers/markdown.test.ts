import { describe, expect, it } from '@jest/globals'
import MarkdownIt from 'markdown-it'
import { cell, code, link, table } from '../../src/helpers/markdown.js'

/** GitHub-flavoured enough to judge escaping: tables, strikethrough, raw HTML and bare-URL links. */
const markdown = new MarkdownIt({ html: true, linkify: true })

/** The inline tokens of the one cell of a one-column table holding `markdownCell`. */
function renderedCell(markdownCell: string) {
  const tokens = markdown.parse(`| A |\n|---|\n| ${markdownCell} |\n`, {})
  const cellTokens = tokens.filter((token) => token.type === 'inline').slice(1)
  expect(cellTokens).toHaveLength(1) // still exactly one cell in one row
  return cellTokens[0]?.children ?? []
}

describe('cell(): text from the API is shown as text', () => {
  it.each([
    ['a link', '[click](https://evil.example/phish)'],
    ['an image', '![pixel](https://evil.example/track.png)'],
    ['a reference-style link', '[click][1] [1]: https://evil.example'],
    ['an angle-bracket autolink', '<https://evil.example>'],
    ['a bare URL', 'see https://evil.example/x for details'],
    ['a bare www address', 'www.evil.example'],
    ['emphasis and strikethrough', '**bold** _italic_ ~~struck~~ *x* __strong__ a_b_ _c'],
    ['a code span', 'run `rm -rf /` now'],
    ['raw HTML', '<img src=x onerror=alert(1)><script>alert(2)</script>'],
    ['an HTML entity', '&lt;b&gt; &#91;x&#93;(https://evil.example)'],
    ['a pipe that would split the row', 'a | b | c'],
    ['backslashes', 'C:\\renders\\*.aep \\[x\\](y)'],
    ['a heading marker', '# not a heading'],
    ['line breaks', 'first\nsecond\r\nthird']
  ])('%s', (_what, nasty) => {
    const children = renderedCell(cell(nasty))
    expect(children.map((token) => token.type)).toEqual(children.map(() => 'text'))
    expect(children.map((token) => token.content).join('')).toBe(nasty.replace(/[\r\n]+/g, ' '))
  })

  it.each([
    [undefined, '–'],
    [null, '–'],
    ['', '–'],
    [7, '7'],
    ['plain words', 'plain words'],
    ['manually_cancelled', 'manually_cancelled'],
    ['render:dorender', 'render:dorender']
  ])('cell(%j) is %j', (value, text) => expect(cell(value)).toBe(text))

  it('caps a cell at 200 characters', () => {
    expect(cell('x'.repeat(500))).toBe(`${'x'.repeat(197)}...`)
  })
})

describe('code()', () => {
  it.each([
    ['a`b', "`a'b`"],
    ['a|b', '`a\\|b`'],
    ['a\nb', '`a b`']
  ])('keeps %j inside its span and its table cell', (value, span) => {
    expect(code(value)).toBe(span)
    expect(renderedCell(code(value)).map((token) => token.type)).toEqual(['code_inline'])
  })

  it('caps a span at 200 characters, as a cell', () => {
    expect(code('x'.repeat(500))).toBe(`\`${'x'.repeat(197)}...\``)
  })
})

describe('link()', () => {
  it.each([
    ['https://cdn.example.com/a b.mp4', '[out](https://cdn.example.com/a%20b.mp4)'],
    ['https://cdn.example.com/a(1).mp4', '[out](https://cdn.example.com/a%281%29.mp4)']
  ])('links an https URL: %j', (url, expected) => {
    expect(link('out', url)).toBe(expected)
    expect(renderedCell(link('out', url)).map((token) => token.type)).toEqual(['link_open', 'text', 'link_close'])
  })

  it.each([
    ['http://cdn.example.com/a.mp4'],
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    [42]
  ])('shows anything else as text: %j', (url) => {
    expect(renderedCell(link('out', url)).map((token) => token.type)).toEqual(['text'])
  })
})

describe('table()', () => {
  it('cuts rows beyond the limit', () => {
    const formatted: number[] = []
    const toRow = (n: number) => (formatted.push(n), [String(n), String(n * 2)])
    expect(table(['A', 'B'], [1, 2, 3], 1, toRow)).toBe('| A | B |\n|---|---|\n| 1 | 2 |\n| … and 2 more | |')
    expect(formatted).toEqual([1])
    expect(table(['A'], ['x'], 5, (item) => [item])).toBe('| A |\n|---|\n| x |')
  })
})
