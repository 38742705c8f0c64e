import { describe, expect, it, jest } from '@jest/globals'
import { validateAction, validateWorkflow } from '@action-validator/core'
import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { INPUT_DEFAULTS, parseInputs } from '../src/inputs/inputs.js'
import { GUARD_INPUT_NAMES } from '../src/inputs/guard-inputs.js'
import { parseRecordInputs } from '../src/inputs/record-inputs.js'
import { RECORD_OUTPUT_NAMES } from '../src/report/record-outputs.js'
import { OUTPUT_NAMES } from '../src/report/outputs.js'

interface ActionMetadata {
  runs: { using: string; main: string }
  inputs: Record<string, { required?: boolean; default?: string; description: string }>
  outputs: Record<string, { description: string }>
}

const actionYml = readFileSync('action.yml', 'utf8')
const action = parse(actionYml) as ActionMetadata
const recordYml = readFileSync('record/action.yml', 'utf8')
const recordAction = parse(recordYml) as ActionMetadata
const guardYml = readFileSync('guard/action.yml', 'utf8')
const guardAction = parse(guardYml) as ActionMetadata
const workflows = readdirSync('.github/workflows').map((name) => `.github/workflows/${name}`)

/** The rows of the table under a `## heading` of a Markdown file, as trimmed cells, keyed by the first cell's `name`. */
function markdownTable(file: string, heading: string): Map<string, string[]> {
  const section = readFileSync(file, 'utf8').split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? ''
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

/** A reader that gives every input a valid value, so that every input is asked for, and notes the names. */
function recordingReader(asked: string[]) {
  const values: Record<string, string> = { 'batch-id': '01ARZ3NDEKTSV4RRFFQ69G5FAV', 'pull-request': '7' }
  return (name: string) => (asked.push(name), values[name] ?? '')
}

/** Every input name the cancel code reads: the tokens (read first, to mask them) and what parseInputs asks for, with a pull request and in a sweep. */
function inputsTheCodeReads(): string[] {
  const asked: string[] = []
  parseInputs(recordingReader(asked), 'token-value', 'github-token-value')
  const sweeping = (name: string) => (asked.push(name), name === 'sweep' ? 'closed' : '')
  parseInputs(sweeping, 'token-value', 'github-token-value')
  return [...new Set(['token', 'github-token', ...asked])]
}

/** Every input name the record code reads. */
function recordInputsTheCodeReads(): string[] {
  const asked: string[] = []
  parseRecordInputs(recordingReader(asked), 'github-token-value', {}, {})
  return ['github-token', ...asked]
}

/** Defaults that are expressions: the runner evaluates them, and the code reads what it gets. */
const RUNNER_DEFAULTS = {
  'github-token': '${{ github.token }}',
  'github-api-url': '${{ github.api_url }}'
}
const DEFAULTS: Record<string, string> = { ...INPUT_DEFAULTS, ...RUNNER_DEFAULTS }

describe('action.yml, the code and the README stay in step', () => {
  it('declares every input the code reads, and no other', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(inputsTheCodeReads().sort())
  })

  it('declares the same defaults as the code, and marks only token required', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect({ name, required: input.required ?? false }).toEqual({ name, required: name === 'token' })
      expect({ name, default: input.default }).toEqual({ name, default: DEFAULTS[name] })
    }
  })

  it('declares in record/action.yml every input the record code reads, and its outputs', () => {
    expect(Object.keys(recordAction.inputs).sort()).toEqual(recordInputsTheCodeReads().sort())
    for (const [name, input] of Object.entries(recordAction.inputs)) {
      expect({ name, required: input.required ?? false }).toEqual({ name, required: name === 'batch-id' })
      expect({ name, default: input.default }).toEqual({ name, default: DEFAULTS[name] })
    }
    expect(Object.keys(recordAction.outputs).sort()).toEqual([...RECORD_OUTPUT_NAMES].sort())
  })

  it('declares in guard/action.yml the inputs the guard reads, as the cancel declares them', () => {
    expect(Object.keys(guardAction.inputs).sort()).toEqual([...GUARD_INPUT_NAMES].sort())
    for (const [name, input] of Object.entries(guardAction.inputs)) {
      expect({ name, required: input.required ?? false }).toEqual({
        name,
        required: ['batch-id', 'token'].includes(name)
      })
      expect({ name, default: input.default }).toEqual({ name, default: action.inputs[name]?.default })
    }
  })

  it('declares every output the code sets, and no other', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
  })

  it("lists the same inputs and outputs in the README tables and the steps' READMEs", () => {
    expect([...markdownTable('README.md', 'Inputs').keys()].sort()).toEqual(Object.keys(action.inputs).sort())
    expect([...markdownTable('README.md', 'Outputs').keys()].sort()).toEqual(Object.keys(action.outputs).sort())
    expect([...markdownTable('record/README.md', 'Inputs').keys()].sort()).toEqual(
      Object.keys(recordAction.inputs).sort()
    )
    expect([...markdownTable('record/README.md', 'Outputs').keys()].sort()).toEqual(
      Object.keys(recordAction.outputs).sort()
    )
    expect([...markdownTable('guard/README.md', 'Inputs').keys()].sort()).toEqual(
      Object.keys(guardAction.inputs).sort()
    )
  })

  it.each([
    ['README.md', action],
    ['record/README.md', recordAction],
    ['guard/README.md', guardAction]
  ])('documents required and default in the inputs table of %s as the action declares them', (file, metadata) => {
    const table = markdownTable(file, 'Inputs')
    for (const [name, input] of Object.entries(metadata.inputs)) {
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
  it.each([
    ['action.yml', action, actionYml, 'dist/index.js'],
    ['record/action.yml', recordAction, recordYml, '../dist/record/index.js'],
    ['guard/action.yml', guardAction, guardYml, '../dist/guard/index.js']
  ])('%s is a valid action running its bundle on node24', (_file, metadata, yml, main) => {
    expect(metadata.runs).toMatchObject({ using: 'node24', main })
    // The validator's schema predates node24 (it knows node12 to node20); everything else is checked as is.
    expect(validateAction(yml.replace('using: node24', 'using: node20')).errors).toEqual([])
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
      (target) =>
        !['./', './record', './guard'].includes(target) &&
        !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/.test(target)
    )
    expect(unpinned).toEqual([])
  })
})
