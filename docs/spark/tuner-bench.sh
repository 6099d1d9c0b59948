#!/usr/bin/env bash
# HpoTuner vs CrossValidator (see hpo4j-spark/src/test/java/org/hpo4j/spark/bench/TunerBenchmark.java).
# Usage, from the repository root: docs/spark/tuner-bench.sh [SEED...]   (default seeds 0 1 2 3 4)
# Prints TSV rows; docs/spark/tuner-bench.md has a table of a run. Not a test: slow (minutes per seed).
set -euo pipefail
cd "$(dirname "$0")/../.."
seeds=("${@:-0 1 2 3 4}")
mvn -B -q -o -pl hpo4j-spark -am test-compile dependency:build-classpath -Dmdep.outputFile=target/spark-bench.cp \
  -Dmdep.includeScope=test >/dev/null
cp="hpo4j-spark/target/test-classes:hpo4j-spark/target/classes:$(cat hpo4j-spark/target/spark-bench.cp)"
opens=$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' hpo4j-spark/pom.xml)
exec nice -n 10 java -Xmx2g $opens -cp "$cp" org.hpo4j.spark.bench.TunerBenchmark ../shared/data ${seeds[@]}
