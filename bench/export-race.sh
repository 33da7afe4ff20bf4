#!/usr/bin/env bash
# The race against Hugo (issue #12), in one run on this machine: 10,000 posts from ../shared/bench/gen-corpus.py,
#   (a) Quire's full static export with every post rendered again from its Markdown first, as Hugo does
#       (`quire export --from-markdown`, one JVM: start, render 10,000 posts, render and write every page, exit),
#   (b) Hugo (Debian package `hugo`, ../shared/bench/anchor-hugo.sh's site) building the same posts.
# Prints wall time and peak resident memory of each (GNU time).
# usage: bench/export-race.sh     (needs: hugo, python3, GNU time — apt-get install -y hugo time)
# env:   POSTS (10000), HEAP (-Xmx1g), WORK (/tmp/quire-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$(cd .. && pwd)/shared}
WORK=${WORK:-/tmp/quire-bench}
POSTS=${POSTS:-10000}
HEAP=${HEAP:--Xmx1g}
for tool in hugo python3 /usr/bin/time; do
  command -v $tool >/dev/null || { echo "missing: $tool (apt-get install -y hugo time)" >&2; exit 2; }
done
mkdir -p "$WORK"
corpus=$WORK/generated-$POSTS
if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"; python3 "$SHARED/bench/gen-corpus.py" "$POSTS" "$corpus" >&2; touch "$corpus/.done"
fi
[ -f web/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests >&2
jar="$PWD/web/target/quarkus-app/quarkus-run.jar"

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

# (a) Quire: the export writes every file again into an empty folder.
rm -rf "$site/out"
(cd "$site" && /usr/bin/time -v -o "$WORK/race-quire-time.txt" java "$HEAP" -Dquire.http.port=0 -jar "$jar" \
   export --from-markdown ./out >"$WORK/race-quire.log" 2>&1) || { tail -20 "$WORK/race-quire.log" >&2; exit 1; }
grep -E "^Rendered|^Exported" "$WORK/race-quire.log" | sed 's/^/  /'
posts=$(find "$site/out" -path '*/20[0-9][0-9]/*' -name index.html | wc -l)
echo "  post pages written: $posts, files: $(find "$site/out" -type f | wc -l), size: $(du -sh "$site/out" | cut -f1)"

# (b) Hugo: the same posts in anchor-hugo.sh's site skeleton.
hugo_site=$WORK/race-hugo
rm -rf "$hugo_site"; cp -r "$SHARED/bench/hugo-skel" "$hugo_site"; mkdir -p "$hugo_site/content/posts"
cp -r "$corpus/_posts/." "$hugo_site/content/posts/"
hugo --quiet -s "$hugo_site" -d "$hugo_site/public" >/dev/null 2>&1 || true   # warm-up: file cache, as for Quire's import
rm -rf "$hugo_site/public"
/usr/bin/time -v -o "$WORK/race-hugo-time.txt" hugo --quiet -s "$hugo_site" -d "$hugo_site/public" >/dev/null
echo "  hugo post pages: $(find "$hugo_site/public" -path '*/20[0-9][0-9]/*' -name index.html | wc -l)"

figures "Quire export --from-markdown ($HEAP)" "$WORK/race-quire-time.txt"
figures "Hugo" "$WORK/race-hugo-time.txt"
