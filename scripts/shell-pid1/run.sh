#!/usr/bin/env bash
# Which process is PID 1 when a container runs `SHELL -c SCRIPT`, and does SIGTERM reach the app?
#
# For dash, bash and busybox sh, each script below is started as PID 1 of a fresh PID namespace
# (unshare --fork --pid --mount-proc), the way a container runtime starts a container's command.
# We print the namespace's process tree, then send SIGTERM to its PID 1 from the parent namespace
# (as the runtime does on a stop) and report, 1.5 s later, whether the app got SIGTERM and
# whether PID 1 is still alive. SIGKILL cleans up.
#
# The app is ./termapp (termapp.c): it exits 0 on SIGTERM, like a well-behaved server. The last
# script, `exec sleep 30`, is the control: an app with no SIGTERM handler ignores SIGTERM as PID 1.
#
# Needs root (unshare -p), Linux, a C compiler, procps, util-linux, and `apt-get install busybox`.
# Usage: sudo scripts/shell-pid1/run.sh            (prints a report on stdout)
set -u
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/termapp" "$here/termapp.c"
printf '#!/bin/sh\ntermapp 30\n' > "$work/start.sh"; chmod +x "$work/start.sh"
cd "$work"
export PATH="$work:$PATH"

shells=("dash" "bash" "busybox sh")
scripts=(
  'termapp 30'
  'termapp 30 --port 8080'
  '/bin/true && termapp 30'
  'true && termapp 30'
  'true; termapp 30'
  'false || termapp 30'
  'exec termapp 30'
  'true && exec termapp 30'
  './termapp 30'
  './start.sh'
  'FOO=1 termapp 30'
  'termapp 30 >/dev/null 2>&1'
  'termapp 30; echo done'
  'trap "exit 0" TERM; termapp 30'
  'exec sleep 30'
)

echo "# versions"
dpkg-query -W -f='${Package} ${Version}\n' dash bash busybox 2>/dev/null
bash --version | head -1
uname -sr
echo "/bin/sh -> $(readlink -f /bin/sh)"
echo

for sh in "${shells[@]}"; do
  for script in "${scripts[@]}"; do
    log="$work/app.log"; : > "$log"
    export TERMAPP_MARKER="$log"
    # shellcheck disable=SC2086
    unshare --fork --pid --mount-proc -- $sh -c "$script" 2>/dev/null &
    upid=$!
    pid1=""
    for _ in $(seq 50); do pid1=$(pgrep -P "$upid" | head -1); [ -n "$pid1" ] && break; sleep 0.02; done
    sleep 0.5
    echo "## $sh -c '$script'"
    echo '```'
    nsenter -t "$pid1" -p -m ps -e -o pid=,ppid=,comm=,args= 2>/dev/null | awk '$3 != "ps" && $3 != "nsenter"' | sed 's/^/  /'
    kill -TERM "$pid1" 2>/dev/null
    sleep 1.5
    if kill -0 "$pid1" 2>/dev/null; then pid1state="PID 1 still running"; else pid1state="PID 1 exited"; fi
    if grep -q 'got SIGTERM' "$log"; then app="app got SIGTERM"; else app="app did NOT get SIGTERM"; fi
    case "$script" in *sleep*) app="(sleep has no SIGTERM handler)";; esac
    echo "  after SIGTERM to PID 1: $app; $pid1state"
    echo '```'
    kill -KILL "$pid1" 2>/dev/null
    wait "$upid" 2>/dev/null
  done
done
