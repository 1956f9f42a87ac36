#!/usr/bin/env bash
# Peer topic-model inference on one core, on the EC News English test documents and vocabulary: gensim LDA and
# scikit-learn LDA, 50 topics, per document and batched (bench/peers/lda_peers.py). Installs Debian's python3-gensim
# and python3-sklearn when missing (needs root), then runs Debian's python3 with one BLAS/OpenMP thread, pinned to
# one core. Run from the repository root; writes bench/results/peers-lda.json.
set -euo pipefail
python=/usr/bin/python3
if ! "$python" -c 'import gensim, sklearn' 2>/dev/null; then
  apt-get install -y -q python3-gensim python3-sklearn
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
taskset -c 0 "$python" bench/peers/lda_peers.py --data "${DATA:-../shared/data/ec_news}" \
  --json "${1:-bench/results/peers-lda.json}"
