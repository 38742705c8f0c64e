import { describe, expect, it, jest } from '@jest/globals'
import { validateAction, validateWorkflow } from '@action-validator/core'
import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { INPUT_DEFAULTS, parseInputs } from '../src/inputs/inputs.js'
import { OUTPUT_NAMES } from '../src/report/outputs.js'

interface ActionMetadata {
  runs: { using: string; main: string }
  inputs: Record<string, { required?: boolean; default?: string; description: string }>
  outputs: Record<string, { description: string }>
}

const actionYml = readFileSync('action.yml', 'utf8')
const action = parse(actionYml) as ActionMetadata
const readme = readFileSync('README.md', 'utf8')
const workflows = readdirSync('.github/workflows').map((name) => `.github/workflows/${name}`)

/** The rows of the README table under a `## heading`, as trimmed cells, keyed by the first cell's `name`. */
function readmeTable(heading: string): Map<string, string[]> {
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? ''
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cellText) => cellText.trim())
    )
  return new Map(rows.map((cells) => [cells[0]?.replace(/`/g, '') ?? '', cells.slice(1)]))
}

/** Every input name the code reads: the token (read first, to mask it) and what parseInputs asks for. */
function inputsTheCodeReads(): string[] {
  const asked: string[] = []
  parseInputs((name) => {
    asked.push(name)
    return name === 'batch-id' ? '01ARZ3NDEKTSV4RRFFQ69G5FAV' : ''
  }, 'token-value')
  return ['token', ...asked]
}

describe('action.yml, the code and the README stay in step', () => {
  it('declares every input the code reads, and no other', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(inputsTheCodeReads().sort())
  })

  it('declares the same defaults as the code, and marks only batch-id and token required', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      const required = name === 'batch-id' || name === 'token'
      expect({ name, required: input.required ?? false }).toEqual({ name, required })
      expect({ name, default: input.default }).toEqual({
        name,
        default: (INPUT_DEFAULTS as Record<string, string>)[name]
      })
    }
  })

  it('declares every output the code sets, and no other', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
  })

  it('lists the same inputs and outputs in the README tables', () => {
    expect([...readmeTable('Inputs').keys()].sort()).toEqual(Object.keys(action.inputs).sort())
    expect([...readmeTable('Outputs').keys()].sort()).toEqual(Object.keys(action.outputs).sort())
  })

  it('documents required and default in the README as action.yml declares them', () => {
    const table = readmeTable('Inputs')
    for (const [name, input] of Object.entries(action.inputs)) {
      const [required, defaultValue] = table.get(name) ?? []
      expect({ name, required, defaultValue }).toEqual({
        name,
        required: input.required ? 'yes' : 'no',
        defaultValue: input.default === undefined ? '' : `\`${input.default}\``
      })
    }
  })
})

describe('metadata and workflows match their schemas', () => {
  it('action.yml is a valid action running dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    // The validator's schema predates node24 (it knows node12 to node20); everything else is checked as is.
    expect(validateAction(actionYml.replace('using: node24', 'using: node20')).errors).toEqual([])
  })

  it.each(workflows)('%s is a valid workflow', (file) => {
    // The validator warns on stderr that it does not check path globs; that is all it skips.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(validateWorkflow(readFileSync(file, 'utf8')).errors).toEqual([])
    warn.mockRestore()
  })

  it.each(workflows)('%s pins every third-party action to a full commit SHA with its version', (file) => {
    const uses = [...readFileSync(file, 'utf8').matchAll(/^\s*(?:- )?uses: (.+)$/gm)].map(([, target]) => target ?? '')
    const unpinned = uses.filter(
      (target) => target !== './' && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/.test(target)
    )
    expect(unpinned).toEqual([])
  })
})
