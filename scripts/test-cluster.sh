#!/usr/bin/env bash
# Runs the cluster suites (test/cluster, issue 17) against a real etcd + kube-apiserver on loopback:
# builds them (cached: scripts/build-cluster.sh), starts them (scripts/kube-apiserver.sh), runs the suites, and
# stops them whatever happens. Fails, never skips, when the server cannot be built or started.
# Expects `npm run build && npm run compile-tests` to have run (npm test does).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export POD_LENS_CLUSTER_DIR="${POD_LENS_CLUSTER_DIR:-${TMPDIR:-/tmp}/pod-lens-cluster-test-$$}"
trap 'bash "$root/scripts/kube-apiserver.sh" stop' EXIT
kubeconfig="$(bash "$root/scripts/kube-apiserver.sh" start | tail -n 1)"
POD_LENS_TEST_KUBECONFIG="$kubeconfig" node --test "$root/out/test/cluster/"
