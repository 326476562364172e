#!/usr/bin/env bash
# Makes sure cargo is available; the toolchain version itself is pinned by rust-toolchain.toml.
set -euo pipefail
if command -v cargo >/dev/null; then
  exit 0
fi
if [[ -x "$HOME/.cargo/bin/cargo" ]]; then
  exit 0
fi
echo "Installing the Rust toolchain with rustup (needs an internet connection once)."
command -v curl >/dev/null || { echo "Please install curl first (apt-get install curl)." >&2; exit 1; }
curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
