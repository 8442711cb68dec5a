#!/usr/bin/env bash
# Make sure LibreOffice (Calc + Writer, headless), poppler-utils and a Times-compatible font are available for
# the tests that recalculate generated workbooks and convert the Word report to PDF/PNG. Installs the Debian
# packages when missing; fails loudly when it cannot. Never skips.
set -euo pipefail
source "$(dirname "$0")/apt-install.sh"

have_all() {
  command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 \
    && [ -n "$(ls /usr/lib/libreoffice/program/libswlo.so 2>/dev/null || true)" ] \
    && fc-list 2>/dev/null | grep -q "Liberation Serif"
}

# fonts-liberation2: Liberation Serif is metric-compatible with Times New Roman (the report's font), so the
# PDF/PNG pages break lines as Word would.
ensure_packages "LibreOffice/poppler" have_all \
  libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-liberation2
echo "soffice: $(command -v soffice)"
