#!/usr/bin/env bash
# The images plugin: variants per second made from 1600 x 1000 JPEG photos (one thread), and the peak memory of a
# process that processes one 6000 x 4000 JPEG, run with a 256 MiB heap, as the plugin's tests are.
# usage: bench/images.sh [SECONDS_PER_ROUND]     (default 3; five rounds after a warm-up, median printed)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/quire-bench}
SECONDS_PER_ROUND=${1:-3}
mkdir -p "$WORK"

./mvnw -B -q -pl plugins/images -am test-compile -DskipTests >&2
./mvnw -B -q -pl plugins/images dependency:build-classpath -Dmdep.outputFile="$WORK/images-classpath.txt" \
  -Dmdep.includeScope=test >&2
classpath="plugins/images/target/test-classes:plugins/images/target/classes:$(cat "$WORK/images-classpath.txt")"
bench=org.quire.plugin.images.bench.ImageBench

echo "# $(date -u +%F) $(java -version 2>&1 | head -1); $(nproc) cores"
java -Xmx1g -cp "$classpath" $bench throughput "$SECONDS_PER_ROUND"
large=$WORK/photo-6000x4000.jpg
[ -f "$large" ] || java -Xmx1g -cp "$classpath" $bench write "$large"
java -Xmx256m -cp "$classpath" $bench memory "$large"
