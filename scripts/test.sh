#!/usr/bin/env bash
# Runs every test of Workshop Desk: formatting, lints, the core's unit and scenario tests, and
# the end-to-end tests that drive the real window under Xvfb. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh --test
scripts/ensure-rust.sh
export PATH="$HOME/.cargo/bin:$PATH"

# The end-to-end tests talk to the app through tauri-driver (the 2.x line).
if ! command -v tauri-driver >/dev/null; then
  cargo install tauri-driver --locked --version '^2'
fi

# openpyxl (PyPI) reads the exported workbooks as another program would
# (tests/openpyxl/check_export.py): the python3 on the PATH if it has it, else a venv in target/.
if ! python3 -c 'import openpyxl' 2>/dev/null; then
  if [[ ! -x target/openpyxl-venv/bin/python ]]; then
    python3 -m venv target/openpyxl-venv
    target/openpyxl-venv/bin/pip install --quiet --disable-pip-version-check 'openpyxl>=3.1,<4'
  fi
  export PYTHON="$PWD/target/openpyxl-venv/bin/python"
fi

step() { printf '\n== %s\n' "$*"; }

step "Formatting"
cargo fmt --all --check

step "Lints"
cargo clippy --locked --workspace --all-targets -- -D warnings

step "Core: unit tests and scenarios"
cargo test --locked -p workshop-core

step "Desktop app: configuration checks and end-to-end tests in a real window (Xvfb)"
# One window at a time: each test starts its own app on its own data directory.
xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test --locked -p workshop-desk -- --test-threads=1
