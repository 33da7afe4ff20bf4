#!/usr/bin/env bash
# The race against Hugo (issue #12), in one run on this machine: 10,000 posts from ../shared/bench/gen-corpus.py,
#   (a) Quire's full static export with every post rendered again from its Markdown first, as Hugo does: by the
#       one-shot command (`quire export --from-markdown`, one JVM: start, render 10,000 posts, render and write every
#       page, exit), and by a running server whose caches the export clears first (see below),
#   (b) Hugo (Debian package `hugo`, ../shared/bench/anchor-hugo.sh's site) building the same posts.
# Prints wall time and peak resident memory of each (GNU time), run RUNS times. Quire runs three ways:
#   - the one-shot command with the JVM's defaults;
#   - the one-shot command with BATCH_OPTS, the options README.md gives for one-shot commands (the optimising
#     compiler never pays off in a run of seconds; a class-data archive, written by an untimed warm-up export as Hugo
#     gets an untimed warm-up build, saves loading the classes again);
#   - a running server (SERVER_OPTS), exporting from the admin's export page with "render every post from its
#     Markdown first": the server drops every cached page and what plugins cache first, then renders as the command
#     does. Timed from the request to the page saying it is done (polled every 50 ms), after SERVER_WARMUPS untimed
#     exports, in which the JIT compiles the hot code; its peak resident memory is reset when each
#     export starts (/proc/PID/clear_refs), so it is the process's peak during that export.
# Each timed run writes into a folder that has never existed, on an ext4 file system made for the run when the script
# runs as root (see below).
# usage: bench/export-race.sh     (needs: hugo, python3, curl, GNU time — apt-get install -y hugo time curl)
# env:   POSTS (10000), HEAP (-Xmx1g), WORK (/tmp/quire-bench), RUNS (3: timed runs of each contender),
#        BATCH_OPTS (-XX:TieredStopAtLevel=1 -XX:+UseParallelGC, plus the class-data archive),
#        SERVER_OPTS (-Xmx640m -XX:+UseParallelGC), SERVER_WARMUPS (2), SERVER_PORT (18090)
set -euo pipefail
cd "$(dirname "$0")/.."
BATCH_OPTS=${BATCH_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseParallelGC}
SERVER_OPTS=${SERVER_OPTS:--Xmx640m -XX:+UseParallelGC}
SERVER_WARMUPS=${SERVER_WARMUPS:-2}
SERVER_PORT=${SERVER_PORT:-18090}
RUNS=${RUNS:-3}
for tool in hugo python3 /usr/bin/time curl; do
  command -v $tool >/dev/null || { echo "missing: $tool (apt-get install -y hugo time curl)" >&2; exit 2; }
done
. bench/generated-corpus.sh

echo "# $(date -u +%F) $(java -version 2>&1 | head -1); $(hugo version | awk '{print $1, $2}'); $(nproc) cores; $POSTS posts"

# The site to export: the posts imported once into a fresh embedded database (not part of the race).
site=$WORK/race-site
if [ ! -f "$site/.imported" ]; then
  rm -rf "$site"; mkdir -p "$site"
  (cd "$site" && java "$HEAP" -Dquire.http.port=0 -Dquire.admin.password=bench-only-password -jar "$jar" \
     import "$corpus" >"$WORK/race-import.log" 2>&1) || { tail -20 "$WORK/race-import.log" >&2; exit 1; }
  touch "$site/.imported"
fi

# Where the outputs go: a file system made for this run, when the script may make one (as root), so that neither
# contender pays for what earlier runs left behind. On a file system without a journal, as this machine's disk is,
# ext4 skips the inodes deleted in the last minutes one by one when it makes a file: right after `rm -rf` of an
# earlier export, writing 16,000 files took seconds more in the kernel. Otherwise the outputs go under WORK, earlier
# ones are deleted first, and every timed run still writes into a new folder.
out=$WORK/race-out
server_pid=""
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi; }
trap stop_server EXIT
rm -rf "$site"/out "$site"/out-* "$WORK"/race-hugo
if mountpoint -q "$out"; then umount "$out"; fi
rm -rf "$out" "$WORK/race-out.img"; mkdir -p "$out"
if [ "$(id -u)" = 0 ] && command -v mkfs.ext4 >/dev/null; then
  truncate -s 8G "$WORK/race-out.img" && mkfs.ext4 -q -F "$WORK/race-out.img" && mount -o loop "$WORK/race-out.img" "$out"
  trap 'stop_server; umount "$out"; rm -f "$WORK/race-out.img"' EXIT
  echo "# outputs on a new ext4 file system (journaled, as mkfs.ext4 makes it) mounted at $out"
else
  echo "# outputs under $out on the working disk (not root: no file system of its own)"
fi
run=$(date +%s)

# Untimed warm-ups: Hugo builds once (file cache), Quire exports once (file cache, and the class-data archive).
hugo_site=$WORK/race-hugo
cp -r "$SHARED/bench/hugo-skel" "$hugo_site"; mkdir -p "$hugo_site/content/posts"
cp -r "$corpus/_posts/." "$hugo_site/content/posts/"
hugo --quiet -s "$hugo_site" -d "$out/hugo-warm-up" >/dev/null 2>&1 || true
archive=$WORK/quire-export.jsa
rm -f "$archive"
(cd "$site" && java "$HEAP" $BATCH_OPTS -XX:ArchiveClassesAtExit="$archive" -Dquire.http.port=0 -jar "$jar" \
   export "$out/quire-warm-up" >"$WORK/race-warm-up.log" 2>&1) || { tail -20 "$WORK/race-warm-up.log" >&2; exit 1; }

quire() { # quire LABEL TIMEFILE JAVA-OPTIONS...: a full export --from-markdown into a new folder
  local label=$1 timefile=$2 folder=$out/quire-$3-$run; shift 3
  (cd "$site" && /usr/bin/time -v -o "$timefile" java "$HEAP" "$@" -Dquire.http.port=0 -jar "$jar" \
     export --from-markdown "$folder" >"$WORK/race-quire.log" 2>&1) || { tail -20 "$WORK/race-quire.log" >&2; exit 1; }
  echo "  $label:"
  grep -E "started in|^Rendered|^Exported" "$WORK/race-quire.log" | sed -e 's/.*\(started in [0-9.]*s\).*/\1/' \
    -e 's/^/    /'
  echo "    post pages written: $(find "$folder" -path '*/20[0-9][0-9]/*' -name index.html | wc -l)," \
    "files: $(find "$folder" -type f | wc -l), size: $(du -sh "$folder" | cut -f1)"
}

# Each contender runs RUNS times, in turns, so that a slow spell of this shared machine falls on all of them; the
# median of each is what the targets are checked against.
hugo_run() { # hugo_run TIMEFILE FOLDER
  /usr/bin/time -v -o "$1" hugo --quiet -s "$hugo_site" -d "$2" >/dev/null
  echo "  Hugo: post pages: $(find "$2" -path '*/20[0-9][0-9]/*' -name index.html | wc -l)," \
    "files: $(find "$2" -type f | wc -l), size: $(du -sh "$2" | cut -f1)"
}
# The server: started on a copy of the site (the embedded database is one process's at a time), the administrator
# signed in (the import's first run made it), warmed up.
server_site=$WORK/race-site-server
rm -rf "$server_site"; cp -a "$site" "$server_site"
base=http://127.0.0.1:$SERVER_PORT
cookies=$WORK/race-server.cookies
server_export=$out/server-export
# shellcheck disable=SC2086  # SERVER_OPTS is a list of options
(cd "$server_site" && exec java $SERVER_OPTS -Dquire.http.port="$SERVER_PORT" -Dquire.export.dir="$server_export" \
   -jar "$jar" >"$WORK/race-server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 300); do curl -fsS -o /dev/null "$base/q/health/ready" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "$base/q/health/ready" || { tail -20 "$WORK/race-server.log" >&2; echo "the server did not start" >&2; exit 1; }
csrf() { curl -fsS -b "$cookies" -c "$cookies" "$base$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
rm -f "$cookies"
status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$cookies" -c "$cookies" --data-urlencode "_csrf=$(csrf /admin/sign-in)" \
  --data-urlencode login=admin --data-urlencode password=bench-only-password --data-urlencode then=/admin/ \
  "$base/admin/sign-in")
[ "$status" = 303 ] || { echo "signing in to the server answered $status, not 303" >&2; exit 1; }
server_peak_kib=0   # the server's peak resident memory since it started, across the resets
server_run() { # server_run TIMEFILE: one export from the admin page into a folder that does not exist yet
  if [ -d "$server_export" ]; then mv "$server_export" "$out/server-done-$run-$RANDOM$RANDOM"; fi
  local token started finished page
  token=$(csrf /admin/export)
  local hwm; hwm=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
  server_peak_kib=$(( hwm > server_peak_kib ? hwm : server_peak_kib ))
  echo 5 >"/proc/$server_pid/clear_refs"   # the peak resident memory starts again from what is resident now
  started=$(date +%s%N)
  curl -fsS -o /dev/null -b "$cookies" --data-urlencode "_csrf=$token" --data-urlencode fromMarkdown=on "$base/admin/export"
  while page=$(curl -fsS -b "$cookies" "$base/admin/export") && grep -q 'Exporting;' <<<"$page"; do sleep 0.05; done
  finished=$(date +%s%N)
  grep -q 'id="export-done"' <<<"$page" || { tail -20 "$WORK/race-server.log" >&2; echo "the server's export failed" >&2; exit 1; }
  # In GNU time's words, for the summary below.
  awk -v ns=$(( finished - started )) -v kib="$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")" 'BEGIN {
    printf "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:%05.2f\nMaximum resident set size (kbytes): %d\n", ns / 1e9, kib }' >"$1"
  echo "  Quire server: $(sed -n 's/.*id="export-done">\([^<]*\)<.*/\1/p' <<<"$page")"
}
for i in $(seq 1 "$SERVER_WARMUPS"); do server_run "$WORK/race-server-warm-up-$i.time" >/dev/null; done

for i in $(seq 1 "$RUNS"); do
  echo "round $i of $RUNS"
  # (a) Quire, every post rendered again from Markdown, then every page rendered and written.
  quire "Quire, JVM defaults" "$WORK/race-default-$i.time" default-$i
  # shellcheck disable=SC2086  # BATCH_OPTS is a list of options
  quire "Quire, BATCH_OPTS" "$WORK/race-batch-$i.time" batch-$i $BATCH_OPTS -XX:SharedArchiveFile="$archive"
  server_run "$WORK/race-server-$i.time"
  # (b) Hugo: the same posts in anchor-hugo.sh's site skeleton.
  hugo_run "$WORK/race-hugo-$i.time" "$out/hugo-$run-$i"
done

seconds() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s}'; }
kib() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; }
median() { sort -n | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
declare -A wall rss
for who in default batch server hugo; do
  runs=""
  for i in $(seq 1 "$RUNS"); do runs="$runs $(seconds "$WORK/race-$who-$i.time")s/$(( $(kib "$WORK/race-$who-$i.time") / 1024 ))MiB"; done
  wall[$who]=$(for i in $(seq 1 "$RUNS"); do seconds "$WORK/race-$who-$i.time"; done | median)
  rss[$who]=$(for i in $(seq 1 "$RUNS"); do kib "$WORK/race-$who-$i.time"; done | median)
  case $who in
    default) label="Quire export --from-markdown ($HEAP)" ;;
    batch) label="Quire export --from-markdown ($HEAP, BATCH_OPTS)" ;;
    server) label="Quire server, admin export ($SERVER_OPTS)" ;;
    hugo) label="Hugo" ;;
  esac
  printf '%-58s median wall %6.2f s   peak RSS %5d MiB   (runs:%s)\n' "$label" "${wall[$who]}" \
    $(( ${rss[$who]%.*} / 1024 )) "$runs"
done
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
echo "server: $SERVER_WARMUPS untimed exports before the timed ones took" \
  "$(for i in $(seq 1 "$SERVER_WARMUPS"); do echo -n "$(seconds "$WORK/race-server-warm-up-$i.time") s "; done)(its" \
  "start-up: $(grep -o 'started in [0-9.]*s' "$WORK/race-server.log"));" \
  "its peak RSS since it started: $(( (hwm > server_peak_kib ? hwm : server_peak_kib) / 1024 )) MiB"
for who in default batch server; do
  awk -v q="${wall[$who]}" -v h="${wall[hugo]}" -v qm="${rss[$who]}" -v hm="${rss[hugo]}" -v label=$who 'BEGIN {
    printf "target (%s): faster than Hugo %s (%.1fx its time), under half its memory %s (%.0f%% of it)\n", label,
      q < h ? "met" : "NOT met", q / h, qm < hm / 2 ? "met" : "NOT met", 100 * qm / hm }'
done
