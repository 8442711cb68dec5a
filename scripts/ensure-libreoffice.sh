#!/usr/bin/env bash
# Make sure LibreOffice (Calc + Writer, headless), poppler-utils and a Times-compatible font are available for the tests that
# recalculate generated workbooks and convert the Word report to PDF/PNG. Installs the Debian packages when
# missing (apt-get update once); fails loudly when it cannot. Never skips.
set -euo pipefail

# fonts-liberation2: Liberation Serif is metric-compatible with Times New Roman (the report's font), so the
# PDF/PNG pages break lines as Word would.
PACKAGES=(libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-liberation2)

have_all() {
  command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 \
    && [ -n "$(ls /usr/lib/libreoffice/program/libswlo.so 2>/dev/null || true)" ] \
    && fc-list 2>/dev/null | grep -q "Liberation Serif"
}

if have_all; then
  echo "soffice: $(command -v soffice)"
  exit 0
fi

echo "LibreOffice/poppler missing: installing ${PACKAGES[*]} with apt-get…" >&2
# Jest runs test files in parallel workers: only one of them may run apt-get at a time; the others wait here
# and then find the packages installed.
exec 9>"${TMPDIR:-/tmp}/tong-hop-bao-cao-apt.lock"
flock 9
if have_all; then
  echo "installed meanwhile by another test worker"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "ERROR: LibreOffice is missing and this user cannot run apt-get (not root, no sudo)." >&2
    echo "       Install it yourself: apt-get install -y --no-install-recommends ${PACKAGES[*]}" >&2
    exit 1
  fi
fi

if ! $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q; then
  echo "ERROR: apt-get update failed; cannot install LibreOffice." >&2
  exit 1
fi
if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${PACKAGES[@]}"; then
  echo "ERROR: apt-get install ${PACKAGES[*]} failed." >&2
  exit 1
fi

if ! have_all; then
  echo "ERROR: LibreOffice was installed but soffice/pdftotext/pdftoppm or the Writer module is not available." >&2
  exit 1
fi
echo "soffice: $(command -v soffice)"
