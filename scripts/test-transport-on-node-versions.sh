#!/usr/bin/env bash
# @smskit/aliyun's default transport sends through the dispatcher inside Node, whose undici
# changes with Node's major version (6 in Node 22, 7 in 24, 8 in 26, each with its own handler
# API and global keys): its transport tests run on each later major that the packages support,
# pinned here and fetched from npm like Node 22. Part of `pnpm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bootstrap.sh
. scripts/bootstrap.sh
for version in 24.21.0 26.10.0; do
  dir="$PWD/.toolchain/node-v$version"
  smskit_fetch_node "$version" "$dir"
  echo "@smskit/aliyun transport tests on Node $version"
  # Only the dot reporter: the JSON report of the main run stays the one CI reads.
  PATH="$dir/bin:$PATH" node node_modules/vitest/vitest.mjs run --project aliyun \
    --reporter=dot packages/aliyun/src/transport
done
