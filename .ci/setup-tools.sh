#!/usr/bin/env bash
# Installs the build tools this stack needs, skipping whatever is already present.
# Safe to run again: each step checks first. Versions are pinned where they must
# match the workspace (wasm-bindgen) or where newer ones are known to break here.
set -euo pipefail

TOOLS_DIR="${PLENARIA_TOOLS_DIR:-$HOME/.local/share/plenaria-tools}"
CARGO_LEPTOS_VERSION=0.3.11
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
LEPTOSFMT_VERSION=0.1.33

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding $component (the formatting and lint gates)"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (~11 min once)"
  # Its lock file pins cargo-util-schemas 0.14.2, which needs a newer rustc than
  # stable 1.95. The failing install leaves the source behind; we fix the lock there.
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked >/dev/null 2>&1 || true
  src=$(ls -d "$HOME"/.cargo/registry/src/*/cargo-leptos-"$CARGO_LEPTOS_VERSION" 2>/dev/null | head -n1)
  if [ -z "$src" ]; then
    echo "cargo-leptos source was not downloaded; is crates.io reachable?" >&2
    exit 1
  fi
  work=$(mktemp -d)
  cp -r "$src" "$work/cargo-leptos"
  (cd "$work/cargo-leptos" \
    && cargo update -p cargo-util-schemas --precise 0.14.1 \
    && cargo install --path . --locked)
  rm -rf "$work"
fi

if ! leptosfmt --version 2>/dev/null | grep -q "$LEPTOSFMT_VERSION"; then
  log "installing leptosfmt $LEPTOSFMT_VERSION (the view! formatting gate, ~1.5 min once)"
  cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked >/dev/null
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock names a webpki-roots version missing from the index.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Debian's binaryen (v108) emits wasm that fails to hydrate; npm's is current.
if [ ! -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ]; then
  log "installing binaryen@$BINARYEN_VERSION (wasm-opt) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  (cd "$TOOLS_DIR" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && npm install --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null)
fi
