import { emptyState, type Job, type JobStatus, type SimulatorState } from './model.js'
import { ulidFactory } from './ulid.js'

/** A job as a test or the seed describes it; children are nested and are not top-level jobs. */
export interface JobSpec {
  status: JobStatus
  templateId?: string
  children?: JobSpec[]
}

/** Builds simulator state with deterministic ids, so seeded data and test fixtures are stable. */
export class StateBuilder {
  readonly state: SimulatorState = emptyState()
  private readonly nextId: () => string

  constructor(seed = 1) {
    this.nextId = ulidFactory(seed)
  }

  /** Adds a batch of top-level jobs and returns its id. */
  batch(jobs: JobSpec[], options: { missingJobs?: number; team?: string } = {}): string {
    const id = this.nextId()
    const jobIds = jobs.map((spec) => this.job(spec).id)
    for (let i = 0; i < (options.missingJobs ?? 0); i++) jobIds.push(this.nextId())
    this.state.batches.set(id, { id, jobIds, ...(options.team ? { team: options.team } : {}) })
    return id
  }

  private job(spec: JobSpec, parentId?: string): Job {
    const id = this.nextId()
    const finished = spec.status === 'finished'
    const job: Job = {
      id,
      templateId: spec.templateId ?? 'tpl-lower-third',
      status: spec.status,
      progress: finished ? 100 : spec.status === 'render:dorender' ? 40 : 0,
      stats: {
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
        startedAt: spec.status === 'queued' || spec.status === 'pending' ? null : '2026-01-01T00:01:00Z',
        finishedAt: finished ? '2026-01-01T00:03:00Z' : null,
        errorAt: spec.status === 'error' ? '2026-01-01T00:02:00Z' : null,
        totalAssets: 3,
        renderDuration: finished ? 120 : null,
        error: spec.status === 'error' ? 'missing font: Inter' : null
      },
      outputUrl: finished ? `https://cdn.example.com/renders/${id}.mp4` : null,
      childIds: [],
      ...(parentId ? { parentId } : {})
    }
    this.state.jobs.set(id, job)
    job.childIds = (spec.children ?? []).map((child) => this.job(child, id).id)
    return job
  }
}

/** Shorthand for `count` jobs of one status. */
export function jobsOf(count: number, status: JobStatus, extra: Partial<JobSpec> = {}): JobSpec[] {
  return Array.from({ length: count }, () => ({ status, ...extra }))
}
