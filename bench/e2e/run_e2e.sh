#!/usr/bin/env bash
# The end-to-end runs behind bench/results/e2e.md: English, Chinese and mixed streams under exactly-once and
# at-least-once (20,000 documents each, the app JVM at -Xmx512m, the broker in its own JVM), their plot, a sweep of
# batch size x stream threads, and one run under Java Flight Recorder with its hot spots.
# Run from the repository root after `./mvnw -B -q -DskipTests -pl bench -am package`.
set -euo pipefail
documents=${DOCUMENTS:-20000}
sweep_documents=${SWEEP_DOCUMENTS:-2000}
out=bench/results
jar=bench/target/glostream-bench.jar
stage=${1:-all}

if [[ $stage == all || $stage == matrix ]]; then
  for mix in mixed en zh; do
    for guarantee in exactly_once_v2 at_least_once; do
      java -Xmx512m -jar "$jar" e2e --documents "$documents" --lang-mix "$mix" --guarantee "$guarantee" \
        --broker-process --json "$out/e2e-$mix-$guarantee.json" > /dev/null
    done
  done
  java -jar "$jar" plot "$out"/e2e-{mixed,en,zh}-{exactly_once_v2,at_least_once}.json --png "$out/e2e.png"
fi

if [[ $stage == all || $stage == sweep ]]; then
  java -Xmx512m -jar "$jar" sweep --documents "$sweep_documents" --latency-seconds 5 --batch-sizes 16,256 \
    --thread-counts 1,2 --broker-process --out "$out/e2e-sweep" > /dev/null
fi

if [[ $stage == all || $stage == profile ]]; then
  java -Xmx512m -XX:StartFlightRecording=filename=target/e2e-profile.jfr,settings=profile -jar "$jar" e2e \
    --documents "$documents" --rate off --broker-process --json target/e2e-profile.json > /dev/null
  java -jar "$jar" jfr-hot target/e2e-profile.jfr --top 30 --thread glostream-bench- > "$out/e2e-profile-hot.txt"
fi
