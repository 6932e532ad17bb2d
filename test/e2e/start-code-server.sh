#!/usr/bin/env bash
# Starts code-server (a real VS Code workbench) with Pod Lens installed from its .vsix (or, with
# E2E_EXTENSION=dev, loaded from this checkout), on a fresh profile. Playwright's webServer runs it (test/e2e/playwright.config.js); it also works by hand:
#   bash test/e2e/start-code-server.sh   then open http://127.0.0.1:8917/?folder=<abs path>
#
# Environment (all optional):
#   PORT          port to listen on (127.0.0.1 only)                       default 8917
#   WORKSPACE     folder opened when the URL has no ?folder=                 default test/e2e/workspace
#   E2E_EXTENSION how Pod Lens is installed: vsix (the packaged extension,   default vsix
#                 `code-server --install-extension`, as users get it) or dev (a symlink to EXT_DEV, for debugging)
#   E2E_VSIX      the .vsix for E2E_EXTENSION=vsix (npm run package)        default <name>-<version>.vsix at the root
#   EXT_DEV       extension folder (needs package.json, dist/extension.js)   default the repository root
#   E2E_LOCALE    VS Code display language, e.g. zh-cn (written to argv.json) default en
#   E2E_SETTINGS  JSON object merged into the user settings.json, e.g. '{"podLens.kubernetesVersion":"1.28"}'
#   E2E_HELM      the helm binary for podLens.helm.path (run-e2e.sh sets it from scripts/build-tools.sh)
#   E2E_KUBECONFIG the test API server's kubeconfig for podLens.cluster.kubeconfig (run-e2e.sh starts the server)
#   E2E_PROFILE   profile folder; deleted and recreated on every start   default .e2e/profiles/<PORT>
#   CODE_SERVER, E2E_NODE_BIN   override what scripts/setup-e2e.sh wrote to .e2e/env.sh
# The profile holds user data, extensions dir and logs (exthost logs: $E2E_PROFILE/user/logs/*/).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ -f "$ROOT/.e2e/env.sh" ]; then
  _cs=${CODE_SERVER:-} _nb=${E2E_NODE_BIN:-}
  # shellcheck source=/dev/null
  . "$ROOT/.e2e/env.sh"
  CODE_SERVER=${_cs:-$CODE_SERVER} E2E_NODE_BIN=${_nb:-$E2E_NODE_BIN}
fi
: "${CODE_SERVER:?code-server is not installed: run bash scripts/setup-e2e.sh}"
[ -x "$CODE_SERVER" ] || { echo "start-code-server: $CODE_SERVER missing; run bash scripts/setup-e2e.sh" >&2; exit 1; }
# code-server's bin is `#!/usr/bin/env node` and 4.139 needs Node 24: its Node must come first on PATH.
# The same Node runs the extension host and so our client and language server.
[ -n "${E2E_NODE_BIN:-}" ] && export PATH="$E2E_NODE_BIN:$PATH"

PORT=${PORT:-8917}
WORKSPACE=${WORKSPACE:-$ROOT/test/e2e/workspace}
EXT_DEV=$(cd "${EXT_DEV:-$ROOT}" && pwd)
LOCALE=${E2E_LOCALE:-en}
PROFILE=${E2E_PROFILE:-$ROOT/.e2e/profiles/$PORT}

MODE=${E2E_EXTENSION:-vsix}
EXT_ID=$(node -p 'const p = require(process.argv[1]); `${p.publisher}.${p.name}-${p.version}`' "$EXT_DEV/package.json")
case "$MODE" in
  vsix)
    VSIX=${E2E_VSIX:-$ROOT/$(node -p 'const p = require(process.argv[1]); `${p.name}-${p.version}.vsix`' "$ROOT/package.json")}
    [ -f "$VSIX" ] || { echo "start-code-server: $VSIX missing; run npm run package" >&2; exit 1; } ;;
  dev)
    [ -f "$EXT_DEV/dist/extension.js" ] || { echo "start-code-server: $EXT_DEV/dist/extension.js missing; run npm run build" >&2; exit 1; } ;;
  *) echo "start-code-server: E2E_EXTENSION must be vsix or dev, not $MODE" >&2; exit 1 ;;
esac

# Fresh profile every run: open editors, panel layout and extension state otherwise carry over.
rm -rf "$PROFILE"
mkdir -p "$PROFILE/user/User" "$PROFILE/extensions" "$PROFILE/xdg"
PROFILE=$(cd "$PROFILE" && pwd)

E2E_SETTINGS=${E2E_SETTINGS:-} node -e '
const base = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.editor.enablePreview": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "security.workspace.trust.enabled": false,
  "chat.disableAIFeatures": true,
  "chat.commandCenter.enabled": false,
  "git.enabled": false,
  "git.openRepositoryInParentFolders": "never",
  "npm.autoDetect": "off",
  "editor.minimap.enabled": false,
  "workbench.reduceMotion": "on",
  // typing in tests must arrive literally: no auto-indent (the yaml extension turns it on for [yaml]),
  // no auto-closing, no suggestions that swallow Enter
  "editor.autoIndent": "none",
  "[yaml]": { "editor.autoIndent": "none" },
  "editor.autoClosingBrackets": "never",
  "editor.autoClosingQuotes": "never",
  "editor.autoSurround": "never",
  "editor.formatOnType": false,
  "editor.quickSuggestions": { "other": false, "comments": false, "strings": false },
  "editor.suggestOnTriggerCharacters": false,
  "editor.acceptSuggestionOnEnter": "off",
  "editor.parameterHints.enabled": false,
  "editor.inlineSuggest.enabled": false,
  "editor.accessibilitySupport": "off",
  "files.autoSave": "off",
  "window.restoreWindows": "none",
  "notifications.doNotDisturbMode": false
};
const extra = process.env.E2E_SETTINGS ? JSON.parse(process.env.E2E_SETTINGS) : {};
// The helm scripts/build-tools.sh builds (run-e2e.sh exports it), for the rendered-chart spec.
const tools = process.env.E2E_HELM ? { "podLens.helm.path": process.env.E2E_HELM } : {};
// The kubeconfig of the test API server (run-e2e.sh starts it), for the cluster spec.
const cluster = process.env.E2E_KUBECONFIG ? { "podLens.cluster.kubeconfig": process.env.E2E_KUBECONFIG } : {};
require("fs").writeFileSync(process.argv[1], JSON.stringify({ ...base, ...tools, ...cluster, ...extra }, null, 2) + "\n");
' "$PROFILE/user/User/settings.json"

# Display language: what "Configure Display Language" writes. The server reads it from
# <user-data-dir>/User/argv.json (before the browser's Accept-Language).
printf '{ "locale": "%s" }\n' "$LOCALE" >"$PROFILE/user/User/argv.json"
# VS Code only switches language when a language pack for it is installed, and real packs come
# from the Marketplace (unreachable). A stub pack with no translations does the job: the workbench
# stays English (every core string falls back), but the language becomes $LOCALE, so our extension
# gets package.nls.$LOCALE.json, l10n/bundle.l10n.$LOCALE.json and vscode.env.language === $LOCALE.
# languagepacks.json is what VS Code writes from the installed packs; writing it too means the first
# page load already uses it.
case "$LOCALE" in
  en | en-*) ;;
  *)
    STUB="$PROFILE/extensions/pod-lens-e2e.language-pack-stub-$LOCALE-0.0.1"
    mkdir -p "$STUB/translations"
    printf '{ "version": "1.0.0", "contents": {} }\n' >"$STUB/translations/main.i18n.json"
    cat >"$STUB/package.json" <<EOF
{
  "name": "language-pack-stub-$LOCALE", "publisher": "pod-lens-e2e", "version": "0.0.1",
  "displayName": "E2E stub language pack ($LOCALE)", "engines": { "vscode": "*" },
  "categories": ["Language Packs"],
  "contributes": { "localizations": [ { "languageId": "$LOCALE", "languageName": "$LOCALE",
    "localizedLanguageName": "$LOCALE",
    "translations": [ { "id": "vscode", "path": "./translations/main.i18n.json" } ] } ] }
}
EOF
    cat >"$PROFILE/user/languagepacks.json" <<EOF
{ "$LOCALE": { "hash": "e2estub$LOCALE", "label": "$LOCALE",
  "extensions": [ { "extensionIdentifier": { "id": "pod-lens-e2e.language-pack-stub-$LOCALE" }, "version": "0.0.1" } ],
  "translations": { "vscode": "$STUB/translations/main.i18n.json" } } }
EOF
    ;;
esac

# Always pass --config: without it code-server writes ~/.config/code-server/config.yaml with a password.
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" >"$PROFILE/config.yaml"
# XDG_*: code-server also writes ~/.local/share/code-server/coder-logs; keep it in the profile.
export XDG_CONFIG_HOME="$PROFILE/xdg/config" XDG_DATA_HOME="$PROFILE/xdg/data"

if [ "$MODE" = vsix ]; then
  # The packaged extension, installed the way users install a .vsix (about 1 s, offline).
  "$CODE_SERVER" --config "$PROFILE/config.yaml" --user-data-dir "$PROFILE/user" \
    --extensions-dir "$PROFILE/extensions" --install-extension "$VSIX" >&2
  [ -f "$PROFILE/extensions/$EXT_ID/package.json" ] ||
    { echo "start-code-server: installing $VSIX did not create $PROFILE/extensions/$EXT_ID" >&2; exit 1; }
  EXT_DESC="$EXT_ID from $VSIX"
else
  # Load the extension in place: a <publisher>.<name>-<version> symlink in a fresh extensions dir is
  # picked up on startup (VS Code adds it to extensions.json itself). No packaging needed.
  ln -s "$EXT_DEV" "$PROFILE/extensions/$EXT_ID"
  EXT_DESC="$EXT_ID -> $EXT_DEV"
fi

echo "start-code-server: $("$CODE_SERVER" --config "$PROFILE/config.yaml" --version | tail -n1) on node $(node -v)," \
  "port $PORT, locale $LOCALE, extension $EXT_DESC, profile $PROFILE" >&2
# stderr: drop lines that are expected offline (no vsda in open-source builds, no extension gallery).
exec 2> >(grep --line-buffered -vE 'vsda/rust/web|ENOTFOUND open-vsx\.org|a socket was left hanging' >&2)
exec "$CODE_SERVER" --config "$PROFILE/config.yaml" --user-data-dir "$PROFILE/user" \
  --extensions-dir "$PROFILE/extensions" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$WORKSPACE"
