import type { GitHubApi, IssueComment } from '../github/github-api.js'
import { RECORDS_MARKER, parseRecordsComment, renderRecordsComment } from './records-comment.js'
import { applyChanges, holdsChanges, mergeRecords, type BatchRecord, type RecordChange } from './records.js'

/** Tries at writing before giving up: each reads the comment back and merges again what others wrote. */
export const MAX_WRITE_TRIES = 6

export interface StoredRecords {
  records: BatchRecord[]
  /** The address of the records comment; undefined while there is none. */
  commentUrl?: string
}

export interface RecordsStoreOptions {
  /** The login whose comments are trusted: the identity the workflow's token acts as. */
  trustedLogin: string
  warn: (message: string) => void
  /** Waits between tries, so that writers running at once fall out of step. */
  sleep: (ms: number) => Promise<void>
  random: () => number
}

/**
 * The batches recorded on one pull request, kept in one comment of the trusted login's. Only that
 * login's comments are read: anyone can comment on a public pull request, and a copy of the marker
 * in a stranger's comment would otherwise choose what the repository's Nexrender token cancels.
 */
export class RecordsStore {
  /** Every read of the write loop meets the same comments: each warning is given once. */
  private readonly warned = new Set<string>()

  constructor(
    private readonly api: GitHubApi,
    readonly pullRequest: number,
    private readonly options: RecordsStoreOptions
  ) {}

  async read(): Promise<StoredRecords> {
    const ours = await this.ownComments()
    return { records: this.recordsIn(ours), commentUrl: ours[0]?.url }
  }

  /**
   * Makes the changes in the comment (creating it on the first record) and reads it back until it
   * holds them: another step may have written its own in between, and each write merges what the
   * comment held. Extra comments of ours (two first records at once) are merged into the oldest.
   */
  async write(changes: RecordChange[]): Promise<StoredRecords> {
    for (let writes = 0; ; writes++) {
      const ours = await this.ownComments()
      const current = this.recordsIn(ours)
      const [kept, ...extra] = ours
      if (kept && extra.length === 0 && holdsChanges(current, changes))
        return { records: current, commentUrl: kept.url }
      if (writes === MAX_WRITE_TRIES) {
        throw new Error(
          `the records comment of pull request #${this.pullRequest} kept changing: after ${MAX_WRITE_TRIES} tries it still did not hold this step's changes`
        )
      }
      // Another step wrote in between: fall out of step with it before writing again.
      if (writes > 0) await this.options.sleep(50 + Math.floor(this.options.random() * 200))
      const body = renderRecordsComment(applyChanges(current, changes))
      if (kept) await this.api.updateComment(kept.id, body)
      else await this.api.createComment(this.pullRequest, body)
      for (const comment of extra) await this.deleteIfThere(comment)
    }
  }

  /** The trusted login's record comments, oldest first; a warning for each look-alike by anyone else. */
  private async ownComments(): Promise<IssueComment[]> {
    const marked = (await this.api.listComments(this.pullRequest)).filter((comment) =>
      comment.body.includes(RECORDS_MARKER)
    )
    const { trustedLogin } = this.options
    for (const comment of marked) {
      if (comment.author === trustedLogin) continue
      this.warnOnce(
        `Ignored a comment by ${comment.author} on pull request #${this.pullRequest} that looks like this action's record of batches (${comment.url}): only comments by ${trustedLogin}, whom the workflow's token acts as, are trusted.`
      )
    }
    return marked.filter((comment) => comment.author === trustedLogin).sort((a, b) => a.id - b.id)
  }

  private recordsIn(comments: IssueComment[]): BatchRecord[] {
    return mergeRecords(
      ...comments.map((comment) => {
        const { records, problems } = parseRecordsComment(comment.body)
        for (const problem of problems)
          this.warnOnce(`The records comment ${comment.url}: ${problem}; that part is ignored.`)
        return records
      })
    )
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return
    this.warned.add(message)
    this.options.warn(message)
  }

  private async deleteIfThere(comment: IssueComment): Promise<void> {
    try {
      await this.api.deleteComment(comment.id)
    } catch (error) {
      // Another step merged and deleted it first.
      if ((error as { status?: number }).status !== 404) throw error
    }
  }
}
