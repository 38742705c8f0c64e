#!/usr/bin/env bash
# npm run release -- X.Y.Z [--push]
# Checks that the release is ready (clean tree, versions, changelog, fresh dist/), then tags vX.Y.Z
# and moves the major tag vX to it. With --push, pushes both tags; otherwise prints the commands.
set -euo pipefail

die() {
  echo "release: $*" >&2
  exit 1
}

version=${1:-}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "give the version as X.Y.Z, e.g. npm run release -- 1.2.3"
push=${2:-}
[[ -z $push || $push == --push ]] || die "unknown option '$push'; the only option is --push"
tag="v$version"
major="v${version%%.*}"
cd "$(git rev-parse --show-toplevel)"

[[ -z $(git status --porcelain) ]] || die "the working tree has changes; commit or stash them first"
package_version=$(node -p "require('./package.json').version")
[[ $package_version == "$version" ]] || die "package.json says $package_version; set it and src/http/user-agent.ts to $version first"
grep -q "ACTION_VERSION = '$version'" src/http/user-agent.ts || die "src/http/user-agent.ts does not say $version"
grep -q "^## \[$version\]" CHANGELOG.md || die "CHANGELOG.md has no '## [$version]' section"
! git rev-parse -q --verify "refs/tags/$tag" >/dev/null || die "tag $tag exists already"

bash scripts/check-dist.sh >/dev/null || die "dist/ is stale: commit what 'npm run bundle' built, then release"

git tag -a "$tag" -m "$tag"
git tag -f -a "$major" -m "$major, now at $tag" "$tag" >/dev/null
echo "Tagged $tag and moved $major to it."
if [[ $push == --push ]]; then
  git push origin "$tag"
  git push --force origin "$major"
else
  echo "Publish with: git push origin $tag && git push --force origin $major"
fi
