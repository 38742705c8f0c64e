import { readdirSync, readFileSync } from 'node:fs'

/** The Markdown files that may hold recipes: every workflow in them is linted and run as written. */
export const RECIPE_FILES: readonly string[] = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
  'record/README.md',
  'guard/README.md'
]

/** Every Markdown file of the documentation: the recipe files and the contributors' guide. */
export const DOCUMENTATION_FILES: readonly string[] = [...RECIPE_FILES, 'CONTRIBUTING.md']

/** A fenced YAML block of a recipe file that is a whole workflow (it has `on:` and `jobs:`). */
export interface RecipeBlock {
  file: string
  /** The block's text, without its fences. */
  yaml: string
}

/** Every whole workflow in the recipe files, in the order of the list and of each file. */
export function recipeBlocks(): RecipeBlock[] {
  return RECIPE_FILES.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map(([, yaml = '']) => ({ file, yaml }))
      .filter(({ yaml }) => /^on:/m.test(yaml) && /^jobs:/m.test(yaml))
  )
}
