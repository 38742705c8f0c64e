import { describe, expect, it } from '@jest/globals'
import { resultsFileWarning } from '../../src/report/results-file.js'

describe('resultsFileWarning', () => {
  it.each([
    { code: 'ENOENT', says: 'does not exist' },
    { code: 'ENOTDIR', says: 'is not a directory (a file is in its place, or in its path)' },
    { code: 'EACCES', says: 'is not writable by the step' },
    { code: 'EPERM', says: 'is not writable by the step' },
    { code: 'EROFS', says: 'is on a read-only file system' },
    { code: 'ENOSPC', says: 'is full' },
    { code: 'EDQUOT', says: 'is over its disk quota' },
    { code: 'EIO', says: 'cannot be written to' },
    { code: undefined, says: 'cannot be written to' }
  ])('$code: says the folder $says, with the error as it came', ({ code, says }) => {
    const warning = resultsFileWarning('/runner/_temp', true, { code, message: `${code}: mkdtemp failed` })
    expect(warning).toContain(
      `The results file could not be written: RUNNER_TEMP (/runner/_temp) ${says} (${code}: mkdtemp failed).`
    )
  })

  it('says only the results-file output is left out, and what to check', () => {
    expect(resultsFileWarning('/runner/_temp', true, { code: 'ENOENT', message: 'ENOENT' })).toContain(
      'The results-file output is left empty; the other outputs, the summary and the verdict are as usual. ' +
        'Check that RUNNER_TEMP names a directory the step can write to, with room left'
    )
  })

  it("names the system's temporary folder when RUNNER_TEMP is not set", () => {
    expect(resultsFileWarning('/tmp', false, { code: 'ENOSPC', message: 'ENOSPC' })).toContain(
      "the system's temporary folder /tmp (RUNNER_TEMP is not set) is full"
    )
  })
})
