#!/usr/bin/env bash
# Reproduces the per-epoch cost table of docs/ml/cnn.md: one epoch of each configuration below on
# the 6,000 training images of mnist10k, each in its own JVM with one PyTorch thread and the JVM
# flags of a trial process. Prints the load average before each run; quote CPU seconds, not wall,
# when the load is above the 2 cores.
#
#   docs/ml/cnn-epoch-time.sh [DATASET]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:-$root/../shared/data/mnist10k.csv.gz}"
"$root/hpo" --help >/dev/null   # build once, outside the timings
cp="$root/hpo4j-cli/target/hpo4j-cli.jar:$root/hpo4j-cli/target/lib/*"
common='"conv1_kernel":3,"conv2_kernel":3,"conv1_stride":1,"conv2_stride":1,"pool1_type":"max",
"pool2_type":"max","pool1_size":2,"pool2_size":2,"dropout":0.0,"optimizer":"adam",
"learning_rate":0.002,"beta1":0.9,"beta2":0.999,"bottleneck_ratio":2,"expansion":4,
"fc_units":128,"batch_size":64,"block_type":"plain","conv1_channels":16,"conv2_channels":32'
while read -r label overrides; do
  echo "== $label (load $(cut -d' ' -f1 /proc/loadavg))"
  # later keys win in Jackson's map, so the overrides replace the common values
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dai.djl.offline=true \
    -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" \
    "$root/docs/ml/CnnEpochTime.java" "$data" 1 "{$common${overrides:+,$overrides}}" 2>&1 \
    | grep -v -e NNPACK -e '^Note:'
done <<'LIST'
plain-16-32-b64
plain-16-32-b32 "batch_size":32
plain-64-64-fc256 "conv1_channels":64,"conv2_channels":64,"fc_units":256
plain-32-64-nopool1 "conv1_channels":32,"conv2_channels":64,"pool1_size":1
plain-32-64-nopool "conv1_channels":32,"conv2_channels":64,"pool1_size":1,"pool2_size":1
plain-32-64-stride2-nopool "conv1_channels":32,"conv2_channels":64,"pool1_size":1,"pool2_size":1,"conv1_stride":2,"conv2_stride":2
plain-32-64-k5 "conv1_channels":32,"conv2_channels":64,"conv1_kernel":5,"conv2_kernel":5
bottleneck-32-64 "block_type":"bottleneck","conv1_channels":32,"conv2_channels":64
inverted-residual-32-64 "block_type":"inverted_residual","conv1_channels":32,"conv2_channels":64
inverted-residual-16-32 "block_type":"inverted_residual"
LIST
