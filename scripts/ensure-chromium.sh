#!/usr/bin/env bash
# Make sure a system Chromium is available for the browser tests (playwright-core drives it; we never run
# `playwright install`). Installs the Debian package when missing; fails loudly when it cannot.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  echo "chromium: $(command -v chromium)"
  exit 0
fi

echo "chromium not found: installing the Debian package (apt-get install chromium)…" >&2
# Jest runs test files in parallel workers: only one of them may run apt-get at a time; the others wait here
# and then find the packages installed.
exec 9>"${TMPDIR:-/tmp}/tong-hop-bao-cao-apt.lock"
flock 9
if command -v chromium >/dev/null 2>&1; then
  echo "installed meanwhile by another test worker"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "ERROR: chromium is missing and this user cannot run apt-get (not root, no sudo)." >&2
    echo "       Install it yourself: apt-get install -y --no-install-recommends chromium" >&2
    exit 1
  fi
fi

if ! $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q; then
  echo "ERROR: apt-get update failed; cannot install chromium." >&2
  exit 1
fi
if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends chromium; then
  echo "ERROR: apt-get install chromium failed." >&2
  exit 1
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "ERROR: chromium was installed but is not on PATH." >&2
  exit 1
fi
echo "chromium: $(command -v chromium)"
