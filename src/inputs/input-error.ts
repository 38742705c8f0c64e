/** A problem with one of the action's inputs, found before any request is sent. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    problem: string
  ) {
    super(`Input '${input}' ${problem}`)
    this.name = 'InputError'
  }
}
