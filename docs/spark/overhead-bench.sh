#!/usr/bin/env bash
# Per-trial overhead of SparkOptimizer's task path with a trivial objective
# (hpo4j-spark/src/test/java/org/hpo4j/spark/bench/TaskOverheadBenchmark.java).
# Usage, from the repository root: docs/spark/overhead-bench.sh [MASTER] [TRIALS] [PARALLELISM]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl hpo4j-spark -am test-compile dependency:build-classpath -Dmdep.outputFile=target/spark-bench.cp \
  -Dmdep.includeScope=test >/dev/null
cp="hpo4j-spark/target/test-classes:hpo4j-spark/target/classes:$(cat hpo4j-spark/target/spark-bench.cp)"
opens=$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' hpo4j-spark/pom.xml)
exec nice -n 10 java -Xmx1g $opens -cp "$cp" org.hpo4j.spark.bench.TaskOverheadBenchmark "${1:-local[2]}" "${2:-200}" "${3:-2}"
