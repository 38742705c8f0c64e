import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { redactor } from '../../src/helpers/redact.js'
import { writeResultsFile } from '../../src/runner/write-results-file.js'
import { answered, failed } from '../support/replies.js'
import { unusableFolders } from '../support/unusable-folders.js'

const results = [answered(), failed('HTTP 500: token nxr_SECRET rejected', '01KDVDNA01E9NK47NS912KC35A')]
const redact = redactor('nxr_SECRET')

describe('writeResultsFile', () => {
  it('writes the results under RUNNER_TEMP, in a folder of its own, redacted, and gives the path', async () => {
    const runnerTemp = mkdtempSync(join(tmpdir(), 'runner-temp-'))
    const written = await writeResultsFile(results, { RUNNER_TEMP: runnerTemp }, redact)

    expect(written).toEqual({ path: expect.stringMatching(/results\.json$/) })
    const path = 'path' in written ? written.path : ''
    expect(dirname(dirname(path))).toBe(runnerTemp)
    const text = readFileSync(path, 'utf8')
    expect(JSON.parse(text)).toHaveLength(2)
    expect(text).toContain('token *** rejected')
  })

  it("takes the system's temporary folder when RUNNER_TEMP is not set", async () => {
    const written = await writeResultsFile(results, {}, redact)
    expect('path' in written && written.path.startsWith(tmpdir())).toBe(true)
  })

  it.each(unusableFolders())('never rejects on $what: it warns, naming RUNNER_TEMP', async ({ folder, says }) => {
    const written = await writeResultsFile(results, { RUNNER_TEMP: folder }, redact)

    expect(written).toEqual({ warning: expect.stringContaining(`RUNNER_TEMP (${folder}) ${says}`) })
    expect('warning' in written && written.warning).toContain('The results-file output is left empty')
  })
})
