import { describe, expect, it } from '@jest/globals'
import type { IssueComment } from '../../src/github/github-api.js'
import { isOurComment } from '../../src/records/our-comment.js'
import { commentBodies } from '../../simulator/github/records-bodies.js'

const BOT = 'github-actions[bot]'
const body =
  commentBodies([
    { batchId: '01KDVDNA01E9NK47NS912KC35A', commit: '1'.repeat(40), recordedAt: '2026-12-01T09:00:00Z' }
  ])[0] ?? ''
const comment = (author: string, text: string): IssueComment => ({
  id: 1,
  author,
  body: text,
  url: 'u',
  updatedAt: '',
  issue: 7
})

describe('isOurComment: written by whom the token acts as, and in our format from its first line', () => {
  it.each([
    ['ours', BOT, body, true],
    ['the same body by anyone else', 'mallory', body, false],
    ['an app of another name', 'my-renders-app[bot]', body, false],
    ['ours, quoted by the same identity', BOT, body.replace(/^/gm, '> '), false],
    ['ours, in a code block of the same identity', BOT, `\`\`\`\n${body}\n\`\`\``, false],
    ['ours, below other text of the same identity', BOT, `Welcome!\n\n${body}`, false],
    ['the heading with its hidden part edited away', BOT, body.replace(/<!--[\s\S]*?-->\n/, ''), false]
  ])('%s: %s', (_what, author, text, expected) => {
    expect(isOurComment(comment(author, text), BOT)).toBe(expected)
  })
})
