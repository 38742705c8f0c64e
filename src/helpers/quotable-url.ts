/**
 * A URL as the action quotes it, in a message or the summary: without its user info, query and
 * fragment, which may carry credentials (`https://user:pw@host/api/v2?key=…` is quoted
 * `https://host/api/v2`). Only what is shown changes; requests go to the URL as given.
 */
export function quotableUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined
  if (url === undefined || url.host === '') {
    // Not a URL with a host (`user:pw@host` reads as the scheme `user:`), so where its parts end is a
    // guess: drop whatever follows a `?` or `#`, and whatever precedes an `@` after the scheme.
    return value.replace(/[?#][\s\S]*$/, '').replace(/^([a-z][a-z\d+.-]*:\/\/)?[\s\S]*@/i, '$1')
  }
  url.username = ''
  url.password = ''
  url.search = ''
  url.hash = ''
  return url.href
}
