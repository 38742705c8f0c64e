import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'

/**
 * `src/` reads in the order the data travels, and every import runs one way: the steps a workflow
 * writes (each a folder with its entry points and its edge), their ties to the runner, then the stages in the order of the data's path, each
 * free to use those before it, then the general helpers, which use nothing of the action's.
 */
const LAYERS = [
  ['cancel', 'record', 'guard'],
  ['runner'],
  ['report'],
  ['records'],
  ['github'],
  ['nexrender'],
  ['http'],
  ['inputs'],
  ['helpers']
]

const folderOf = (file: string) => file.split('/')[0] ?? ''
const layerOf = (file: string) => LAYERS.findIndex((folders) => folders.includes(folderOf(file)))

function sourceFiles(folder = 'src'): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'stand-ins' ? [] : sourceFiles(path)
    return entry.name.endsWith('.ts') ? [relative('src', path)] : []
  })
}

/** Every relative import of a source file, static or dynamic, type-only included, as a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join('src', file), 'utf8')
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1] ?? '')
  return specifiers
    .map((specifier) => normalize(join(dirname(file), specifier)))
    .filter((target) => !target.startsWith('..'))
}

describe('the layout of src/', () => {
  const files = sourceFiles()

  it('puts every source file in a known layer', () => {
    expect(files.filter((file) => layerOf(file) === -1)).toEqual([])
  })

  it('has every import run down the layers, never back up', () => {
    const upward = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => layerOf(target) < layerOf(file))
        .map((target) => `${file} imports ${target}`)
    )
    expect(upward).toEqual([])
  })

  it('finds the imports it checks', () => {
    expect(importsOf('cancel/main.ts')).toContain('inputs/inputs.js')
    expect(importsOf('records/records-comment.ts').length).toBeGreaterThan(0)
  })

  it("takes GitHub's published contract (@octokit/*) for its types only, so none of it is bundled", () => {
    const imports = files.flatMap((file) =>
      [...readFileSync(join('src', file), 'utf8').matchAll(/^import (type )?[^']*'(@octokit\/[^']+)'/gm)].map(
        ([, type, name]) => `${file}: ${type ?? 'value '}${name}`
      )
    )
    expect(imports.filter((line) => !line.includes(': type @octokit/'))).toEqual([])
    expect(imports.length).toBeGreaterThan(0)
  })
})
