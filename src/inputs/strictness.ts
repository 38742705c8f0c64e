/** How strictly the API's answer is judged; see `verdict.ts`. */
export const STRICTNESS_LEVELS = ['strict', 'lenient', 'off'] as const
export type Strictness = (typeof STRICTNESS_LEVELS)[number]

export function isStrictness(value: string): value is Strictness {
  return (STRICTNESS_LEVELS as readonly string[]).includes(value)
}
