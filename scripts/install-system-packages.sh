#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Workshop Desk needs to build, run and test, skipping
# those already present. Uses sudo when not run as root.
#   install-system-packages.sh          what building and running the app needs
#   install-system-packages.sh --test   plus what the end-to-end tests need
set -euo pipefail

packages=(
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev libjavascriptcoregtk-4.1-dev libsoup-3.0-dev
  libayatana-appindicator3-dev librsvg2-dev
  # Glyphs for names in Devanagari, Bengali, Thai, Lao, Khmer, Myanmar, Sinhala, Arabic, CJK.
  fonts-noto-core fonts-noto-cjk
)
if [[ "${1:-}" == "--test" ]]; then
  # python3 plays the window manager in one test (tests/e2e/tools/wm_close.py); with venv it
  # also reads the exported workbooks with openpyxl (tests/openpyxl/, see scripts/test.sh).
  packages+=(xvfb xauth webkit2gtk-driver python3 python3-venv)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "Please run as root, or install sudo: missing ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
