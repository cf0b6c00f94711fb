#!/usr/bin/env bash
# README command 2: install what the tests need (build tools, Debian's
# Chromium, npm packages) and run every test: Rust unit and database tests,
# then Playwright against the release build, hydrated and without JavaScript,
# then a short run of the meeting simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup-tools.sh
source .ci/tools-env.sh

log() { printf '\033[1;34m[test]\033[0m %s\n' "$*"; }

if ! command -v chromium >/dev/null 2>&1; then
  log "installing Debian's chromium"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ ! -d end2end/node_modules/@playwright/test ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  log "installing the end-to-end npm packages"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

# Everything builds in release mode, and the tests resolve the same features as
# the release server (no dev-dependency changes a shared crate's features; see
# server/Cargo.toml): the Rust tests and the site share every compiled crate,
# so the app is compiled once for the server, not once per command. The app
# and server tests are one command for the same reason, and the server's
# tests are one binary (server/tests/all).
log "formatting: cargo fmt --check and leptosfmt --check (the house width is in rustfmt.toml, leptosfmt.toml)"
cargo fmt --all --check
leptosfmt --config-file leptosfmt.toml --check --quiet app/src
log "lints: clippy -D warnings on the server build, the browser build and the simulator"
cargo clippy -p app -p server --features app/ssr --all-targets -- -D warnings
cargo clippy -p app -p frontend --features app/hydrate --target wasm32-unknown-unknown --lib -- -D warnings
cargo clippy -p plenaria-load --all-targets -- -D warnings
log "Rust tests (domain, database, server)"
# One test at a time: run side by side, each on its own runtime in one
# process, a server-rendered page sometimes never answered (2–3 in 20 runs of
# the answers tests, also before the seed work; none in 20 one at a time).
# Being investigated; the request timeout in server/tests/all/common names it.
cargo test --release -p app -p server --features app/ssr -- --test-threads=1
log "building the release site"
cargo leptos build --release -P --split --project plenaria
log "browser tests (hydrated and without JavaScript)"
(cd end2end && npx playwright test --project=hydrated --project=no-js --project=weight --project=languages --project=meeting-wide --project=projector --project=lighthouse --project=second-meeting --project=second-meeting-wide)
# The meeting simulator's short correctness run: 50 clients for 20 s with a
# kill -9 and restart of the server. It fails only on lost or duplicated
# acknowledged writes, 5xx answers or a client that missed the last change —
# never on timings (docs/performance.md has those).
log "meeting simulator: correctness run with a server restart"
cargo test --release -p plenaria-load
cargo build --release -p plenaria-load
target/release/plenaria-load ci --out target/load-ci.json
log "meeting simulator: the same run on the second meeting (seeds/workshop.toml)"
target/release/plenaria-load ci --seed seeds/workshop.toml --out target/load-ci-workshop.json
