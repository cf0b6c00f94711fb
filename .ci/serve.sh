#!/usr/bin/env bash
# README command 1: install missing build tools, build in release mode and
# serve at http://127.0.0.1:3000 on an SQLite database under ./data, created
# and seeded from seeds/meeting.toml on first start. Extra arguments go to the
# server (see `target/release/server --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup-tools.sh
source .ci/tools-env.sh
cargo leptos build --release -P --split --project plenaria
exec target/release/server "$@"
