import type { HttpRequest, Transport } from './transport.js'

/** A transport that counts the requests sent through it (retries included), for a report of what a run cost. */
export class RequestCounter {
  count = 0

  constructor(private readonly inner: Transport) {}

  readonly transport: Transport = (request: HttpRequest) => {
    this.count++
    return this.inner(request)
  }
}
