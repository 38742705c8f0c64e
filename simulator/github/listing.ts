import type { Answer } from './answers.js'
import type { FakeGitHubFaults } from './model.js'

const DEFAULT_PAGE = 30
const MAX_PAGE = 100

/** One page of a listing, with GitHub's `Link` header (`next` and `last`) while more pages follow. */
export function listPage<T>(
  all: T[],
  url: URL,
  apiUrl: string,
  faults: FakeGitHubFaults,
  toJson: (item: T) => unknown
): Answer {
  const perPage = Math.min(Number(url.searchParams.get('per_page') ?? DEFAULT_PAGE) || DEFAULT_PAGE, MAX_PAGE)
  const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1)
  const last = Math.max(Math.ceil(all.length / perPage), 1)
  const link = (number: number, rel: string) => {
    const target = new URL(`${apiUrl}${url.pathname}${url.search}`)
    target.searchParams.set('per_page', String(perPage))
    target.searchParams.set('page', String(number))
    return `<${target.href}>; rel="${rel}"`
  }
  if (faults.endlessListing) {
    const next =
      faults.endlessListing === 'same page' ? `${apiUrl}${url.pathname}${url.search}` : link(page + 1, 'next')
    return {
      status: 200,
      body: all.slice(0, perPage).map(toJson),
      headers: { link: faults.endlessListing === 'same page' ? `<${next}>; rel="next"` : next }
    }
  }
  const links = faults.nextPageAt
    ? [`<${faults.nextPageAt}>; rel="next"`]
    : page < last
      ? [link(page + 1, 'next'), link(last, 'last')]
      : []
  return {
    status: 200,
    body: all.slice((page - 1) * perPage, page * perPage).map(toJson),
    headers: links.length > 0 ? { link: links.join(', ') } : {}
  }
}
