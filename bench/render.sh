#!/usr/bin/env bash
# Render throughput of the content engine, one thread, next to raw commonmark-java on the same posts.
# usage: bench/render.sh [SECONDS_PER_ROUND]     (default 3; five rounds after a warm-up, median printed)
# Corpora: ../shared/bench/gen-corpus.py 1000 (generated once under $WORK), and the 607 posts of
# ../shared/corpora/18f and jekyll-news measured as one set.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$(cd .. && pwd)/shared}
WORK=${WORK:-/tmp/quire-bench}
SECONDS_PER_ROUND=${1:-3}

generated=$WORK/generated-1000
if [ ! -f "$generated/.done" ]; then
  rm -rf "$generated"
  python3 "$SHARED/bench/gen-corpus.py" 1000 "$generated" >&2
  touch "$generated/.done"
fi

./mvnw -B -q -pl platform-core -am test-compile -DskipTests >&2
./mvnw -B -q -pl platform-core dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test >&2
classpath="platform-core/target/test-classes:platform-core/target/classes:$(cat "$WORK/classpath.txt")"

echo "# $(date -u +%F) $(java -version 2>&1 | head -1); $(nproc) cores; -Xmx1g, one thread"
java -Xmx1g -cp "$classpath" org.quire.core.bench.RenderThroughput "$SECONDS_PER_ROUND" \
  "$generated" "$SHARED/corpora/18f+$SHARED/corpora/jekyll-news"
