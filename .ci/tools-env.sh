# Sourced by the scripts: puts the tools setup-tools.sh installed on PATH.
TOOLS_DIR="${PLENARIA_TOOLS_DIR:-$HOME/.local/share/plenaria-tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
