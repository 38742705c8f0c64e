// ncc's licence collection misses some ESM-only packages (p-map among them): this adds, to each
// bundle's licenses.txt, the licence of every runtime dependency the bundle contains and the file
// lacks, in ncc's own format (name, licence type, text). Run by `npm run bundle`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const dependencies = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {})

/** A package's licence as ncc writes it, or undefined if it ships no licence file. */
function licenceEntry(name) {
  const folder = join(root, 'node_modules', name)
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))
  const file = readdirSync(folder).find((entry) => /^licen[cs]e(\.\w+)?$/i.test(entry))
  return file && `${name}\n${manifest.license}\n${readFileSync(join(folder, file), 'utf8').trim()}\n`
}

/** Whether a bundle folder's scripts contain the package: its own export names are kept by the minifier. */
const MARKERS = { 'p-map': /\bfunction pMapSettled\(/ }

for (const bundle of ['dist', 'dist/record', 'dist/guard', 'dist/guard/post']) {
  const folder = join(root, bundle)
  const licences = join(folder, 'licenses.txt')
  if (!existsSync(licences)) continue
  const text = readFileSync(licences, 'utf8')
  const scripts = readdirSync(folder)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(folder, name), 'utf8'))
    .join('\n')
  const missing = dependencies.filter(
    (name) => MARKERS[name]?.test(scripts) && !text.split('\n').includes(name) && licenceEntry(name)
  )
  if (missing.length > 0) writeFileSync(licences, `${text.trimEnd()}\n\n${missing.map(licenceEntry).join('\n')}`)
}
