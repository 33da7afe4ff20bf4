#!/usr/bin/env bash
# Load: wrk on loopback against a post page, a tag page, the feeds and the content API of a site with 1,000
# imported posts, at 32 and 256 connections; every request must succeed (no non-2xx/3xx answer, no socket error).
# Prints req/s, p50 and p99 per target and connection count, and the server process's peak resident memory.
#
# usage: bench/load.sh short|full [QUARKUS_APP]
#   short: 200 posts, 3 s per run (for CI);  full: 1,000 posts, 30 s per run (the issue's figures)
#   QUARKUS_APP: the built application folder (default web/target/quarkus-app)
# env:   POSTS, DURATION (e.g. 30s), WARMUP (e.g. 5s), PORT (18310), JAVA_OPTS (-Xmx512m),
#        WRK_TIMEOUT (10s, in whole seconds: a slower request counts as a socket error), SHARED (../shared)
# needs: wrk (apt-get install -y wrk), java 17+, python3, curl
set -Eeuo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
fail() { echo "load: FAIL: $*" >&2; exit 1; }
trap 'echo "load: FAIL: unexpected error (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

mode=${1:-}
case "$mode" in
  short) posts=${POSTS:-200}; duration=${DURATION:-3s}; warmup=${WARMUP:-2s} ;;
  full) posts=${POSTS:-1000}; duration=${DURATION:-30s}; warmup=${WARMUP:-5s} ;;
  *) echo "usage: bench/load.sh short|full [quarkus-app folder]" >&2; exit 2 ;;
esac
app=$(cd "${2:-web/target/quarkus-app}" 2>/dev/null && pwd) || fail "no application folder ${2:-web/target/quarkus-app}"
[ -f "$app/quarkus-run.jar" ] || fail "no quarkus-run.jar in $app (build with ./mvnw package -DskipTests)"
shared=${SHARED:-$(cd "$repo/.." && pwd)/shared}
[ -f "$shared/bench/gen-corpus.py" ] || fail "no corpus generator at $shared/bench/gen-corpus.py"
for tool in wrk java python3 curl; do command -v $tool >/dev/null || fail "$tool is not installed"; done
port=${PORT:-18310}
java_opts=${JAVA_OPTS:--Xmx512m}
wrk_timeout=${WRK_TIMEOUT:-10s}
connection_counts=(32 256)
base=http://127.0.0.1:$port
curl -s -o /dev/null "$base/" && fail "port $port is already taken (set PORT)"

# 256 connections from wrk plus 256 accepted by the server, in one machine: more than a 1024 descriptor limit.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge 4096 ] \
  || fail "cannot raise the open-file limit to 4096 (ulimit -n is $(ulimit -n))"

work=$(mktemp -d /tmp/quire-load.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_server() { # the server, in its own working folder (it keeps ./data there); sets server_pid
  (cd "$work" && exec java $java_opts -Dquire.http.port="$port" -jar "$app/quarkus-run.jar" >"$work/server.log" 2>&1) &
  server_pid=$!
  wait_ready
}

wait_ready() { # /q/health/ready includes the database
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$base/q/health/ready" 2>/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || { tail -30 "$work/server.log" >&2; fail "the server exited while starting"; }
    sleep 0.5
  done
  tail -30 "$work/server.log" >&2
  fail "the server did not become ready on port $port within 60 s"
}

echo "== machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)),"\
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM; $(java -version 2>&1 | head -1);"\
  "$({ wrk --version 2>&1 || true; } | head -1 | cut -d' ' -f1-2); commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"
echo "== mode $mode: $posts posts, $duration per run after a $warmup warm-up per target, wrk -t2 --timeout $wrk_timeout;"\
  "server $java_opts; wrk and the server share the machine's cores"

echo "== generating $posts posts and importing them with 'quire import'"
python3 "$shared/bench/gen-corpus.py" "$posts" "$work/corpus" >"$work/gen.log" 2>&1 \
  || { cat "$work/gen.log" >&2; fail "gen-corpus.py failed"; }
started=$(date +%s)
(cd "$work" && java $java_opts -Dquire.http.port=0 -jar "$app/quarkus-run.jar" import "$work/corpus" \
   >"$work/import.log" 2>&1) || { tail -20 "$work/import.log" >&2; fail "quire import failed"; }
summary=$(grep -a "posts from $work/corpus:" "$work/import.log" || true)
[[ "$summary" == *"$posts imported, 0 updated, 0 unchanged, 0 failed"* ]] \
  || fail "the import did not import all $posts posts: ${summary:-no summary line in the log}"
echo "   $summary ($(( $(date +%s) - started )) s)"

echo "== starting the server on port $port"
start_server

# Real addresses, taken from the running site rather than guessed.
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
post_path=$(curl -fsS "$base/api/content/posts?size=1&page=$(( posts / 2 ))" | json 'd["items"][0]["path"]') \
  || fail "the content API did not list the posts"
tag_path=/tags/$(curl -fsS "$base/api/content/tags" | json 'd[0]["urlForm"]')/ || fail "the content API lists no tags"
# The feeds the home page announces (<link rel="alternate" ...>): RSS, Atom and JSON Feed from the rss plugin.
mapfile -t feed_paths < <(curl -fsS "$base/" | grep -o '<link rel="alternate"[^>]*>' | sed -n 's/.*href="\([^"]*\)".*/\1/p')
[ ${#feed_paths[@]} -gt 0 ] || fail "the home page links no feed"
api_path="/api/content/posts?page=1&size=20"
targets=("$post_path" "$tag_path" "${feed_paths[@]}" "$api_path")
for path in "${targets[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  [ "$status" = 200 ] || fail "$path answers $status before the load, not 200"
done

printf '\n%-52s %5s %10s %10s %10s %9s %s\n' target conns req/s p50 p99 non-2xx/3xx "socket errors"
errors=0
for path in "${targets[@]}"; do
  wrk -t2 -c32 -d"$warmup" "$base$path" >/dev/null  # warm the JIT and the page cache first
  for connections in "${connection_counts[@]}"; do
    out=$(wrk -t2 -c"$connections" -d"$duration" --timeout "$wrk_timeout" --latency "$base$path") \
      || fail "wrk failed against $path"
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
    # "Socket errors: connect 0, read 0, write 0, timeout 0"
    socket=$(sed -n 's/.*Socket errors: //p' <<<"$out")
    socket_total=$(tr -cs '0-9' ' ' <<<"${socket:-0}" | awk '{s=0; for (i=1;i<=NF;i++) s+=$i; print s}')
    printf '%-52s %5s %10s %10s %10s %9s %s\n' "$path" "$connections" "$rps" "$p50" "$p99" "${non2xx:-0}" \
      "${socket:-none}"
    [ "${requests:-0}" -gt 0 ] || { echo "$out" >&2; fail "wrk made no request to $path"; }
    errors=$(( errors + ${non2xx:-0} + socket_total ))
  done
done

kill -0 "$server_pid" 2>/dev/null || fail "the server died during the load"
# VmHWM: the peak resident set size of the server process over its whole life (import excluded: another JVM).
peak_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status")
rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '\nserver process: peak resident memory (VmHWM) %d MiB, resident now %d MiB (%s)\n' \
  $(( peak_kb / 1024 )) $(( rss_kb / 1024 )) "$java_opts"
[ "$errors" -eq 0 ] || fail "$errors requests failed (non-2xx/3xx answers or socket errors, see the table)"
echo "no request failed"
