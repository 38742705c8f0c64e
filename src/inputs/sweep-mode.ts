/** What a sweep cancels; see docs/sweep.md. */
export const SWEEP_MODES = ['closed', 'superseded'] as const
export type SweepMode = (typeof SWEEP_MODES)[number]

export function isSweepMode(value: string): value is SweepMode {
  return (SWEEP_MODES as readonly string[]).includes(value)
}
