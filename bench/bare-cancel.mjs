// The yardstick for start-up overhead: the least a cancel step can do. It sends the same POST with
// node:http and writes the same two outputs, with no checks, retries, summary or libraries. It loads
// node:https as any client of the real (https) API must, though the bench's server is on loopback.
import { appendFileSync } from 'node:fs'
import { request } from 'node:http'
import 'node:https'

const env = process.env
const url = `${env['INPUT_API-URL']}/batches/${env['INPUT_BATCH-ID']}/cancel`
const headers = { authorization: `Bearer ${env.INPUT_TOKEN}`, accept: 'application/json' }
request(url, { method: 'POST', headers }, (response) => {
  let body = ''
  response.on('data', (chunk) => (body += chunk))
  response.on('end', () => {
    const reply = JSON.parse(body)
    appendFileSync(env.GITHUB_OUTPUT, `status=${reply.status}\ncancelled-count=${reply.cancelledCount}\n`)
  })
}).end()
