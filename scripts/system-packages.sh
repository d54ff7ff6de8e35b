#!/usr/bin/env bash
# Installs Debian packages the tests need (Redis, Chromium) when their commands are missing.
# Usage: scripts/system-packages.sh <command>=<debian-package> ...
set -euo pipefail

missing=()
for pair in "$@"; do
  command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "system-packages: need ${missing[*]} but cannot install them without root; install them with apt-get" >&2
  exit 1
fi
echo "system-packages: installing ${missing[*]} with apt-get" >&2
"${sudo[@]}" apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
