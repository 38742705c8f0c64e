import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'

/** The licences each bundle must carry: those of the runtime dependencies it holds. */
describe("the bundles' licences", () => {
  it.each([
    ['dist', ['@actions/http-client', 'tunnel', 'p-map']],
    ['dist/guard/post', ['tunnel', 'p-map']]
  ])('%s/licenses.txt names %j, with their licence text', (folder, names) => {
    const lines = readFileSync(`${folder}/licenses.txt`, 'utf8').split('\n')
    for (const name of names) {
      const at = lines.indexOf(name)
      expect({ name, found: at !== -1 }).toEqual({ name, found: true })
      expect(lines[at + 1]).toBe('MIT')
    }
  })
})
