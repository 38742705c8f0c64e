/** A GitHub call that GitHub answered with an error status (after the retries the policy allows). */
export class GitHubError extends Error {
  constructor(
    readonly status: number,
    /** GitHub's own message, without its link to the docs. */
    readonly githubMessage: string,
    /** The answer's headers, lower-cased: the rate-limit ones tell when a limit resets. */
    readonly headers: Record<string, string>,
    readonly attempts: number
  ) {
    super(`HTTP ${status}: ${githubMessage}`)
    this.name = 'GitHubError'
  }
}

/** One of GraphQL's errors, as GitHub gives it: `NOT_FOUND` with the `path` of the field it could not resolve. */
export interface GraphQLErrorItem {
  message?: unknown
  type?: unknown
  path?: unknown
}

/**
 * A GraphQL query GitHub answered with errors, and with whatever `data` it could give beside them: a
 * caller that can use part of an answer reads it here.
 */
export class GraphQLErrors extends GitHubError {
  constructor(
    readonly errors: GraphQLErrorItem[],
    readonly data: Record<string, unknown> | undefined,
    headers: Record<string, string>,
    attempts = 1
  ) {
    super(
      200,
      errors.map((error) => (typeof error.message === 'string' ? error.message : 'error')).join('; '),
      headers,
      attempts
    )
    this.name = 'GraphQLErrors'
  }
}

/** A GitHub call that got no answer: refused, DNS, TLS, timeouts, dropped connections. */
export class GitHubUnreachable extends Error {
  /**
   * `nothingReached`: no attempt reached a server (refused, DNS): the address is the likelier cause
   * than GitHub, unlike a call that ran out of time or a run that was cancelled.
   */
  constructor(
    reason: string,
    readonly nothingReached = false
  ) {
    super(reason)
    this.name = 'GitHubUnreachable'
  }
}

/** A GitHub call whose answer cannot be used: a redirect, a body that is not what the call expects, another host. */
export class GitHubAnswerUnusable extends Error {
  constructor(problem: string) {
    super(problem)
    this.name = 'GitHubAnswerUnusable'
  }
}

/**
 * A write that was not sent because it might have been applied after the writer's lease ran out; the
 * writer takes a new lease and starts again.
 */
export class WriteWindowClosed extends Error {
  constructor(
    /** When (by `now()`) an earlier attempt of it ended that GitHub may have applied, if one did. */
    readonly unsureEndedAt?: number
  ) {
    super('the lease on the records comment would run out before this write could be applied; it was not sent')
    this.name = 'WriteWindowClosed'
  }
}

/**
 * A write that must not be applied twice (a comment's creation) whose attempt failed in a way GitHub may
 * have applied it anyway (5xx, timeout): it is not sent again before the caller has looked for it.
 */
export class WriteMayHaveLanded extends Error {
  constructor(
    readonly reason: string,
    /** When (by `now()`) the attempt ended: GitHub applies it within APPLY_MARGIN_MS of that, or never. */
    readonly endedAt: number
  ) {
    super(`GitHub may have applied this write although it answered ${reason}; it is not sent again before looking`)
    this.name = 'WriteMayHaveLanded'
  }
}
