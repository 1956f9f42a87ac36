#!/usr/bin/env bash
# GloCTM on Amazon Review with the neighbour tables of the authors' run on the offline substitutes
# (../shared/docs/reference-results.md): plain cosine over word vectors aligned by orthogonal Procrustes on the
# dictionary pairs, in place of our default dictionary-led neighbours. Everything else as run_quality.sh.
#
# usage: bench/quality/run_procrustes_neighbours.sh SEED      (needs python3 with numpy and scipy)
set -euo pipefail
cd "$(dirname "$0")/../.."
seed=${1:?usage: run_procrustes_neighbours.sh SEED}
data=$(cd ../shared/data/amazon_review 2>/dev/null && pwd) \
  || { echo "run_procrustes_neighbours.sh: ../shared/data/amazon_review not found" >&2; exit 2; }
[ -f trainer/target/glostream-trainer.jar ] \
  || { echo "run_procrustes_neighbours.sh: build first: ./mvnw -B -q -DskipTests package" >&2; exit 2; }
run_dir=${RUN_DIR:-/tmp/glostream-quality}
name="amazon_review-seed$seed-procrustes-neighbours"
mkdir -p "$run_dir/$name-trainer" "$run_dir/vectors"
cp -r trainer/target/glostream-trainer.jar trainer/target/lib "$run_dir/$name-trainer/"
java -cp "trainer/target/lib/*" bench/quality/procrustes/StemVocabulary.java "$data/vocab_en.gz" > "$run_dir/vectors/stems_en.tsv"
python3 bench/quality/procrustes/align_vectors.py "$data" "$data/../dict/ch_en_dict.dat.gz" "$run_dir/vectors" \
    "$run_dir/vectors/stems_en.tsv"
cd "$run_dir"
threads=${THREADS:-1}
nice -n 10 java -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
    -jar "$name-trainer/glostream-trainer.jar" fit --data "$data" --langs en,zh --seed "$seed" \
    --lambda-kl 3 --lambda-cka 300 --epochs 150 --threads "$threads" --aligned-vectors \
    --vectors en=vectors/aligned-en.vec --vectors zh=vectors/aligned-zh.vec \
    --model-version "$name" --json "quality-$name.json" --report "quality-$name.html" \
    --checkpoint "$name.checkpoint" --resume --out "$name" 2>&1 | tee -a "$name.log"
