#!/usr/bin/env bash
# Builds Workshop Desk and opens it on the default data directory
# (~/.local/share/org.workshopdesk.app), installing missing system packages first.
# Extra arguments go to the app, e.g. `scripts/run.sh --data-dir /media/usb/workshop`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh
scripts/ensure-rust.sh
export PATH="$HOME/.cargo/bin:$PATH"
# A release build with the UI embedded and the developer tools off, as installers ship it.
cargo build --release --locked -p workshop-desk --features custom-protocol
# Without a GPU render node (virtual machines, remote desktops) WebKitGTK's DMA-BUF renderer
# falls back slowly or shows a blank window; its software renderer is then faster (BENCHMARKS.md).
if ! ls /dev/dri/renderD* >/dev/null 2>&1; then
  export WEBKIT_DISABLE_DMABUF_RENDERER="${WEBKIT_DISABLE_DMABUF_RENDERER:-1}"
fi
exec target/release/workshop-desk "$@"
