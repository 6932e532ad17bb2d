#!/usr/bin/env bash
# Builds the conformance reference (conformance/reference, the real Kubernetes code of one release) and
# prints the path of the binary. Usage: scripts/build-conformance.sh 1.37|1.34
#
# The binary is cached outside the repository in ${XDG_CACHE_HOME:-$HOME/.cache}/pod-lens/conformance/
# under a hash of the go.mod/go.sum pair, the Go sources, the Go version and this script, so it is
# rebuilt only when one of them changes (a cold build takes 7-11 minutes on 2 cores; with Go's build cache
# warm, a change to the Go sources costs 30-60 s). The three newest builds of each version are kept.
# Fails (never skips) when Go is missing or the build fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${1:?usage: build-conformance.sh KUBERNETES_VERSION (1.37 or 1.34)}"

case "$version" in
  1.37) modfile=go.mod; tags="" ;;
  1.34) modfile=go.k8s134.mod; tags="k8s134" ;;
  *) echo "build-conformance: no reference module for Kubernetes $version (have 1.37, 1.34)" >&2; exit 2 ;;
esac
sumfile="${modfile%.mod}.sum"

if ! command -v go >/dev/null 2>&1; then
  echo "build-conformance: Go is not installed (the conformance reference needs Go 1.26)" >&2
  exit 1
fi

cd "$root/conformance"
hash="$( { go version; cat "$modfile" "$sumfile" "$root/scripts/build-conformance.sh"; for f in reference/*.go; do echo "$f"; cat "$f"; done; echo "tags=$tags"; } | sha256sum | cut -c1-16)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/pod-lens/conformance/$version-$hash"
bin="$cache/reference"
if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

mkdir -p "$cache"
tmp="$(mktemp "$cache/reference.XXXXXX")"
echo "build-conformance: building the Kubernetes $version reference (cached in $cache)..." >&2
start=$SECONDS
nice go build -p 2 -modfile="$modfile" ${tags:+-tags="$tags"} -o "$tmp" ./reference
mv -f "$tmp" "$bin"
echo "build-conformance: built in $((SECONDS - start)) s" >&2
# Keep the three newest builds of this version (other checkouts may use older ones), drop the rest.
ls -dt "$(dirname "$cache")/$version"-* 2>/dev/null | tail -n +4 | xargs -r rm -rf
echo "$bin"
