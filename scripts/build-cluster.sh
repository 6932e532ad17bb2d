#!/usr/bin/env bash
# Builds the test cluster's two servers from Go modules at pinned versions (cluster/go.mod) and prints
# their paths, one a line: etcd (cluster/etcd, on go.etcd.io/etcd/server/v3/embed) then kube-apiserver
# (k8s.io/kubernetes/cmd/kube-apiserver, the release the conformance harness uses).
#
# The binaries are cached outside the repository in ${XDG_CACHE_HOME:-$HOME/.cache}/pod-lens/cluster/
# under a hash of go.mod/go.sum, the Go sources, the Go version and this script, so a warm run is instant.
# A cold kube-apiserver build takes about 20 minutes on 2 cores. The three newest builds are kept.
# Fails (never skips) when Go is missing or a build fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v go >/dev/null 2>&1; then
  echo "build-cluster: Go is not installed (the test cluster is built from Go modules with Go 1.26)" >&2
  exit 1
fi

cd "$root/cluster"
hash="$( { go version; cat go.mod go.sum "$root/scripts/build-cluster.sh"; for f in etcd/*.go; do echo "$f"; cat "$f"; done; } | sha256sum | cut -c1-16)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/pod-lens/cluster/$hash"
etcd="$cache/etcd"
apiserver="$cache/kube-apiserver"
if [ -x "$etcd" ] && [ -x "$apiserver" ]; then
  echo "$etcd"
  echo "$apiserver"
  exit 0
fi

# The version the server reports (GET /version), set the way Kubernetes' release build sets it
# (hack/lib/version.sh), from the k8s.io/kubernetes version in go.mod.
kube_version="$(go list -m -f '{{.Version}}' k8s.io/kubernetes)"
minor="${kube_version#v*.}"; minor="${minor%%.*}"
version_ldflags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_ldflags+=" -X $pkg.gitVersion=$kube_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  version_ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
done

mkdir -p "$cache"
start=$SECONDS
if [ ! -x "$etcd" ]; then
  echo "build-cluster: building etcd (cached in $cache)..." >&2
  tmp="$(mktemp "$cache/etcd.XXXXXX")"
  nice go build -p 2 -o "$tmp" ./etcd
  mv -f "$tmp" "$etcd"
fi
if [ ! -x "$apiserver" ]; then
  echo "build-cluster: building kube-apiserver (cached in $cache; a cold build takes about 20 minutes)..." >&2
  tmp="$(mktemp "$cache/kube-apiserver.XXXXXX")"
  nice go build -p 2 -ldflags "$version_ldflags" -o "$tmp" k8s.io/kubernetes/cmd/kube-apiserver
  mv -f "$tmp" "$apiserver"
fi
echo "build-cluster: built in $((SECONDS - start)) s" >&2
# Keep the three newest builds (other checkouts may use older ones), drop the rest.
ls -dt "$(dirname "$cache")"/* 2>/dev/null | tail -n +4 | xargs -r rm -rf
echo "$etcd"
echo "$apiserver"
