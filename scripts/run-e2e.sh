#!/usr/bin/env bash
# Runs the real-editor tests (test/e2e/*.spec.js): installs what is missing (scripts/setup-e2e.sh,
# seconds when already done), packages the extension (.vsix), then runs Playwright, which starts code-server
# (test/e2e/start-code-server.sh) and Debian's chromium. Any failure, including code-server not
# starting, exits non-zero; nothing is skipped.
#   bash scripts/run-e2e.sh                       all specs
#   bash scripts/run-e2e.sh test/e2e/smoke.spec.js -g 'loads'   extra args go to `playwright test`
# Env: E2E_EXTENSION=vsix (default; the packaged extension) or dev (this checkout, for debugging);
# E2E_NO_BUILD=1 skips `npm run package` / `npm run build`; E2E_PORT (default 8917) first port; CHROMIUM browser path.
# Results: test-results/e2e/ (screenshots, html-report/, artifacts/ with traces of failed tests).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
T0=$SECONDS

bash scripts/setup-e2e.sh
_cs=${CODE_SERVER:-} _nb=${E2E_NODE_BIN:-}   # values set by the caller win over .e2e/env.sh
# shellcheck source=/dev/null
. .e2e/env.sh
CODE_SERVER=${_cs:-$CODE_SERVER} E2E_NODE_BIN=${_nb:-$E2E_NODE_BIN}
export CODE_SERVER E2E_NODE_BIN CHROMIUM

# E2E_EXTENSION=vsix (default): the specs run against the packaged extension (npm run package builds
# the production bundles and pod-lens-<version>.vsix); dev: against this checkout (npm run build).
export E2E_EXTENSION=${E2E_EXTENSION:-vsix}
if [ "${E2E_NO_BUILD:-0}" != 1 ]; then
  if [ "$E2E_EXTENSION" = vsix ]; then npm run package; else npm run build; fi
fi
if [ "$E2E_EXTENSION" = vsix ]; then
  E2E_VSIX=${E2E_VSIX:-$ROOT/$(node -p 'const p = require("./package.json"); `${p.name}-${p.version}.vsix`')}
  [ -f "$E2E_VSIX" ] || { echo "run-e2e: $E2E_VSIX is missing: run npm run package" >&2; exit 1; }
  export E2E_VSIX
else
  for f in dist/extension.js dist/server.js; do
    [ -f "$f" ] || { echo "run-e2e: $f is missing after the build" >&2; exit 1; }
  done
fi

# The real helm for the rendered-chart spec (cached; built by npm test before the node tests).
E2E_HELM=${E2E_HELM:-$(bash scripts/build-tools.sh | sed -n 's/^helm=//p')}
[ -x "$E2E_HELM" ] || { echo "run-e2e: no helm from scripts/build-tools.sh" >&2; exit 1; }
export E2E_HELM

# A real etcd + kube-apiserver for the cluster spec (issue 17; built and cached by scripts/build-cluster.sh):
# `start` prints its kubeconfig as the last line; start-code-server.sh makes it podLens.cluster.kubeconfig.
export POD_LENS_CLUSTER_DIR="${POD_LENS_CLUSTER_DIR:-${TMPDIR:-/tmp}/pod-lens-e2e-cluster-$$}"
trap 'bash "$ROOT/scripts/kube-apiserver.sh" stop' EXIT
E2E_KUBECONFIG=$(bash scripts/kube-apiserver.sh start | tail -n 1)
[ -f "$E2E_KUBECONFIG" ] || { echo "run-e2e: scripts/kube-apiserver.sh start gave no kubeconfig" >&2; exit 1; }
export E2E_KUBECONFIG

rm -rf test-results/e2e
PW="$ROOT/.e2e/playwright/node_modules"
# Specs and helpers `require('@playwright/test')`; it lives in .e2e/playwright, not in the root node_modules.
export NODE_PATH="$PW${NODE_PATH:+:$NODE_PATH}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Playwright runs on the system Node (20); code-server and the extension host run on E2E_NODE_BIN's Node.
set +e
node "$PW/@playwright/test/cli.js" test -c test/e2e/playwright.config.js "$@"
rc=$?
set -e
echo "run-e2e: playwright exited $rc after $((SECONDS - T0))s; screenshots and report in test-results/e2e/" >&2
exit $rc
