import { describe, expect, it } from '@jest/globals'
import { parseRecordInputs, type RecordDefaults } from '../../src/inputs/record-inputs.js'

const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV'
const HEAD = 'a'.repeat(40)
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''
const onPullRequest: RecordDefaults = {
  eventName: 'pull_request',
  pullRequestNumber: 7,
  pullRequestHead: HEAD
}

describe('parseRecordInputs', () => {
  it("defaults to the event's pull request and its head, not the merge commit", () => {
    expect(parseRecordInputs(reader({ 'batch-id': ID }), 'ghs_x', onPullRequest, {})).toEqual({
      batchIds: [ID],
      pullRequest: 7,
      github: { token: 'ghs_x', apiUrl: 'https://api.github.com' },
      commit: HEAD
    })
  })

  it('takes what is given; without a commit for another pull request, leaves it to the live head', () => {
    const given = parseRecordInputs(reader({ 'batch-id': ID, 'pull-request': '9' }), 'ghs_x', onPullRequest, {})
    expect(given).toMatchObject({ pullRequest: 9 })
    expect(given.commit).toBeUndefined()
    const byHand = parseRecordInputs(
      reader({ 'batch-id': ID, 'pull-request': '9' }),
      'ghs_x',
      { eventName: 'workflow_dispatch' },
      {}
    )
    expect(byHand.commit).toBeUndefined()
    const commit = parseRecordInputs(reader({ 'batch-id': ID, commit: 'C'.repeat(40) }), 'ghs_x', onPullRequest, {})
    expect(commit.commit).toBe('c'.repeat(40))
  })

  it.each([
    [{}, onPullRequest, "Input 'batch-id' is required"],
    [
      { 'batch-id': ID },
      { eventName: 'push' },
      "Input 'pull-request' is required here: the push event is not about a pull request; give the number of the pull request the render was made for"
    ],
    [
      { 'batch-id': ID, commit: 'main' },
      onPullRequest,
      "Input 'commit' must be a full commit id of 40 hex digits; got 'main'"
    ]
  ])('refuses %j', (values, context, message) => {
    expect(() => parseRecordInputs(reader(values), 'ghs_x', context, {})).toThrow(message)
  })

  it('needs the GitHub token', () => {
    expect(() => parseRecordInputs(reader({ 'batch-id': ID }), '', onPullRequest, {})).toThrow(
      "Input 'github-token' is required"
    )
  })
})
