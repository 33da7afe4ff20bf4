#!/usr/bin/env bash
# Render throughput of the content engine, one thread, next to raw commonmark-java on the same posts, and again
# with every built-in plugin enabled.
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

# The engine with its test classes (the bench and the test host), and the built-in plugins with their libraries,
# so the engine is measured alone and with every built-in plugin enabled.
modules=platform-core,plugins/images,plugins/tags,plugins/rss,plugins/aws-cards
./mvnw -B -q -pl $modules -am test-compile -DskipTests >&2
classpath="platform-core/target/test-classes:platform-core/target/classes"
for module in ${modules//,/ }; do
  ./mvnw -B -q -pl "$module" dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" \
    -Dmdep.includeScope=test >&2
  classpath="$classpath:$module/target/classes:$(cat "$WORK/classpath.txt")"
done

echo "# $(date -u +%F) $(java -version 2>&1 | head -1); $(nproc) cores; -Xmx1g, one thread"
java -Xmx1g -cp "$classpath" org.quire.core.bench.RenderThroughput "$SECONDS_PER_ROUND" \
  "$generated" "$SHARED/corpora/18f+$SHARED/corpora/jekyll-news"
