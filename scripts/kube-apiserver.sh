#!/usr/bin/env bash
# A real Kubernetes API server on loopback for the cluster tests (issue 17), started the way envtest does:
# etcd and kube-apiserver built from Go modules (scripts/build-cluster.sh, cached), generated certificates,
# static tokens, RBAC, and the LimitRanger and ServiceAccount admission plugins on. No controllers, no nodes.
#
#   bash scripts/kube-apiserver.sh start   starts both; its last line is the path of a kubeconfig
#   bash scripts/kube-apiserver.sh stop    stops both and removes the state directory
#   bash scripts/kube-apiserver.sh env     prints the kubeconfig path of a running server
#
# The kubeconfig has two contexts: `admin` (current; a token in group system:masters) and `viewer` (a token
# with no role bound to it: every request is 403 until a test binds one). The tokens are in
# $STATE/tokens.env (ADMIN_TOKEN, VIEWER_TOKEN) for the tests that check they never reach a log.
# State: ${POD_LENS_CLUSTER_DIR:-${TMPDIR:-/tmp}/pod-lens-cluster-$UID}. Fails (never skips) when a binary
# cannot be built or the server is not ready in 90 s.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${POD_LENS_CLUSTER_DIR:-${TMPDIR:-/tmp}/pod-lens-cluster-$(id -u)}"

stop() {
  for name in kube-apiserver etcd; do
    local pidfile="$state/$name.pid"
    [ -f "$pidfile" ] || continue
    local pid; pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
  rm -rf "$state"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

certs() {
  local d="$state/pki"
  mkdir -p "$d"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=pod-lens-test-ca" \
    -keyout "$d/ca.key" -out "$d/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" -keyout "$d/server.key" -out "$d/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' > "$d/server.ext"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial -days 2 \
    -extfile "$d/server.ext" -out "$d/server.crt" 2>/dev/null
  openssl genrsa -out "$d/sa.key" 2048 2>/dev/null
  openssl rsa -in "$d/sa.key" -pubout -out "$d/sa.pub" 2>/dev/null
}

start() {
  stop
  mkdir -p "$state"
  chmod 700 "$state"
  local bins etcd apiserver
  bins="$(bash "$root/scripts/build-cluster.sh")"
  etcd="$(sed -n 1p <<<"$bins")"
  apiserver="$(sed -n 2p <<<"$bins")"
  certs
  local admin_token viewer_token
  admin_token="$(openssl rand -hex 24)"
  viewer_token="$(openssl rand -hex 24)"
  printf '%s,admin,admin-uid,"system:masters"\n%s,viewer,viewer-uid\n' "$admin_token" "$viewer_token" > "$state/tokens.csv"
  printf 'ADMIN_TOKEN=%s\nVIEWER_TOKEN=%s\n' "$admin_token" "$viewer_token" > "$state/tokens.env"

  local etcd_port peer_port port
  etcd_port="$(free_port)"; peer_port="$(free_port)"; port="$(free_port)"
  "$etcd" --data-dir "$state/etcd" --listen-client-url "http://127.0.0.1:$etcd_port" \
    --listen-peer-url "http://127.0.0.1:$peer_port" > "$state/etcd.log" 2>&1 &
  echo $! > "$state/etcd.pid"

  "$apiserver" \
    --etcd-servers="http://127.0.0.1:$etcd_port" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$port" \
    --tls-cert-file="$state/pki/server.crt" --tls-private-key-file="$state/pki/server.key" \
    --client-ca-file="$state/pki/ca.crt" \
    --token-auth-file="$state/tokens.csv" \
    --authorization-mode=RBAC \
    --enable-admission-plugins=LimitRanger,ServiceAccount \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-key-file="$state/pki/sa.pub" \
    --service-account-signing-key-file="$state/pki/sa.key" \
    --service-cluster-ip-range=10.0.0.0/24 \
    --endpoint-reconciler-type=none \
    --cert-dir="$state/pki" \
    > "$state/kube-apiserver.log" 2>&1 &
  echo $! > "$state/kube-apiserver.pid"

  local ca_data; ca_data="$(base64 -w0 < "$state/pki/ca.crt")"
  cat > "$state/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
- name: pod-lens-test
  cluster:
    server: https://127.0.0.1:$port
    certificate-authority-data: $ca_data
users:
- name: admin
  user:
    token: $admin_token
- name: viewer
  user:
    token: $viewer_token
contexts:
- name: admin
  context:
    cluster: pod-lens-test
    user: admin
    namespace: default
- name: viewer
  context:
    cluster: pod-lens-test
    user: viewer
    namespace: default
current-context: admin
KUBECONFIG
  chmod 600 "$state/kubeconfig" "$state/tokens.csv" "$state/tokens.env"

  local deadline=$((SECONDS + 90))
  until curl -fsS --max-time 2 --cacert "$state/pki/ca.crt" -H "Authorization: Bearer $admin_token" \
      "https://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$state/kube-apiserver.pid")" 2>/dev/null || ! kill -0 "$(cat "$state/etcd.pid")" 2>/dev/null \
        || [ $SECONDS -ge $deadline ]; then
      echo "kube-apiserver.sh: the API server did not become ready; last lines of its logs:" >&2
      tail -n 20 "$state/etcd.log" "$state/kube-apiserver.log" >&2 || true
      stop
      exit 1
    fi
    sleep 0.5
  done
  echo "kube-apiserver.sh: ready on https://127.0.0.1:$port (logs in $state)" >&2
  echo "$state/kubeconfig"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env)
    if [ -f "$state/kubeconfig" ] && [ -f "$state/kube-apiserver.pid" ] && kill -0 "$(cat "$state/kube-apiserver.pid")" 2>/dev/null; then
      echo "$state/kubeconfig"
    else
      echo "kube-apiserver.sh: no server running (state $state)" >&2; exit 1
    fi ;;
  *) echo "usage: kube-apiserver.sh start|stop|env" >&2; exit 2 ;;
esac
