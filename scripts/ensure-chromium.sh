#!/usr/bin/env bash
# Make sure a system Chromium is available for the browser tests (playwright-core drives it; we never run
# `playwright install`). Installs the Debian package when missing; fails loudly when it cannot.
set -euo pipefail
source "$(dirname "$0")/apt-install.sh"

have_chromium() { command -v chromium >/dev/null 2>&1; }

ensure_packages "chromium" have_chromium chromium
echo "chromium: $(command -v chromium)"
