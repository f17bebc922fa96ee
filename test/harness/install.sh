#!/usr/bin/env bash
# Installs the real-VS-Code test harness (code-server 4.100.3, playwright-core, Debian's
# chromium) with only the npm registry and Debian apt reachable. Idempotent: a second run
# checks a stamp and returns in well under a second.
# Usage: test/harness/install.sh        (FORCE=1 to reinstall)
set -euo pipefail
HARNESS=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HARNESS/../.." && pwd)
E2E=$ROOT/.e2e
STAMP=$HARNESS/node_modules/.marginalia-harness-stamp
CS=$HARNESS/node_modules/.bin/code-server
RG=$HARNESS/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
APT_PACKAGES=(chromium libkrb5-dev ripgrep build-essential python3 pkg-config)

# One clear line when any step fails, so nobody has to read the next stages' stack traces.
trap 'echo "harness: install failed at \"$BASH_COMMAND\" (line $LINENO); fix the error above, then run bash test/harness/install.sh again" >&2' ERR

# apt_get: waits for another apt-get (unattended upgrades at boot) instead of failing.
source "$HARNESS/apt-wait.sh"

# The stamp names what was installed: a changed lockfile or Node major means reinstall.
want_stamp=$( { cat "$HARNESS/package.json" "$HARNESS/package-lock.json"; node -p 'process.versions.node.split(".")[0]'; } | sha256sum | cut -d' ' -f1)
if [ "${FORCE:-}" != 1 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_stamp" ] \
   && [ -x "$CS" ] && [ -x "$RG" ] && command -v "${CHROMIUM:-chromium}" >/dev/null; then
  echo "harness: already installed"
  exit 0
fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "harness: apt-get install ${missing[*]}"
  SUDO=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "harness: need root (or sudo) to apt-get install ${missing[*]}" >&2; exit 1; }
    SUDO=sudo
  fi
  # chromium: the browser playwright-core drives (never `playwright install`: it downloads one);
  # libkrb5-dev, build-essential, python3, pkg-config: code-server's native modules;
  # ripgrep: replaces @vscode/ripgrep's download from GitHub (seeded below).
  apt_get $SUDO apt-get update -qq
  apt_get $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub unless this file is in its cache
# under os.tmpdir(): seed it with Debian's rg.
export TMPDIR=$E2E/tmp
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) echo "harness: no ripgrep cache for $(uname -m); the install will try GitHub" >&2; rg_target= ;;
esac
if [ -n "$rg_target" ]; then
  cache=$TMPDIR/vscode-ripgrep-cache-1.15.11
  mkdir -p "$cache" "$TMPDIR/rgpkg"
  cp /usr/bin/rg "$TMPDIR/rgpkg/rg"
  tar czf "$cache/ripgrep-v13.0.0-10-$rg_target.tar.gz" -C "$TMPDIR/rgpkg" rg
fi

# Native modules (node-pty, kerberos, spdlog...) build with node-gyp: point it at the local
# Node headers when they are there, or it tries to download them from nodejs.org.
node_prefix=$(dirname "$(dirname "$(command -v node)")")
[ -f "$node_prefix/include/node/node.h" ] && export npm_config_nodedir=$node_prefix

cd "$HARNESS"
# unsafe_perm: code-server's postinstall refuses root without it (it reads the variable itself).
# yes: node-pty's postinstall runs `npx node-gyp`, which would wait for a "y" with no TTY.
echo "harness: npm ci in test/harness (code-server builds native modules: about a minute)"
npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error

# Prove it works rather than trusting the exit code: postinstall failures are easy to miss.
[ -x "$RG" ] || { echo "harness: $RG is missing: the ripgrep step of code-server's install failed" >&2; exit 1; }
mkdir -p "$E2E/home"
HOME=$E2E/home "$CS" --version | head -1
command -v "${CHROMIUM:-chromium}" >/dev/null || { echo "harness: chromium not found (set CHROMIUM=/path/to/chromium)" >&2; exit 1; }
echo "$want_stamp" > "$STAMP"
echo "harness: installed"
