#!/usr/bin/env bash
# Make sure Tesseract OCR with its Vietnamese data, poppler's pdftoppm and img2pdf are available: the CLI's
# `plan --ocr` reads scanned PDFs with them, and the OCR test makes an image-only PDF with img2pdf. Installs the
# Debian packages when missing; fails loudly when it cannot. Never skips.
set -euo pipefail
source "$(dirname "$0")/apt-install.sh"

have_all() {
  command -v tesseract >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v img2pdf >/dev/null 2>&1 \
    && tesseract --list-langs 2>/dev/null | grep -qx vie
}

ensure_packages "Tesseract OCR (Vietnamese)/poppler/img2pdf" have_all \
  tesseract-ocr tesseract-ocr-vie poppler-utils img2pdf
echo "tesseract: $(command -v tesseract)"
