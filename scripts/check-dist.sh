#!/usr/bin/env bash
# Rebuilds dist/ from the sources and fails if it differs from the committed one: dist/ is what runs
# when a workflow uses this action. CI, the check-dist workflow and the release script all call this.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

npm run -s bundle >/dev/null
if [[ -n $(git status --porcelain -- dist) ]]; then
  message="dist/ is stale: run 'npm run bundle' and commit the result."
  if [[ ${GITHUB_ACTIONS:-} == true ]]; then echo "::error::$message"; else echo "$message" >&2; fi
  git status --short -- dist >&2
  exit 1
fi
echo "dist/ is up to date."
