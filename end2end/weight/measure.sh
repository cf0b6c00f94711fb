#!/usr/bin/env bash
# Page weight of a participant's phone (join + answer) next to the minimal
# Leptos page built with the same wasm profile, and the wasm a phone would get
# if the app used Leptos islands (end2end/weight/islands: frame only, and frame
# + join + answer screens). Writes target/page-weight.json and
# target/page-weight-minimal.json and prints the comparison; figures go
# to docs/performance.md. Run after the README's test command (it builds the
# release site and installs the browser tools).
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/tools-env.sh

# The measurement crates are a workspace of their own (end2end/weight/Cargo.toml).
weight=end2end/weight
(cd $weight && cargo leptos build --release -P --project minimal)
# The islands estimate: only its wasm and JS are measured (it is never served).
islands_bytes() {
  node -e '
    const z = require("zlib"), fs = require("fs");
    let raw = 0, gz = 0, br = 0;
    for (const f of process.argv.slice(1)) {
      const b = fs.readFileSync(f);
      raw += b.length;
      gz += z.gzipSync(b, { level: 9 }).length;
      br += z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    console.log(JSON.stringify({ raw, gzip: gz, brotli: br }));
  ' $weight/target/islands-site/pkg/islands.wasm $weight/target/islands-site/pkg/islands.js
}
(cd $weight && cargo leptos build --release -P --frontend-only --project islands)
islands_bytes > target/page-weight-islands-frame.json
(cd $weight && cargo leptos build --release -P --frontend-only --project islands --lib-features hydrate,screens)
islands_bytes > target/page-weight-islands-screens.json
LEPTOS_SITE_ROOT=$weight/target/minimal-site LEPTOS_SITE_PKG_DIR=pkg LEPTOS_SITE_ADDR=127.0.0.1:3110 \
  LEPTOS_OUTPUT_NAME=minimal $weight/target/release/minimal-page &
minimal=$!
trap 'kill $minimal 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs -o /dev/null http://127.0.0.1:3110/ && break; sleep 0.1; done

(cd end2end && MINIMAL_URL=http://127.0.0.1:3110 npx playwright test --project=weight --project=weight-baseline)

python3 - <<'PY'
import json
app = json.load(open("target/page-weight.json"))
base = json.load(open("target/page-weight-minimal.json"))
budget = 250 * 1000
print(f"{'':34}{'files':>6}{'raw':>11}{'gzip':>10}{'brotli':>10}{'served':>10}")
for name, r in (("participant join + answer", app), ("minimal Leptos page", base)):
    t = r["total"]
    print(f"{name:34}{t['files']:>6}{t['raw']:>11}{t['gzip']:>10}{t['brotli']:>10}{t['served']:>10}")
    for kind, k in sorted(r["byKind"].items()):
        print(f"  {kind:32}{k['files']:>6}{k['raw']:>11}{k['gzip']:>10}{k['brotli']:>10}{k['served']:>10}")
for name, f in (("islands: frame only (wasm + js)", "frame"), ("islands: + join, answer (wasm + js)", "screens")):
    t = json.load(open(f"target/page-weight-islands-{f}.json"))
    print(f"{name:34}{'':>6}{t['raw']:>11}{t['gzip']:>10}{t['brotli']:>10}")
ratio = app["total"]["brotli"] / base["total"]["brotli"]
print(f"brotli: {app['total']['brotli']} B = {app['total']['brotli'] / budget:.2f} x the 250 KB budget, {ratio:.2f} x the minimal page (budget 1.7 x)")
PY
