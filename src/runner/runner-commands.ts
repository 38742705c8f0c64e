/**
 * The runner's protocol, as far as the action speaks it: inputs from `INPUT_*` variables, workflow
 * commands on stdout (`::add-mask::`, `::warning::`, `::error::`, `::debug::`), and file commands for
 * outputs, the post step's state and the job summary. It is what `@actions/core` does for these calls,
 * without the rest of that package: its OIDC client loads `@actions/http-client` with every start,
 * which the action otherwise loads only behind a proxy.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/** An input by its `action.yml` name, trimmed; '' when not given. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** Asks the runner to mask a secret in every log line from here on. */
export function setSecret(secret: string): void {
  issue('add-mask', secret)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issue('debug', message)
}

export function warning(message: string): void {
  issue('warning', message)
}

/** Fails the step with this message as its error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  issue('error', message)
}

export function setOutput(name: string, value: string): void {
  keyValue('OUTPUT', 'set-output', name, value)
}

/** Saves a value for the action's post step, which gets it as `STATE_<name>`. */
export function saveState(name: string, value: string): void {
  keyValue('STATE', 'save-state', name, value)
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

/** Appends Markdown to the job summary; outside a runner (no GITHUB_STEP_SUMMARY) it throws. */
export async function appendSummary(markdown: string): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY
  if (!path || !existsSync(path)) throw new Error(`Unable to find the job summary file at '${path ?? ''}'`)
  await appendFile(path, markdown, 'utf8')
}

/** A workflow command on stdout, its message escaped so that it stays one command. */
function issue(command: string, message: string, properties = ''): void {
  process.stdout.write(`::${command}${properties}::${escapeData(message)}${EOL}`)
}

/**
 * A file command (`name<<delimiter`), with a random delimiter that neither the name nor the value
 * may contain, so that no value can end its block early and set something else.
 */
function keyValue(file: 'OUTPUT' | 'STATE', command: string, name: string, value: string): void {
  const path = process.env[`GITHUB_${file}`]
  if (!path) {
    // Outside a runner's file commands: the older stdout form, which some local runners still read.
    issue(command, value, ` name=${escapeProperty(name)}`)
    return
  }
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: ${name} should not contain the delimiter "${delimiter}"`)
  }
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
