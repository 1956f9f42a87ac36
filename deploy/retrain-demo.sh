#!/usr/bin/env bash
# The retraining loop of deploy/k8s/retrain-cronjob.yaml, on this machine and without Docker:
#   1. start the stream app on the embedded broker, serving sample/bundle;
#   2. fit a small model on sample/ec_news, its topics aligned to the serving bundle (--align-to);
#   3. verify it, then announce it on the control topic with publish-model;
#   4. show the running app swapping to it (its log line, /metrics glostream_model_info, and two documents
#      sent with `produce` and read back with `tail`, tagged by the new version);
#   5. roll back: announce sample/bundle again and show the swap back (the runbook's rollback).
#
# Build first: ./mvnw -B -q -DskipTests package
# Usage: deploy/retrain-demo.sh            (EPOCHS=10 and WORK=target/retrain-demo by default)
# The embedded broker listens on a free port; `run` prints it ("serving ... on HOST:PORT"), and this
# script reads it from there, so nothing has to be configured.
set -euo pipefail

cd "$(dirname "$0")/.."
STREAM_JAR=stream-app/target/glostream-stream.jar
TRAINER_JAR=trainer/target/glostream-trainer.jar
EPOCHS=${EPOCHS:-10}
WORK=${WORK:-target/retrain-demo}
CURRENT=sample/bundle
MODEL_NAME=gloctm-en-zh-sample
VERSION=retrain-$(date -u +%H%M%S)   # short enough for the model column of `tail --format table`
BUNDLE=$WORK/bundles/$VERSION

for jar in "$STREAM_JAR" "$TRAINER_JAR"; do
  if [[ ! -f $jar ]]; then
    echo "retrain-demo: $jar is missing; build first: ./mvnw -B -q -DskipTests package" >&2
    exit 2
  fi
done
command -v curl >/dev/null || { echo "retrain-demo: needs curl" >&2; exit 2; }

rm -rf "$WORK"
mkdir -p "$WORK/bundles"
APP_LOG=$WORK/stream-app.log
APP_PID=

stop_app() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap stop_app EXIT

step() { printf '\n==> %s\n' "$*"; }

# Waits up to $2 seconds for the extended regex $1 in the app log.
await_log() {
  local pattern=$1 seconds=$2
  for ((i = 0; i < seconds * 2; i++)); do
    if grep -Eq "$pattern" "$APP_LOG"; then
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "retrain-demo: the stream app stopped; its log:" >&2
      cat "$APP_LOG" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "retrain-demo: no '$pattern' in $APP_LOG after ${seconds}s" >&2
  exit 1
}

# Sends one English and one Chinese test document with ids <label>-en and <label>-zh, then shows how the
# app tagged them (the model column names the version that served them). The two are the test lines with
# the most words in sample/bundle's 400-word vocabularies, so their topics are more than the prior's.
TAGGED=0
tag_two() {
  local label=$1 docs=$WORK/docs-$1.jsonl
  sed -n 46p sample/ec_news/en.test.jsonl | sed -E "s/\"id\": \"[^\"]*\"/\"id\": \"$label-en\"/" >"$docs"
  sed -n 96p sample/ec_news/zh.test.jsonl | sed -E "s/\"id\": \"[^\"]*\"/\"id\": \"$label-zh\"/" >>"$docs"
  java -jar "$STREAM_JAR" produce --bootstrap-servers "$BOOTSTRAP" --input "$docs" --format jsonl >"$WORK/produce-$label.log" 2>&1 \
    || { cat "$WORK/produce-$label.log" >&2; exit 1; }
  TAGGED=$((TAGGED + 2))
  echo "   two documents, as tagged (tail --format table):"
  java -jar "$STREAM_JAR" tail --bootstrap-servers "$BOOTSTRAP" --from-beginning --max "$TAGGED" --idle-timeout 60s \
    --format table 2>/dev/null | awk -v label="$label" 'NR == 1 || index($0, label "-")' | cut -c1-150 | sed 's/^/   /'
}

model_info() {
  curl -fsS "http://127.0.0.1:$HTTP_PORT/metrics" | grep -E '^glostream_model_(info|swaps_total|refused_total)' | sed 's/^/   /'
}

step "start the stream app on the embedded broker, serving $CURRENT"
java -jar "$STREAM_JAR" run --model "$CURRENT" --set http.port=0 --set embedded.partitions=1 >"$APP_LOG" 2>&1 &
APP_PID=$!
await_log '^endpoints: http://' 120
grep -E '^(glostream-stream serving|endpoints:)' "$APP_LOG" | sed 's/^/   /'
BOOTSTRAP=$(sed -nE 's/^glostream-stream serving .* on ([^ ]+): .*/\1/p' "$APP_LOG")
HTTP_PORT=$(sed -nE 's#^endpoints: http://[^:]+:([0-9]+)/.*#\1#p' "$APP_LOG")
for ((i = 0; i < 120; i++)); do
  curl -fsS "http://127.0.0.1:$HTTP_PORT/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
echo "   /ready: $(curl -sS "http://127.0.0.1:$HTTP_PORT/ready")"
echo "   /metrics now:"
model_info
tag_two before

step "fit $VERSION on sample/ec_news ($EPOCHS epochs), topic ids aligned to $CURRENT"
java -jar "$TRAINER_JAR" fit --data sample/ec_news --pretokenized --max-vocab 400 --topics 10 --epochs "$EPOCHS" \
  --batch-size 32 --seed 1 --no-eval --model-name "$MODEL_NAME" --model-version "$VERSION" \
  --align-to "$CURRENT" --checkpoint "$WORK/$VERSION.checkpoint" --out "$BUNDLE" >"$WORK/fit.log" 2>&1 \
  || { cat "$WORK/fit.log" >&2; exit 1; }
# The progress bar redraws itself: keep its final state and the summary lines, not DJL's start-up log.
tr '\r' '\n' <"$WORK/fit.log" | grep -v '^\s*$' | awk '/^ *train \[/ { bar = $0; next } /^\[main\]/ { next } { if (bar) { print bar; bar = "" } print } END { if (bar) print bar }' \
  | tail -n 12 | sed 's/^/   /'

step "verify $BUNDLE"
java -jar "$TRAINER_JAR" verify "$BUNDLE" | sed 's/^/   /'

step "publish-model: announce $VERSION on the control topic of $BOOTSTRAP"
java -jar "$STREAM_JAR" publish-model --bootstrap-servers "$BOOTSTRAP" --bundle "$BUNDLE" | sed 's/^/   /'
await_log "model $MODEL_NAME swapped: [^ ]+ -> $VERSION" 60
echo "   stream app log:"
grep -E "model $MODEL_NAME swapped" "$APP_LOG" | sed -E 's/^[0-9:.]+ \[[^]]*\] /   /'
echo "   /metrics now:"
model_info
tag_two retrained

step "roll back: announce the previous bundle ($CURRENT) again"
java -jar "$STREAM_JAR" publish-model --bootstrap-servers "$BOOTSTRAP" --bundle "$CURRENT" | sed 's/^/   /'
await_log "model $MODEL_NAME swapped: $VERSION -> " 60
echo "   stream app log:"
grep -E "model $MODEL_NAME swapped" "$APP_LOG" | sed -E 's/^[0-9:.]+ \[[^]]*\] /   /'
echo "   /metrics now:"
model_info
tag_two rolled-back

step "done: the stream switched $( sed -nE 's/.*"modelVersion" : "([^"]+)".*/\1/p' "$CURRENT/manifest.json") -> $VERSION -> back, without a restart"
