// The yardstick for the record step: the calls it must make, and no more, with node:http and JSON.
// Whom the token acts as (GraphQL), the comments, the lease (a reaction), the comments again under
// it, the write, the lease's release, and the pull request's state; then the two outputs. No checks,
// no retries, no format beyond a JSON body, no summary.
import { appendFileSync } from 'node:fs'
import { request } from 'node:http'
import 'node:https'

const env = process.env
const api = env['INPUT_GITHUB-API-URL'] || env.GITHUB_API_URL
const repo = `/repos/${env.GITHUB_REPOSITORY}`
const number = env['INPUT_PULL-REQUEST']
const headers = { authorization: `Bearer ${env['INPUT_GITHUB-TOKEN']}`, accept: 'application/vnd.github+json' }

function call(method, path, body) {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body)
    const sent = request(
      `${api}${path}`,
      { method, headers: { ...headers, 'content-type': 'application/json' } },
      (response) => {
        let data = ''
        response.on('data', (chunk) => (data += chunk))
        response.on('end', () => resolve(data ? JSON.parse(data) : undefined))
      }
    )
    sent.on('error', reject)
    sent.end(text)
  })
}

const { data } = await call('POST', '/graphql', { query: 'query { viewer { login } }' })
const ours = (comments) =>
  comments.filter((comment) => comment.user.login === data.viewer.login && comment.body.startsWith('###'))
const [first] = ours(await call('GET', `${repo}/issues/${number}/comments?per_page=100`))
const target = first ? `${repo}/issues/comments/${first.id}/reactions` : `${repo}/issues/${number}/reactions`
const lease = await call('POST', target, { content: 'eyes' })
const [current] = ours(await call('GET', `${repo}/issues/${number}/comments?per_page=100`))
const body = `### records\n<!-- ${JSON.stringify([env['INPUT_BATCH-ID']])} -->`
const written = current
  ? await call('PATCH', `${repo}/issues/comments/${current.id}`, { body })
  : await call('POST', `${repo}/issues/${number}/comments`, { body })
await call('DELETE', `${target}/${lease.id}`)
await call('GET', `${repo}/pulls/${number}`)
appendFileSync(env.GITHUB_OUTPUT, `comment-url=${written.html_url}\nrecorded-batch-ids=["${env['INPUT_BATCH-ID']}"]\n`)
