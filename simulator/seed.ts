import { StateBuilder, jobsOf } from './builder.js'
import type { SimulatorState } from './model.js'

export interface SeededBatches {
  /** Every top-level job is waiting: the cancel is complete, with cascades to children and siblings. */
  complete: string
  /** Some jobs are rendering or done: the cancel is partial. */
  partial: string
  /** Nothing is left to cancel: the cancel leaves the batch unchanged. */
  unchanged: string
  /** A pull request's preview render for its first push: every job waits. */
  firstPreview: string
  /** The preview render for its second push: one job is rendering already. */
  secondPreview: string
  /** The preview render of another pull request, whose on-close cleanup never ran: the sweep finds it. */
  leftover: string
  /** A CI job's render, guarded: the job fails, and the guard's post step cancels it. */
  guarded: string
}

/** The demo's data: the same ids on every start, one batch for each outcome. */
export function seedState(): { state: SimulatorState; batches: SeededBatches } {
  const builder = new StateBuilder(2026)
  const batches = {
    complete: builder.batch([
      { status: 'pending', templateId: 'tpl-intro', children: jobsOf(2, 'queued', { templateId: 'tpl-intro-scene' }) },
      { status: 'queued', templateId: 'tpl-lower-third' },
      { status: 'queued', templateId: 'tpl-outro' }
    ]),
    partial: builder.batch([
      { status: 'queued', templateId: 'tpl-promo-en' },
      { status: 'queued', templateId: 'tpl-promo-de' },
      { status: 'render:dorender', templateId: 'tpl-promo-fr' },
      { status: 'finished', templateId: 'tpl-promo-es' },
      {
        status: 'pending',
        templateId: 'tpl-promo-bundle',
        children: [
          { status: 'queued', templateId: 'tpl-promo-cut' },
          { status: 'render:dorender', templateId: 'tpl-promo-cut' }
        ]
      }
    ]),
    unchanged: builder.batch([
      ...jobsOf(2, 'finished', { templateId: 'tpl-recap' }),
      { status: 'error', templateId: 'tpl-recap' },
      { status: 'manually_cancelled', templateId: 'tpl-recap' }
    ]),
    firstPreview: builder.batch(jobsOf(3, 'queued', { templateId: 'tpl-preview' })),
    secondPreview: builder.batch([
      { status: 'render:dorender', templateId: 'tpl-preview' },
      ...jobsOf(2, 'queued', { templateId: 'tpl-preview' })
    ]),
    leftover: builder.batch(jobsOf(2, 'queued', { templateId: 'tpl-preview' })),
    // Added last, so that the ids above stay as CONTRIBUTING.md quotes them.
    guarded: builder.batch(jobsOf(4, 'queued', { templateId: 'tpl-ci-check' }))
  }
  return { state: builder.state, batches }
}
