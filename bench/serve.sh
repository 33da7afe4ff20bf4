#!/usr/bin/env bash
# Serving speed of one post page from the warm page cache, next to nginx serving the same bytes from a file,
# measured in one run on this machine; also the time from start to the first served page and Quire's memory.
# usage: bench/serve.sh            (needs: wrk, nginx — apt-get install -y wrk nginx-light; python3)
# env:   POSTS (1000), DURATION (10s), CONNECTIONS (32), THREADS (2), WORK (/tmp/quire-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$(cd .. && pwd)/shared}
WORK=${WORK:-/tmp/quire-bench}
POSTS=${POSTS:-1000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
QUIRE_PORT=18090
NGINX_PORT=18091
for tool in wrk nginx python3 curl; do
  command -v $tool >/dev/null || { echo "missing: $tool (apt-get install -y wrk nginx-light)" >&2; exit 2; }
done

corpus=$WORK/generated-$POSTS
if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"; python3 "$SHARED/bench/gen-corpus.py" "$POSTS" "$corpus" >&2; touch "$corpus/.done"
fi
[ -f web/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests >&2

for port in $QUIRE_PORT $NGINX_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already taken; stop what runs there" >&2; exit 2; fi
done

site=$WORK/serve-site
rm -rf "$site"; mkdir -p "$site"
cleanup() { [ -n "${quire_pid:-}" ] && kill "$quire_pid" 2>/dev/null; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; true; }
trap cleanup EXIT

start_quire() { # start_quire LOG -> sets quire_pid and started_ms (until the home page answered 200)
  local log=$1 start end
  start=$(date +%s%N)
  (cd "$site" && exec java -Xmx512m -Dquire.http.port=$QUIRE_PORT -Dquire.import.posts-dir="$corpus" \
     -Dquire.admin.password=bench-only-password -jar "$OLDPWD/web/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1) &
  quire_pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$QUIRE_PORT/"; do
    kill -0 $quire_pid 2>/dev/null || { tail -30 "$log" >&2; echo "Quire did not start" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  started_ms=$(( (end - start) / 1000000 ))
}

start_quire "$WORK/quire-first.log"
echo "first start (creates the database, imports $POSTS posts): ${started_ms} ms to the first page"
kill $quire_pid; wait $quire_pid 2>/dev/null || true
start_quire "$WORK/quire-restart.log"
echo "restart (database already filled): ${started_ms} ms to the first page"

# One post page from the middle of the corpus, by the path the content API gives.
page_path=$(curl -fs "http://127.0.0.1:$QUIRE_PORT/api/content/posts?size=1&page=$((POSTS / 2))" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["path"])')
url_path=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$page_path")
curl -fs -o "$WORK/page.html" "http://127.0.0.1:$QUIRE_PORT$url_path"
bytes=$(wc -c < "$WORK/page.html")
echo "page: $page_path ($bytes bytes, served uncompressed to wrk as to nginx)"

root=$WORK/nginx-root
rm -rf "$root"; mkdir -p "$root$page_path"; cp "$WORK/page.html" "$root$page_path/index.html"
cat > "$WORK/nginx.conf" <<CONF
worker_processes $THREADS;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  default_type text/html;
  server { listen 127.0.0.1:$NGINX_PORT; root $root; etag on; }
}
CONF
nginx -c "$WORK/nginx.conf"
curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT$url_path" || { echo "nginx does not serve the page" >&2; exit 1; }

run_wrk() { # run_wrk LABEL PORT
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$2$url_path")
  local rps errors p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  printf '%-8s %10s req/s   p50 %8s   p99 %8s   %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-no errors}" >&2
  echo "$rps"
}
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://127.0.0.1:$QUIRE_PORT$url_path" >/dev/null  # warm the JIT
quire_rps=$(run_wrk quire $QUIRE_PORT)
nginx_rps=$(run_wrk nginx $NGINX_PORT)
rss_kb=$(ps -o rss= -p $quire_pid | tr -d ' ')
python3 - "$quire_rps" "$nginx_rps" "$rss_kb" <<'PY'
import sys
quire, nginx, rss = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"Quire/nginx: {quire / nginx * 100:.0f}% ({quire:,.0f} vs {nginx:,.0f} req/s); Quire resident memory after the run: {rss / 1024:.0f} MiB")
PY
