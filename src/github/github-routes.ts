import type { paths } from '@octokit/openapi-types'
import type { HttpRequest } from '../http/transport.js'

/*
 * GitHub's REST routes as its OpenAPI description publishes them (`@octokit/openapi-types`, types
 * only: nothing of it is in the bundle). A call names its route as GitHub's method and path template,
 * so a route, a parameter or a body GitHub does not have fails to compile, and so does reading a
 * field its reply does not have.
 */

type Method = HttpRequest['method']
type Operations<P extends keyof paths> = Lowercase<Method> & keyof paths[P]

/** Every REST route the client can send, as `METHOD /path/{template}`, e.g. `GET /repos/{owner}/{repo}/pulls/{pull_number}`. */
export type RestRoute = {
  [P in keyof paths]: { [M in Operations<P>]: `${Uppercase<M>} ${P}` }[Operations<P>]
}[keyof paths]

type OperationOf<R extends RestRoute> = R extends `${infer M extends Method} ${infer P extends keyof paths}`
  ? paths[P][Lowercase<M> & keyof paths[P]]
  : never

type ParametersOf<O> = O extends { parameters: infer Parameters }
  ? (Parameters extends { path: infer Path } ? Path : unknown) &
      (Parameters extends { query?: infer Query } ? NonNullable<Query> : unknown)
  : unknown

/** The route's path parameters (filled into its template) and query parameters (the rest), in one object. */
export type RouteParameters<R extends RestRoute> = ParametersOf<OperationOf<R>> & {}

/** The route's JSON request body; `never` for a route that takes none. */
export type RouteBody<R extends RestRoute> =
  OperationOf<R> extends { requestBody?: infer Body }
    ? NonNullable<Body> extends { content: { 'application/json': infer Json } }
      ? Json
      : never
    : never

type Success = 200 | 201 | 202 | 204

type JsonOf<Response> = Response extends { content: infer Content }
  ? [Content] extends [never]
    ? undefined
    : Content extends { 'application/json': infer Json }
      ? Json
      : undefined
  : undefined

/** The JSON of the route's successful replies (one type per 2xx status it documents, `undefined` for none). */
export type RouteReply<R extends RestRoute> =
  OperationOf<R> extends { responses: infer Responses }
    ? { [S in Success & keyof Responses]: JsonOf<Responses[S]> }[Success & keyof Responses]
    : never

/** A route that answers with a list, page by page. */
export type ListRoute = {
  [R in RestRoute]: R extends `GET ${string}` ? (RouteReply<R> extends readonly unknown[] ? R : never) : never
}[RestRoute]

/** One item of a listing route's reply. */
export type ListItem<R extends ListRoute> = RouteReply<R> extends readonly (infer Item)[] ? Item : never

/**
 * The method and the path (relative to the API's base URL) of a call: each `{name}` of the template
 * filled with its parameter, encoded; every other parameter given goes into the query string.
 */
export function routeRequest(route: RestRoute, parameters: object): { method: Method; path: string } {
  const values = parameters as Record<string, unknown>
  const [method, template] = route.split(' ') as [Method, string]
  const filled = new Set<string>()
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    filled.add(name)
    return encodeURIComponent(textOf(name, values[name], route))
  })
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(values)) {
    if (!filled.has(name) && value !== undefined) query.append(name, textOf(name, value, route))
  }
  const search = query.toString()
  return { method, path: search === '' ? path : `${path}?${search}` }
}

function textOf(name: string, value: unknown, route: string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw new TypeError(`${route}: parameter ${name} must be a string, number or boolean, not ${typeof value}`)
}
