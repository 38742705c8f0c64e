import { continuedCommentBody, firstCommentBody, MAX_COMMENT_CHARS } from './records-comment.js'
import { RecordsPartWriter } from './records-format.js'
import { isDone, type BatchRecord } from './records.js'

/** A readable comment of ours as it is now, oldest first. */
export interface ExistingPart {
  id: number
  body: string
  /** The batches its records part holds. */
  batchIds: string[]
}

/** One write of a plan; a plan's steps are in an order that never leaves a record in no comment. */
export type LayoutStep =
  { kind: 'create'; body: string } | { kind: 'update'; id: number; body: string } | { kind: 'delete'; id: number }

export interface LayoutPlan {
  steps: LayoutStep[]
  /** Done records left out because the comments had no room for them. */
  pruned: BatchRecord[]
}

/**
 * Where the records go: as few comments of ours as hold them, each under GitHub's limit, the first
 * with the table. Records keep their order (those already in a comment first, as they stand, new
 * ones after), so a record moves between comments only at a boundary. Done records are dropped,
 * oldest first, only when keeping them would take another comment; open ones never are.
 */
export function planRecordsLayout(desired: BatchRecord[], existing: ExistingPart[]): LayoutPlan {
  const byId = new Map(desired.map((record) => [record.batchId, record]))
  const inOrder = [
    ...new Set([...existing.flatMap((part) => part.batchIds).filter((id) => byId.has(id)), ...byId.keys()])
  ].map((id) => byId.get(id) as BatchRecord)
  const allowed = Math.max(1, existing.length)
  let kept = inOrder
  let parts = pack(kept)
  while (parts.length > allowed) {
    const done = kept.filter(isDone).sort((a, b) => (a.cancel?.at ?? '').localeCompare(b.cancel?.at ?? ''))
    if (done.length === 0) break
    const over = parts.slice(allowed).reduce((sum, part) => sum + part.batchIds.length, 0)
    const dropped = new Set(done.slice(0, over).map((record) => record.batchId))
    kept = kept.filter((record) => !dropped.has(record.batchId))
    parts = pack(kept)
  }
  const pruned = inOrder.filter((record) => !kept.includes(record))
  return { steps: safeOrder(parts, existing, new Set(pruned.map((record) => record.batchId))), pruned }
}

interface Part {
  body: string
  batchIds: string[]
}

/** The records, in order, in bodies of at most MAX_COMMENT_CHARS; the first one's table lists them all. */
function pack(records: BatchRecord[]): Part[] {
  // The first part also says how many records there are in all: room for that number.
  const capacities = [
    MAX_COMMENT_CHARS - firstCommentBody('', records).length - `"total":${records.length},`.length,
    MAX_COMMENT_CHARS - continuedCommentBody('').length
  ]
  const writers: RecordsPartWriter[] = [new RecordsPartWriter()]
  const ids: string[][] = [[]]
  for (const record of records) {
    let writer = writers.at(-1) as RecordsPartWriter
    const capacity = capacities[Math.min(writers.length - 1, 1)] ?? 0
    if (writer.count > 0 && writer.sizeWith(record) > capacity) {
      writers.push((writer = new RecordsPartWriter()))
      ids.push([])
    }
    writer.add(record)
    ids.at(-1)?.push(record.batchId)
  }
  return writers.map((writer, index) => ({
    body: index === 0 ? firstCommentBody(writer.json(records.length), records) : continuedCommentBody(writer.json()),
    batchIds: ids[index] ?? []
  }))
}

/**
 * The writes that turn the existing comments into the parts: parts go into the existing comments in
 * order, extra parts are created, extra comments deleted. They are ordered so that a comment losing a
 * record is written only once another comment holds it, so a step that stops half-way loses nothing.
 */
function safeOrder(parts: Part[], existing: ExistingPart[], pruned: Set<string>): LayoutStep[] {
  const holds = new Map<number | string, Set<string>>(existing.map((part) => [part.id, new Set(part.batchIds)]))
  const pending: Array<{ step: LayoutStep; key: number | string; after: Set<string> }> = []
  parts.forEach((part, index) => {
    const old = existing[index]
    if (!old)
      pending.push({ step: { kind: 'create', body: part.body }, key: `new ${index}`, after: new Set(part.batchIds) })
    else if (old.body !== part.body)
      pending.push({
        step: { kind: 'update', id: old.id, body: part.body },
        key: old.id,
        after: new Set(part.batchIds)
      })
  })
  for (const old of existing.slice(parts.length))
    pending.push({ step: { kind: 'delete', id: old.id }, key: old.id, after: new Set() })

  const steps: LayoutStep[] = []
  while (pending.length > 0) {
    const index = pending.findIndex(({ key, after }) =>
      [...(holds.get(key) ?? [])].every(
        (id) => after.has(id) || pruned.has(id) || [...holds].some(([other, ids]) => other !== key && ids.has(id))
      )
    )
    // Records move only one way at a boundary, so some write is always safe; this is a last guard.
    if (index === -1) throw new Error('the records could not be rearranged without risking one; nothing was written')
    const [next] = pending.splice(index, 1)
    if (!next) break
    steps.push(next.step)
    holds.set(next.key, next.after)
  }
  return steps
}
