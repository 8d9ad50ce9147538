#!/usr/bin/env bash
# Installs what HyenaFlow needs on a fresh Debian 12 machine with the .NET 10 SDK, then restores packages.
# Idempotent: a second run only checks. Usage: bash infra/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(samtools bcftools tabix patchelf python3-numpy g++ postgresql chromium)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet restore HyenaFlow.sln --verbosity quiet

# Azurite (blob storage emulator), pinned in infra/azurite/package-lock.json; Node ≥ 20 is enough.
command -v npm >/dev/null || { echo "setup: npm (Node.js ≥ 20) is needed for Azurite" >&2; exit 1; }
[ -f infra/azurite/node_modules/azurite/dist/src/blob/main.js ] || npm ci --prefix infra/azurite --no-audit --no-fund --silent

# The Studio (served by `hyenaflow serve` at /), pinned in its package-lock.json: installed when the lock changed,
# built into dist/ when dist is missing or older than any of its sources. (The e2e test drives the chromium above.)
studio=src/HyenaFlow.Studio
if [ ! -f "$studio/node_modules/.package-lock.json" ] || [ "$studio/package-lock.json" -nt "$studio/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$studio" --no-audit --no-fund --silent
fi
if [ ! -f "$studio/dist/index.html" ] ||
   [ -n "$(find "$studio/src" "$studio/index.html" "$studio/package.json" "$studio/package-lock.json" "$studio/vite.config.ts" "$studio/tsconfig.json" -newer "$studio/dist/index.html" -print -quit)" ]; then
  echo "setup: building the Studio"
  npm run build --prefix "$studio" --silent >/dev/null
fi
