/**
 * The simulator's model of Nexrender Cloud: jobs, batches of top-level jobs, and the cancel
 * semantics the API documents. Plain data and functions, so tests can check the model itself.
 */
export const JOB_STATUSES = ['queued', 'pending', 'render:dorender', 'finished', 'error', 'manually_cancelled'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export interface Job {
  id: string
  templateId: string
  status: JobStatus
  progress: number
  stats: Record<string, string | number | null>
  outputUrl: string | null
  parentId?: string
  childIds: string[]
}

export interface Batch {
  id: string
  /** The team that owns the batch; a token of another team gets 403 or 404 (see the server). Absent: the simulator's own team. */
  team?: string
  /** Top-level job ids in index order; an id without a job plays a job that has gone missing. */
  jobIds: string[]
}

export interface SimulatorState {
  jobs: Map<string, Job>
  batches: Map<string, Batch>
}

export function emptyState(): SimulatorState {
  return { jobs: new Map(), batches: new Map() }
}

const CANCELLABLE: readonly JobStatus[] = ['queued', 'pending']

/** Why a top-level job in each non-cancellable status is skipped. */
const SKIP_REASONS: Record<JobStatus, string> = {
  queued: '',
  pending: '',
  'render:dorender': 'already rendering',
  finished: 'already finished',
  error: 'failed',
  manually_cancelled: 'already cancelled'
}

export function jobView(job: Job) {
  const { id, templateId, status, progress, stats, outputUrl } = job
  return { id, templateId, status, progress, stats, outputUrl }
}

/**
 * `POST /batches/{id}/cancel`: best effort over every top-level job, in order. Cancelling a job also
 * cancels its waiting children, and a child takes its parent and waiting siblings with it; each job
 * cancelled that way spreads the same way. A top-level job already taken by an earlier cascade of
 * this same request counts as cancelled by it.
 */
export function cancelBatch(state: SimulatorState, batch: Batch) {
  const cancelledNow = new Map<string, Job>()
  const jobs = batch.jobIds.map((id, index) => {
    const job = state.jobs.get(id)
    if (!job) return { index, id, result: 'skipped', status: 'missing', reason: 'job not found' }
    if (cancelledNow.has(id)) return { index, id, result: 'cancelled', status: job.status }
    if (!CANCELLABLE.includes(job.status)) {
      return { index, id, result: 'skipped', status: job.status, reason: SKIP_REASONS[job.status] }
    }
    cancelWithRelatives(state, job, cancelledNow)
    return { index, id, result: 'cancelled', status: job.status }
  })
  const cancelledCount = jobs.filter((job) => job.result === 'cancelled').length
  const totalJobs = jobs.length
  return {
    batchId: batch.id,
    status: cancelledCount === 0 ? 'unchanged' : cancelledCount === totalJobs ? 'cancelled' : 'partial',
    totalJobs,
    cancelledCount,
    skippedCount: totalJobs - cancelledCount,
    jobs,
    cancelledJobs: [...cancelledNow.values()].map(jobView)
  }
}

function cancelWithRelatives(state: SimulatorState, first: Job, cancelledNow: Map<string, Job>): void {
  const queue = [first]
  for (let job = queue.shift(); job; job = queue.shift()) {
    if (cancelledNow.has(job.id) || !CANCELLABLE.includes(job.status)) continue
    job.status = 'manually_cancelled'
    job.stats = { ...job.stats, updatedAt: new Date().toISOString() }
    cancelledNow.set(job.id, job)
    queue.push(...relativesOf(state, job))
  }
}

function relativesOf(state: SimulatorState, job: Job): Job[] {
  const parent = job.parentId ? state.jobs.get(job.parentId) : undefined
  const ids = [...job.childIds, ...(parent ? [parent.id, ...parent.childIds] : [])]
  return ids.flatMap((id) => state.jobs.get(id) ?? [])
}

/** `GET /batches/{id}`: progress of the top-level jobs. */
export function batchView(state: SimulatorState, batch: Batch) {
  const jobs = batch.jobIds.flatMap((id, index) => {
    const job = state.jobs.get(id)
    return job ? [{ index, id, status: job.status, outputUrl: job.outputUrl, stats: job.stats }] : []
  })
  const count = (...statuses: JobStatus[]) => jobs.filter((job) => statuses.includes(job.status)).length
  const active = count('queued', 'pending', 'render:dorender')
  const errors = count('error')
  return {
    batchId: batch.id,
    status: active > 0 ? 'processing' : errors > 0 && errors === jobs.length ? 'error' : 'finished',
    stats: { total: jobs.length, finished: count('finished'), error: errors, pending: active },
    jobs
  }
}
