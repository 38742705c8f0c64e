import { describe, expect, it } from '@jest/globals'
import MarkdownIt, { type Token } from 'markdown-it'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { DOCUMENTATION_FILES } from './support/recipe-files.js'

/** The documentation reads as written: links lead somewhere, the README stays short and starts with a recipe. */
const markdown = new MarkdownIt()

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

/** The anchors of a Markdown file's headings, with GitHub's `-1`, `-2` … for repeated ones. */
function anchors(file: string): Set<string> {
  const tokens = markdown.parse(readFileSync(file, 'utf8'), {})
  const seen = new Map<string, number>()
  const found = new Set<string>()
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return
    const text = (tokens[index + 1]?.children ?? [])
      .filter((child) => child.type === 'text' || child.type === 'code_inline')
      .map((child) => child.content)
      .join('')
    const base = slug(text)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    found.add(count === 0 ? base : `${base}-${count}`)
  })
  return found
}

/** Every link target of a Markdown file, as written, leaving out code. */
function links(file: string): string[] {
  const inline = (tokens: Token[]): Token[] => tokens.flatMap((token) => [token, ...inline(token.children ?? [])])
  return inline(markdown.parse(readFileSync(file, 'utf8'), {}))
    .filter((token) => token.type === 'link_open')
    .map((token) => String(token.attrGet('href') ?? ''))
}

const relativeLinks = DOCUMENTATION_FILES.flatMap((file) =>
  links(file)
    .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href))
    .map((href) => [file, href] as const)
)

const readme = readFileSync('README.md', 'utf8')
const readmeLines = readme.split('\n')
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts

describe('the documentation', () => {
  it('is all linked from the README', () => {
    const linked = new Set(relativeLinks.filter(([from]) => from === 'README.md').map(([, href]) => href.split('#')[0]))
    expect(DOCUMENTATION_FILES.filter((file) => file !== 'README.md' && !linked.has(file))).toEqual([])
  })

  it.each(relativeLinks)('%s: the link to %s leads to a file and heading that exist', (file, href) => {
    const [path = '', anchor] = href.split('#')
    const target = path === '' ? file : normalize(join(dirname(file), decodeURIComponent(path)))
    const heading = anchor === undefined || (existsSync(target) && anchors(target).has(anchor))
    expect({ href, exists: existsSync(target), heading }).toEqual({ href, exists: true, heading: true })
  })

  it('finds headings as GitHub anchors them', () => {
    expect(slug('By hand, through `workflow_dispatch`, with a dry run to look first')).toBe(
      'by-hand-through-workflow_dispatch-with-a-dry-run-to-look-first'
    )
    expect(anchors('README.md')).toContain('pull-requests-record-and-guard-each-preview-render')
  })
})

describe('the README', () => {
  it('is at most 248 lines', () => {
    expect(readme.endsWith('\n') ? readmeLines.length - 1 : readmeLines.length).toBeLessThanOrEqual(248)
  })

  it('starts its first recipe, the guard of a render, within its first 40 lines', () => {
    const start = readmeLines.findIndex((line) => line === '```yaml')
    expect(start + 1).toBeGreaterThan(0)
    expect(start + 1).toBeLessThan(40)
    const recipe = readmeLines.slice(start, readmeLines.indexOf('```', start + 1)).join('\n')
    expect(recipe).toContain('uses: OWNER/nexrender-cancel-batch-action/guard@v1')
  })

  it("gives the quick start's two commands as package.json defines them", () => {
    expect(readme).toContain(
      [
        '```sh',
        'npm ci && npm run demo   # runs the action end to end against the built-in API simulators',
        'npm test                 # runs the unit, simulator and end-to-end tests',
        '```'
      ].join('\n')
    )
    expect(scripts.demo).toBe('tsx demo/run-demo.ts')
    expect(scripts.test).toMatch(/\bjest\b/)
  })

  it('names only scripts package.json defines, in the documentation', () => {
    const named = DOCUMENTATION_FILES.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bnpm run (?:-s )?([\w:-]+)/g)].map(([, script = '']) => script)
    )
    expect(named).toContain('demo')
    expect(named.filter((script) => !(script in scripts))).toEqual([])
  })
})
