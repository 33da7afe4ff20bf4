#!/usr/bin/env bash
# Import speed and peak memory: `quire import` of N generated Jekyll posts into a fresh embedded H2 database.
# usage: bench/import.sh            (needs python3 and GNU time: apt-get install -y time)
# env:   POSTS (10000), HEAP (-Xmx1g), WORK (/tmp/quire-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/generated-corpus.sh

site=$WORK/import-site
rm -rf "$site"; mkdir -p "$site"
echo "# $(date -u +%F) $(java -version 2>&1 | head -1); $(nproc) cores; $HEAP; $POSTS posts ($(du -sh "$corpus/_posts" | cut -f1))"
(cd "$site" && /usr/bin/time -v -o "$WORK/import-time.txt" java "$HEAP" -Dquire.http.port=0 \
   -Dquire.admin.password=bench-only-password -jar "$jar" \
   import "$corpus" >"$WORK/import.log" 2>&1) || { tail -20 "$WORK/import.log" >&2; exit 1; }
grep -E "^Imported|imported|failed" "$WORK/import.log" | tail -2
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/import-time.txt")
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/import-time.txt")
echo "wall clock (JVM start, first-run setup, import, exit): $wall"
echo "peak resident memory: $((rss_kb / 1024)) MiB"
echo "database on disk: $(du -sh "$site/data/db" | cut -f1)"
