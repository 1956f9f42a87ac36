"""Cuts the committed demo sample out of ../shared/data (EC News, en + zh).

Run from the repository root: python3 sample/tools/make_sample.py [PER_LANG [TEST_PER_LANG]]
Needs numpy and scipy. Writes sample/ec_news/{en,zh}.jsonl, {en,zh}.test.jsonl, vectors-{en,zh}.vec.gz and
dict-zh-en.tsv.gz. Documents are the first training (and test) documents of each class, taken round-robin
over the classes so the sample is balanced, their text the benchmark's preprocessed tokens. Vectors are the benchmark's
monolingual word2vec rows for every word the sample uses; the dictionary keeps the entries whose Chinese
side occurs in the sample.
"""
import gzip
import io
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import scipy.sparse as sp

SHARED = Path("../shared/data")
OUT = Path("sample/ec_news")
PER_LANG = int(sys.argv[1]) if len(sys.argv) > 1 else 420
TEST_PER_LANG = int(sys.argv[2]) if len(sys.argv) > 2 else 150


def lines(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def load_vectors(path):
    z = np.load(path)
    m = sp.csc_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
    return np.asarray(m.todense(), dtype=np.float32)


def write_gzip(path, text):
    # mtime 0 keeps the bytes reproducible, so rerunning the script changes no committed file
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(text.encode("utf-8"))


def pick_balanced(labels, n):
    by_class = defaultdict(list)
    for i, label in enumerate(labels):
        by_class[label].append(i)
    picked, round_ = [], 0
    while len(picked) < n:
        for label in sorted(by_class):
            if round_ < len(by_class[label]) and len(picked) < n:
                picked.append(by_class[label][round_])
        round_ += 1
    return sorted(picked)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    zh_words_used = set()
    for lang, suffix in (("en", "en"), ("zh", "cn")):
        texts = lines(SHARED / "ec_news" / f"train_texts_{suffix}.txt.gz")
        labels = [int(x) for x in lines(SHARED / "ec_news" / f"train_labels_{suffix}.txt.gz")]
        chosen = pick_balanced(labels, PER_LANG)
        used = set()
        with open(OUT / f"{lang}.jsonl", "w", encoding="utf-8") as f:
            for i in chosen:
                used.update(texts[i].split())
                doc = {"id": f"ec_news-{lang}-train-{i}", "lang": lang, "text": texts[i], "label": labels[i]}
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        test_texts = lines(SHARED / "ec_news" / f"test_texts_{suffix}.txt.gz")
        test_labels = [int(x) for x in lines(SHARED / "ec_news" / f"test_labels_{suffix}.txt.gz")]
        with open(OUT / f"{lang}.test.jsonl", "w", encoding="utf-8") as f:
            for i in pick_balanced(test_labels, TEST_PER_LANG):
                doc = {"id": f"ec_news-{lang}-test-{i}", "lang": lang, "text": test_texts[i], "label": test_labels[i]}
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        vocab = lines(SHARED / "ec_news" / f"vocab_{suffix}.gz")
        vectors = load_vectors(SHARED / "ec_news" / f"word2vec_{suffix}.npz")
        rows = [(w, vectors[j]) for j, w in enumerate(vocab) if w in used]
        buf = io.StringIO()
        buf.write(f"{len(rows)} {vectors.shape[1]}\n")
        for w, v in rows:
            buf.write(w + " " + " ".join(f"{x:.5g}" for x in v) + "\n")
        write_gzip(OUT / f"vectors-{lang}.vec.gz", buf.getvalue())
        if lang == "zh":
            zh_words_used = used
        print(lang, len(chosen), "docs,", len(rows), "words with vectors")
    kept = [l for l in lines(SHARED / "dict" / "ch_en_dict.dat.gz") if l.split("\t")[0] in zh_words_used]
    write_gzip(OUT / "dict-zh-en.tsv.gz", "\n".join(kept) + "\n")
    print("dictionary", len(kept), "entries")


if __name__ == "__main__":
    main()
