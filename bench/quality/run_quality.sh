#!/usr/bin/env bash
# One full GloCTM quality run with the authors' settings, resumable.
#
# usage: bench/quality/run_quality.sh DATASET SEED [VARIANT]
#   DATASET  ec_news (lambda_KL 4, lambda_CKA 450) or amazon_review (3, 300), from ../shared/data
#   SEED     0, 1, 2...
#   VARIANT  full (default), no-cka (lambda_CKA 0), no-kl (lambda_KL 0), no-augmentation (--neighbours 0),
#            cka-root (the authors' code's 1 - sqrt(CKA) in place of the paper's 1 - CKA),
#            procrustes-neighbours (the neighbour tables of the authors' run on the offline substitutes,
#            ../shared/docs/reference-results.md: plain cosine over word vectors aligned by orthogonal Procrustes
#            on the dictionary pairs, in place of the dictionary-led ones; needs python3 with numpy and scipy)
#            e-l2-sum (--tfidf-weighting l2-sum: document vectors E for CKA as scikit-learn's unit-L2 tf-idf rows
#            times the word vectors, in place of the weighted mean; linear CKA is not invariant to that scaling)
#
# Runs from a copy of the trainer jar in $RUN_DIR (default /tmp/glostream-quality; built first with
# ./mvnw -B -q -DskipTests package), niced, with $THREADS PyTorch threads (default 1, so two runs side by side
# use the two cores of the development machine; one run alone is faster per epoch with THREADS=2: 12.5 s
# against 16 s per run-epoch side by side on Amazon Review). Re-running the same command resumes from the
# checkpoint (every 5 epochs). Writes quality-<dataset>-seed<N>[-<variant>].json/.html, the bundle and the log
# in $RUN_DIR; copy the JSON and HTML to bench/results/ when done.
set -euo pipefail
cd "$(dirname "$0")/../.."
dataset=${1:?usage: run_quality.sh DATASET SEED [VARIANT]}
seed=${2:?usage: run_quality.sh DATASET SEED [VARIANT]}
variant=${3:-full}
case "$dataset" in
  ec_news) kl=4; cka=450 ;;
  amazon_review) kl=3; cka=300 ;;
  *) echo "run_quality.sh: unknown dataset '$dataset' (ec_news or amazon_review)" >&2; exit 2 ;;
esac
extra=()
case "$variant" in
  full) ;;
  no-cka) cka=0 ;;
  no-kl) kl=0 ;;
  no-augmentation) extra=(--neighbours 0) ;;
  cka-root) extra=(--cka-form root) ;;
  e-l2-sum) extra=(--tfidf-weighting l2-sum) ;;
  procrustes-neighbours) ;;
  *) echo "run_quality.sh: unknown variant '$variant' (full, no-cka, no-kl, no-augmentation, cka-root," \
       "procrustes-neighbours, e-l2-sum)" >&2; exit 2 ;;
esac
data=$(cd ../shared/data/"$dataset" 2>/dev/null && pwd) \
  || { echo "run_quality.sh: ../shared/data/$dataset not found" >&2; exit 2; }
[ -f trainer/target/glostream-trainer.jar ] \
  || { echo "run_quality.sh: build first: ./mvnw -B -q -DskipTests package" >&2; exit 2; }
run_dir=${RUN_DIR:-/tmp/glostream-quality}
name="$dataset-seed$seed"
[ "$variant" = full ] || name="$name-$variant"
mkdir -p "$run_dir/$name-trainer"
# a private copy: rebuilding the project while the run goes on must not swap classes under it
cp -r trainer/target/glostream-trainer.jar trainer/target/lib "$run_dir/$name-trainer/"
if [ "$variant" = procrustes-neighbours ]; then
  vectors="$run_dir/$dataset-procrustes-vectors"
  mkdir -p "$vectors" && vectors=$(cd "$vectors" && pwd)
  java -cp "trainer/target/lib/*" bench/quality/procrustes/StemVocabulary.java "$data/vocab_en.gz" > "$vectors/stems_en.tsv"
  python3 bench/quality/procrustes/align_vectors.py "$data" "$data/../dict/ch_en_dict.dat.gz" "$vectors" \
      "$vectors/stems_en.tsv"
  extra=(--aligned-vectors --vectors "en=$vectors/aligned-en.vec" --vectors "zh=$vectors/aligned-zh.vec")
fi
cd "$run_dir"
threads=${THREADS:-1}
nice -n 10 java -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
    -jar "$name-trainer/glostream-trainer.jar" fit --data "$data" --langs en,zh --seed "$seed" \
    --lambda-kl "$kl" --lambda-cka "$cka" --epochs 150 --threads "$threads" "${extra[@]}" \
    --model-version "$name" --json "quality-$name.json" --report "quality-$name.html" \
    --checkpoint "$name.checkpoint" --resume --out "$name" 2>&1 | tee -a "$name.log"
