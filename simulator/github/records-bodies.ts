import { planRecordsLayout } from '../../src/records/records-layout.js'
import type { BatchRecord } from '../../src/records/records.js'

/**
 * The bodies the action's first write of these records makes, as a pull request with no comment of
 * ours would get them: how tests, the bench and the demo set a scene of records already kept.
 */
export function commentBodies(records: BatchRecord[]): string[] {
  return planRecordsLayout(records, []).steps.flatMap((step) => (step.kind === 'create' ? [step.body] : []))
}
