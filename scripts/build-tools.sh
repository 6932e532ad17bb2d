#!/usr/bin/env bash
# Builds the real rendering tools the Helm/Kustomize tests run (issue 15) from the pinned Go module in tools/:
# helm from helm.sh/helm/v4/cmd/helm and a small `kustomize build DIR` on sigs.k8s.io/kustomize/api (krusty).
# Each binary is cached in ${XDG_CACHE_HOME:-$HOME/.cache}/pod-lens/tools/<name>-<version>-<hash>/ (the hash
# covers go.mod/go.sum, the Go sources, the Go version and this script), so it is built once per change.
# Prints `name=path` per tool (helm, kustomize) on stdout; with --env, `POD_LENS_HELM=... POD_LENS_KUSTOMIZE=...`
# lines instead. Fails (never skips) when Go is missing or a build fails. A cold build takes a few minutes on
# 2 cores; it runs under nice.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-}"

if ! command -v go >/dev/null 2>&1; then
  echo "build-tools: Go is not installed (helm and kustomize for the tests are built with Go 1.26)" >&2
  exit 1
fi

cd "$root/tools"
version_of() { awk -v m="$1" '$1 == m { print $2; exit }' go.mod; }
helm_version="$(version_of helm.sh/helm/v4)"
kustomize_version="$(version_of sigs.k8s.io/kustomize/api)"
hash="$( { go version; cat go.mod go.sum "$root/scripts/build-tools.sh"; for f in kustomize/*.go; do echo "$f"; cat "$f"; done; } | sha256sum | cut -c1-12)"
base="${XDG_CACHE_HOME:-$HOME/.cache}/pod-lens/tools"

build() { # name version package
  local name="$1" version="$2" package="$3"
  local dir="$base/$name-$version-$hash" bin
  bin="$dir/$name"
  if [ ! -x "$bin" ]; then
    mkdir -p "$dir"
    local tmp
    tmp="$(mktemp "$dir/$name.XXXXXX")"
    echo "build-tools: building $name $version (cached in $dir)..." >&2
    local start=$SECONDS
    nice go build -p 2 -trimpath -ldflags=-s -o "$tmp" "$package"
    mv -f "$tmp" "$bin"
    echo "build-tools: built $name in $((SECONDS - start)) s" >&2
    # Keep the three newest builds of this tool (other checkouts may use older ones).
    ls -dt "$base/$name"-* 2>/dev/null | tail -n +4 | xargs -r rm -rf
  fi
  if [ "$mode" = "--env" ]; then
    echo "POD_LENS_$(echo "$name" | tr a-z A-Z)=$bin"
  else
    echo "$name=$bin"
  fi
}

build helm "$helm_version" helm.sh/helm/v4/cmd/helm
build kustomize "$kustomize_version" ./kustomize
