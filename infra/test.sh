#!/usr/bin/env bash
# Sets up a fresh machine and runs every test of the solution. Usage: bash infra/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/setup.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test HyenaFlow.sln --no-restore --configuration Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The Studio's own unit tests (vitest), counted in the summary below.
npm test --prefix src/HyenaFlow.Studio --silent 2>&1 | tee -a "$log"
studio_status=${PIPESTATUS[0]}
[ "$status" -ne 0 ] || status=$studio_status
set -e

# One plain summary line over all test assemblies, from dotnet test's per-assembly lines.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     /^ +Tests +[0-9]/ {
       for (i = 2; i < NF; i++) { if ($(i+1) == "passed") p += $i; if ($(i+1) == "failed") f += $i; if ($(i+1) == "skipped") s += $i }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
# CI keeps only the end of this output: name the failures there, and the disk left (a full disk fails builds).
grep -E '^ +Failed [A-Za-z_]' "$log" | sed -E 's/^ +/  /' | sort -u | sed '1i failed tests:' || true
grep -E ': error [A-Z]+[0-9]+:' "$log" | sed -E 's/^ +//' | sort -u | head -n 5 | sed '1i build errors:' || true
df -h . | awk 'NR == 2 { print "disk: " $4 " free of " $2 }'
exit "$status"
