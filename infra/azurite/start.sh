#!/usr/bin/env bash
# Starts the pinned Azurite blob service in the background on 127.0.0.1:PORT and prints its pid once
# it accepts connections. Data lives in DATA_DIR (a fresh temp folder when omitted; reuse a folder to
# restart on the same data); Azurite's own output goes to DATA_DIR/azurite.log.
# Usage: bash infra/azurite/start.sh PORT [DATA_DIR]      Stop: kill PID
# Connection string for it (well-known public development key):
#   DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:PORT/devstoreaccount1;
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${1:?usage: start.sh PORT [DATA_DIR]}"
data="${2:-$(mktemp -d "${TMPDIR:-/tmp}/hyenaflow-azurite-XXXXXX")}"
bin="$here/node_modules/azurite/dist/src/blob/main.js"
if [ ! -f "$bin" ]; then
  echo "start.sh: Azurite is not installed; run: npm ci --prefix infra/azurite" >&2
  exit 1
fi
mkdir -p "$data"
log="$data/azurite.log"

: >"$log"
nohup node "$bin" --blobHost 127.0.0.1 --blobPort "$port" --location "$data" \
  --loose --skipApiVersionCheck --silent --disableTelemetry </dev/null >>"$log" 2>&1 &
pid=$!

# Ready when Azurite says it listens (a port taken by someone else makes it exit instead); give up, and
# say why, if it dies or takes too long.
for _ in $(seq 1 300); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start.sh: Azurite exited during start-up; last lines of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  if grep -q "successfully listens" "$log"; then
    echo "$pid"
    exit 0
  fi
  sleep 0.1
done
echo "start.sh: Azurite did not listen on port $port within 30 s; see $log" >&2
kill "$pid" 2>/dev/null || true
exit 1
