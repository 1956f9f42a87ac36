#!/usr/bin/env python3
"""Peer topic-model inference on one core: gensim LDA and scikit-learn LDA, 50 topics, on the EC News English
bag-of-words (the benchmark's own 5,000-word vocabulary), documents/s per document and batched.

Both models are fitted briefly on the training documents (inference speed does not depend on how well they are
fitted; fitting is not timed), then infer the topic proportions of the test documents:
  gensim   per document: LdaModel.get_document_topics(bow) for each document
           batched:      LdaModel.inference(chunk) on chunks of --chunk documents
  sklearn  per document: LatentDirichletAllocation.transform(row) for each document
           batched:      transform(matrix) on chunks of --chunk documents
Each timing is the best of --repeats passes, in wall seconds and in this process's CPU seconds. Writes one JSON object with every figure and the environment.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time

import numpy as np
import scipy.sparse as sp


def load_csr(path):
    z = np.load(path, allow_pickle=True)
    return sp.csr_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))


def best_of(repeats, fn):
    """Best wall seconds and best CPU seconds of this process over the repeats (on a shared machine the CPU time
    says what the work costs whatever share of the core it got)."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best, best_cpu


def record(result, name, documents, seconds):
    wall, cpu = seconds
    result[name + "_docs_per_s"] = round(documents / wall, 1)
    result[name + "_docs_per_cpu_s"] = round(documents / cpu, 1)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def git_commit():
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/data/ec_news", help="benchmark directory (default: %(default)s)")
    parser.add_argument("--lang", default="en", choices=["en", "cn"], help="side of the corpus (default: %(default)s)")
    parser.add_argument("--topics", type=int, default=50)
    parser.add_argument("--per-document", type=int, default=2000, help="documents timed one by one (default: %(default)s)")
    parser.add_argument("--chunk", type=int, default=2000, help="documents per batched call (default: %(default)s)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", required=True, help="results file")
    args = parser.parse_args()
    for name, value in (("--topics", args.topics), ("--per-document", args.per_document), ("--chunk", args.chunk),
                        ("--repeats", args.repeats)):
        if value < 1:
            sys.exit(f"{name} must be at least 1, got {value}")

    train = load_csr(os.path.join(args.data, f"train_bow_matrix_{args.lang}.npz"))
    test = load_csr(os.path.join(args.data, f"test_bow_matrix_{args.lang}.npz"))
    per_doc = min(args.per_document, test.shape[0])
    result = {
        "data": args.data, "lang": args.lang, "topics": args.topics, "vocabulary": test.shape[1],
        "train_documents": train.shape[0], "test_documents": test.shape[0],
        "mean_tokens_per_test_document": round(float(test.sum()) / test.shape[0], 2),
        "per_document_documents": per_doc, "chunk": args.chunk, "repeats": args.repeats,
        "threads": {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")},
        "command": " ".join([os.path.basename(sys.executable)] + sys.argv), "git_commit": git_commit(),
        "python": platform.python_version(), "cpu_model": cpu_model(), "cores": os.cpu_count(),
        "load_average_start": os.getloadavg()[0],
        "date": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat(),
    }

    import sklearn
    from sklearn.decomposition import LatentDirichletAllocation
    lda = LatentDirichletAllocation(n_components=args.topics, learning_method="online", max_iter=2, batch_size=1024,
                                    n_jobs=1, random_state=0).fit(train)
    rows = [test[i] for i in range(per_doc)]
    result["sklearn_version"] = sklearn.__version__
    record(result, "sklearn_per_document", per_doc, best_of(args.repeats, lambda: [lda.transform(row) for row in rows]))
    record(result, "sklearn_batched", test.shape[0], best_of(args.repeats, lambda: [
        lda.transform(test[i:i + args.chunk]) for i in range(0, test.shape[0], args.chunk)]))

    import gensim
    from gensim.matutils import Sparse2Corpus
    from gensim.models import LdaModel
    train_corpus = Sparse2Corpus(train, documents_columns=False)
    test_corpus = list(Sparse2Corpus(test, documents_columns=False))
    model = LdaModel(train_corpus, num_topics=args.topics, id2word={i: str(i) for i in range(train.shape[1])},
                     passes=1, chunksize=2048, random_state=0)
    docs = test_corpus[:per_doc]
    result["gensim_version"] = gensim.__version__
    record(result, "gensim_per_document", per_doc, best_of(args.repeats, lambda: [
        model.get_document_topics(bow) for bow in docs]))
    record(result, "gensim_batched", len(test_corpus), best_of(args.repeats, lambda: [
        model.inference(test_corpus[i:i + args.chunk]) for i in range(0, len(test_corpus), args.chunk)]))

    result["load_average_end"] = os.getloadavg()[0]
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
