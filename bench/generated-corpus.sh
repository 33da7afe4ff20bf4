# Sourced from the repository's root by the benchmarks that run the packaged jar on posts from
# ../shared/bench/gen-corpus.py (import.sh, export-race.sh): their settings, the posts (generated once per count
# and kept under WORK), and the jar (built if missing).
# Sets: SHARED WORK POSTS HEAP corpus jar.      env: SHARED, WORK (/tmp/quire-bench), POSTS (10000), HEAP (-Xmx1g)
SHARED=${SHARED:-$(cd .. && pwd)/shared}
WORK=${WORK:-/tmp/quire-bench}
POSTS=${POSTS:-10000}
HEAP=${HEAP:--Xmx1g}
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
mkdir -p "$WORK"
corpus=$WORK/generated-$POSTS
if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"; python3 "$SHARED/bench/gen-corpus.py" "$POSTS" "$corpus" >&2; touch "$corpus/.done"
fi
[ -f web/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests >&2
jar="$PWD/web/target/quarkus-app/quarkus-run.jar"
