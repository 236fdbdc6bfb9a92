#!/usr/bin/env bash
# Lighthouse (mobile emulation, its default) on a profile page of the sample site, with
# Debian's Chromium. Prints the four category scores and writes the full JSON report.
#   benchmarks/lighthouse.sh [profile-slug]        (default: the road-maintenance model)
#   NO_GZIP=1 benchmarks/lighthouse.sh             (serve uncompressed, like python -m http.server)
set -euo pipefail
cd "$(dirname "$0")/.."
slug="${1:-mo-hinh-tu-quan-duong-be-tong-xom-pa-cho}"
scripts/bootstrap
[ -x benchmarks/node_modules/.bin/lighthouse ] || (cd benchmarks && npm ci --no-audit --no-fund >/dev/null)
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
.venv/bin/dienhinh build -d "$work/site" >/dev/null 2>&1
port="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
if [ -n "${NO_GZIP:-}" ]; then
  .venv/bin/python -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
else
  .venv/bin/python benchmarks/static_server.py "$work/site" "$port" &
fi
server=$!
sleep 1
report="${LIGHTHOUSE_REPORT:-benchmarks/lighthouse-report.json}"
CHROME_PATH=/usr/bin/chromium benchmarks/node_modules/.bin/lighthouse \
  "http://127.0.0.1:$port/dien-hinh/$slug/" \
  --only-categories=performance,accessibility,best-practices,seo \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
  --output=json --output-path="$report" --quiet
.venv/bin/python - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
print(f"Lighthouse {report['lighthouseVersion']} — {report['finalDisplayedUrl']}")
for key, category in report["categories"].items():
    print(f"  {category['title']:<15} {round(category['score'] * 100)}")
for key, category in report["categories"].items():
    for ref in category["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"  - {key}: {audit['id']} {audit['score']:.2f} {audit.get('displayValue', '')}")
PY
