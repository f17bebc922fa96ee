#!/usr/bin/env bash
# Stops the code-server that start.sh started in RUN_DIR, and only that one: the process
# group it leads (server, extension host, file watcher, pty host), by the pid it recorded.
# Usage: stop.sh RUN_DIR     (does nothing when nothing runs there)
RUN=${1:?usage: stop.sh RUN_DIR}
[ -f "$RUN/cs.pid" ] || exit 0
RUN=$(cd "$RUN" && pwd)
pg=$(cat "$RUN/cs.pid")
rm -f "$RUN/cs.pid"
case "$pg" in ''|*[!0-9]*) exit 0 ;; esac
# A pid file left from long ago may name a process that is no longer ours: the leader we
# started carries our --config path. (A group whose leader died cannot have been reused.)
leader=$(tr '\0' ' ' < "/proc/$pg/cmdline" 2>/dev/null || true)
case "$leader" in ''|*"$RUN/config.yaml"*) ;; *) exit 0 ;; esac
kill -TERM -- "-$pg" 2>/dev/null || exit 0
for _ in $(seq 1 30); do
  kill -0 -- "-$pg" 2>/dev/null || exit 0
  sleep 0.1
done
kill -KILL -- "-$pg" 2>/dev/null
exit 0
