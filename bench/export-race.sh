#!/usr/bin/env bash
# The race against Hugo (issue #12), in one run on this machine: 10,000 posts from ../shared/bench/gen-corpus.py,
#   (a) Quire's full static export with every post rendered again from its Markdown first, as Hugo does
#       (`quire export --from-markdown`, one JVM: start, render 10,000 posts, render and write every page, exit),
#   (b) Hugo (Debian package `hugo`, ../shared/bench/anchor-hugo.sh's site) building the same posts.
# Prints wall time and peak resident memory of each (GNU time). Quire runs twice: with the JVM's defaults, and with
# BATCH_OPTS, the options README.md gives for one-shot commands (the optimising compiler never pays off in a run of
# seconds; a class-data archive, written by an untimed warm-up export as Hugo gets an untimed warm-up build, saves
# loading the classes again).
# Each timed run writes into a folder that has never existed: outputs of earlier runs are deleted first, before the
# warm-ups, since ext4 allocates inodes slowly next to ones deleted moments before.
# usage: bench/export-race.sh     (needs: hugo, python3, GNU time — apt-get install -y hugo time)
# env:   POSTS (10000), HEAP (-Xmx1g), WORK (/tmp/quire-bench),
#        BATCH_OPTS (-XX:TieredStopAtLevel=1 -XX:+UseParallelGC, plus the class-data archive)
set -euo pipefail
cd "$(dirname "$0")/.."
BATCH_OPTS=${BATCH_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseParallelGC}
for tool in hugo python3 /usr/bin/time; do
  command -v $tool >/dev/null || { echo "missing: $tool (apt-get install -y hugo time)" >&2; exit 2; }
done
. bench/generated-corpus.sh

figures() { # figures LABEL TIMEFILE
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$2")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$2")
  printf '%-52s wall %8s   peak RSS %6d MiB\n' "$1" "$wall" $((rss / 1024))
}

echo "# $(date -u +%F) $(java -version 2>&1 | head -1); $(hugo version | awk '{print $1, $2}'); $(nproc) cores; $POSTS posts"

# The site to export: the posts imported once into a fresh embedded database (not part of the race).
site=$WORK/race-site
if [ ! -f "$site/.imported" ]; then
  rm -rf "$site"; mkdir -p "$site"
  (cd "$site" && java "$HEAP" -Dquire.http.port=0 -Dquire.admin.password=bench-only-password -jar "$jar" \
     import "$corpus" >"$WORK/race-import.log" 2>&1) || { tail -20 "$WORK/race-import.log" >&2; exit 1; }
  touch "$site/.imported"
fi

# Earlier outputs go first, while the warm-ups run; every timed run writes into a new folder.
rm -rf "$site"/out "$site"/out-* "$WORK"/race-hugo
run=$(date +%s)

# Untimed warm-ups: Hugo builds once (file cache), Quire exports once (file cache, and the class-data archive).
hugo_site=$WORK/race-hugo
cp -r "$SHARED/bench/hugo-skel" "$hugo_site"; mkdir -p "$hugo_site/content/posts"
cp -r "$corpus/_posts/." "$hugo_site/content/posts/"
hugo --quiet -s "$hugo_site" -d "$hugo_site/public-warm-up" >/dev/null 2>&1 || true
archive=$WORK/quire-export.jsa
rm -f "$archive"
(cd "$site" && java "$HEAP" $BATCH_OPTS -XX:ArchiveClassesAtExit="$archive" -Dquire.http.port=0 -jar "$jar" \
   export ./out-warm-up-$run >"$WORK/race-warm-up.log" 2>&1) || { tail -20 "$WORK/race-warm-up.log" >&2; exit 1; }

quire() { # quire LABEL TIMEFILE JAVA-OPTIONS...: a full export --from-markdown into a new folder
  local label=$1 timefile=$2 out=./out-$3-$run; shift 3
  (cd "$site" && /usr/bin/time -v -o "$timefile" java "$HEAP" "$@" -Dquire.http.port=0 -jar "$jar" \
     export --from-markdown "$out" >"$WORK/race-quire.log" 2>&1) || { tail -20 "$WORK/race-quire.log" >&2; exit 1; }
  echo "  $label:"
  grep -E "started in|^Rendered|^Exported" "$WORK/race-quire.log" | sed -e 's/.*\(started in [0-9.]*s\).*/\1/' \
    -e 's/^/    /'
  echo "    post pages written: $(find "$site/$out" -path '*/20[0-9][0-9]/*' -name index.html | wc -l)," \
    "files: $(find "$site/$out" -type f | wc -l), size: $(du -sh "$site/$out" | cut -f1)"
}

# (a) Quire, every post rendered again from Markdown, then every page rendered and written.
quire "Quire, JVM defaults" "$WORK/race-quire-time.txt" default
# shellcheck disable=SC2086  # BATCH_OPTS is a list of options
quire "Quire, BATCH_OPTS" "$WORK/race-quire-batch-time.txt" batch $BATCH_OPTS -XX:SharedArchiveFile="$archive"

# (b) Hugo: the same posts in anchor-hugo.sh's site skeleton.
/usr/bin/time -v -o "$WORK/race-hugo-time.txt" hugo --quiet -s "$hugo_site" -d "$hugo_site/public-$run" >/dev/null
echo "  hugo post pages: $(find "$hugo_site/public-$run" -path '*/20[0-9][0-9]/*' -name index.html | wc -l)," \
  "files: $(find "$hugo_site/public-$run" -type f | wc -l), size: $(du -sh "$hugo_site/public-$run" | cut -f1)"

figures "Quire export --from-markdown ($HEAP)" "$WORK/race-quire-time.txt"
figures "Quire export --from-markdown ($HEAP, BATCH_OPTS)" "$WORK/race-quire-batch-time.txt"
figures "Hugo" "$WORK/race-hugo-time.txt"
seconds() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s}'; }
kib() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; }
for label in default batch; do
  timefile=$WORK/race-quire-time.txt; [ $label = batch ] && timefile=$WORK/race-quire-batch-time.txt
  awk -v q="$(seconds "$timefile")" -v h="$(seconds "$WORK/race-hugo-time.txt")" -v qm="$(kib "$timefile")" \
      -v hm="$(kib "$WORK/race-hugo-time.txt")" -v label=$label 'BEGIN {
    printf "target (%s): faster than Hugo %s (%.1fx its time), under half its memory %s (%.0f%% of it)\n", label,
      q < h ? "met" : "NOT met", q / h, qm < hm / 2 ? "met" : "NOT met", 100 * qm / hm }'
done
