#!/usr/bin/env bash
# Makes the pinned toolchain available and the workspace installed, on a fresh machine too.
#
# Source it (`. scripts/bootstrap.sh`) to get Node >= 22.12 and pnpm on PATH, or run it.
# It needs only the npm registry: Node 22 comes from the npm package `node-linux-<arch>`
# (used only when the system Node is older than 22.12), pnpm from npm at the version pinned
# in package.json's `packageManager`. Everything lands in .toolchain/ (git-ignored).
# When everything is already there it does nothing and prints nothing.

smskit_bootstrap() {
  local root node_version node_integrity pnpm_version arch toolchain stamp wanted
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  toolchain="$root/.toolchain"
  # Keep in step with engines.node (>= 22.12) in the packages.
  node_version="22.23.3"
  pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$root/package.json")"
  if [ -z "$pnpm_version" ]; then
    echo "bootstrap: package.json has no packageManager \"pnpm@x.y.z\" field" >&2
    return 1
  fi

  if ! smskit_node_is_recent node; then
    local node_dir="$toolchain/node-v$node_version"
    smskit_fetch_node "$node_version" "$node_dir" || return 1
    export PATH="$node_dir/bin:$PATH"
    if ! smskit_node_is_recent node; then
      echo "bootstrap: $node_dir/bin/node does not run here" >&2
      return 1
    fi
  fi

  local pnpm_dir="$toolchain/pnpm-$pnpm_version"
  if ! [ -x "$pnpm_dir/bin/pnpm" ]; then
    echo "bootstrap: installing pnpm $pnpm_version from the npm registry" >&2
    npm install --global --silent --no-audit --no-fund --prefix "$pnpm_dir" "pnpm@$pnpm_version" >/dev/null 2>&1 || {
      echo "bootstrap: npm install pnpm@$pnpm_version failed" >&2
      return 1
    }
  fi
  export PATH="$pnpm_dir/bin:$PATH"
  # pnpm would otherwise ask before it replaces a node_modules made by another version.
  export CI="${CI:-true}"
  export PNPM_HOME="${PNPM_HOME:-$toolchain/pnpm-home}"
  export TURBO_TELEMETRY_DISABLED=1

  # Install only when the manifests or the lockfile changed since the last install.
  stamp="$root/node_modules/.smskit-install-stamp"
  wanted="$(cd "$root" && cat pnpm-lock.yaml pnpm-workspace.yaml $(git ls-files '*package.json' 2>/dev/null || find . -name package.json -not -path '*/node_modules/*') 2>/dev/null | cksum)"
  if ! [ -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    (cd "$root" && pnpm install --frozen-lockfile --reporter=silent) || {
      echo "bootstrap: pnpm install --frozen-lockfile failed" >&2
      return 1
    }
    printf '%s' "$wanted" >"$stamp"
  fi
}

# Puts Node <version> (its bin/node and LICENSE) in <dir> from the npm package node-linux-<arch>,
# unless it is there already.
smskit_fetch_node() {
  local version="$1" dir="$2" arch tmp
  [ -x "$dir/bin/node" ] && return 0
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "bootstrap: no Node package for $(uname -m)" >&2; return 1 ;;
  esac
  echo "bootstrap: fetching Node $version (node-linux-$arch) from the npm registry" >&2
  tmp="$(mktemp -d)"
  # npm pack checks the tarball against the registry's integrity hash.
  if ! (cd "$tmp" && npm pack --silent "node-linux-$arch@$version" >/dev/null 2>&1); then
    echo "bootstrap: npm pack node-linux-$arch@$version failed" >&2
    rm -rf "$tmp"
    return 1
  fi
  mkdir -p "$tmp/unpacked" "$(dirname "$dir")"
  tar -xzf "$tmp"/node-linux-*.tgz -C "$tmp/unpacked" package/bin/node package/LICENSE
  rm -rf "$dir"
  mv "$tmp/unpacked/package" "$dir"
  rm -rf "$tmp"
}

# True when the given node binary exists and is at least 22.12.
smskit_node_is_recent() {
  command -v "$1" >/dev/null 2>&1 || return 1
  "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  smskit_bootstrap
else
  smskit_bootstrap
fi
