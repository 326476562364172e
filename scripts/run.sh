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
exec target/release/workshop-desk "$@"
