"""Figures of an --align-to run on EC News, from the bundles alone (numpy, scipy).

usage: python3 align_measure.py PREVIOUS_BUNDLE ALIGNED_BUNDLE UNALIGNED_BUNDLE
ALIGNED and UNALIGNED hold the same retrained model, with and without --align-to.
"""
import json
import sys

import numpy as np
from scipy.optimize import linear_sum_assignment

TOP = 10


def load(bundle):
    m = json.load(open(f"{bundle}/manifest.json"))
    tw = np.load(f"{bundle}/topic-word.npy").astype(np.float64)
    vocabs = [open(f"{bundle}/vocab-{l}.txt", encoding="utf-8").read().split("\n")[:m["vocabularySizes"][l]]
              for l in m["languages"]]
    blocks, off = [], 0
    for v in vocabs:
        blocks.append(tw[:, off:off + len(v)]); off += len(v)
    # top words by weight: the softmax keeps the order; ties to the lower index as TopicWordMatrix.topWords does
    tops = [[[v[w] for w in np.lexsort((np.arange(len(v)), -b[k]))[:TOP]] for v, b in zip(vocabs, blocks)]
            for k in range(tw.shape[0])]
    return m, blocks, tops


def common(a, b):
    """Top-10 words in common over both languages (of 20)."""
    return sum(len(set(x) & set(y)) for x, y in zip(a, b))


def cos(a, b):
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return a @ b.T


def top_only(b, n):
    """Each row's n largest values, the rest 0 (ties to the lower index, as TopicAlignment keeps them)."""
    out = np.zeros_like(b)
    for k in range(b.shape[0]):
        keep = np.lexsort((np.arange(b.shape[1]), -b[k]))[:n]
        out[k, keep] = b[k, keep]
    return out


def softmax(b):
    e = np.exp(b - b.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


prev_dir, aligned_dir, unaligned_dir = sys.argv[1:4]
_, pb, pt = load(prev_dir)
am, _, at = load(aligned_dir)
_, ub, ut = load(unaligned_dir)
K = len(pt)
rec = am["trainingData"]["alignment"]
kept = [t["previousId"] == t["id"] and not t["isNew"] for t in rec["topics"]]
by_id = [common(pt[k], at[k]) for k in range(K)]
print(f"K = {K}, kept id (not new): {sum(kept)}, flagged new: {sum(t['isNew'] for t in rec['topics'])}, "
      f"shared vocabulary {rec['sharedVocabulary']}")
O = np.array([[common(pt[p], ut[q]) for q in range(K)] for p in range(K)])
for t in (0.3, 0.5, 0.7):
    aligned = sum(kept[k] and by_id[k] >= t * 2 * TOP for k in range(K))
    unaligned = sum(common(pt[k], ut[k]) >= t * 2 * TOP for k in range(K))
    # topics that have a counterpart: the most previous topics any one-to-one matching pairs with a new topic
    # sharing at least t of their top words (a maximum-cardinality matching on the thresholded overlap)
    above = (O >= t * 2 * TOP).astype(float)
    r, c = linear_sum_assignment(-above)
    counterparts = int(above[r, c].sum())
    kept_of_those = aligned / counterparts if counterparts else float("nan")
    print(f"stableShare({t}) with --align-to {aligned / K:.2f}, without {unaligned / K:.2f}; topics with a "
          f"counterpart {counterparts}, of which kept their id {aligned} ({kept_of_those:.2f})")
print("top-10 words in common (of 20) per id:", by_id)
sims = np.array([t["similarity"] for t in rec["topics"]])
print("recorded similarity min/p10/p25/median/p75/p90/max:",
      " ".join(f"{x:.3f}" for x in np.quantile(sims, [0, .1, .25, .5, .75, .9, 1])))

candidates = {
    "cosine of softmax distributions (the first TopicAlignment)": (np.hstack([softmax(b) for b in pb]),
                                                         np.hstack([softmax(b) for b in ub])),
    "cosine of raw rows": (np.hstack(pb), np.hstack(ub)),
    "cosine of row-centred rows (the second TopicAlignment)": (np.hstack([b - b.mean(1, keepdims=True) for b in pb]),
                                                       np.hstack([b - b.mean(1, keepdims=True) for b in ub])),
    "cosine of row-centred rows, top 20 words per language (the third TopicAlignment)": (
        np.hstack([top_only(b - b.mean(1, keepdims=True), 20) for b in pb]),
        np.hstack([top_only(b - b.mean(1, keepdims=True), 20) for b in ub])),
    "cosine of row-centred rows, top 10 words per language (TopicAlignment before 71d4e3d)": (
        np.hstack([top_only(b - b.mean(1, keepdims=True), 10) for b in pb]),
        np.hstack([top_only(b - b.mean(1, keepdims=True), 10) for b in ub])),
    # each word's weights standardised across the topics, as the decoder's batch norm sees them
    "cosine of column-standardised rows": (np.hstack([(b - b.mean(0)) / (b.std(0) + 1e-12) for b in pb]),
                                           np.hstack([(b - b.mean(0)) / (b.std(0) + 1e-12) for b in ub])),
}
for name, (p, u) in candidates.items():
    S = cos(p, u)
    r, c = linear_sum_assignment(-S)
    others = S[~np.eye(K, dtype=bool)]
    print(f"{name}: matched pairs median {np.median(S[r, c]):.3f} (min {S[r, c].min():.3f}), all other pairs "
          f"median {np.median(others):.3f} (p99 {np.quantile(others, .99):.3f}); share with >= 6/20 common "
          f"{np.mean(O[r, c] >= 6):.2f}, >= 10/20 {np.mean(O[r, c] >= 10):.2f}")
r, c = linear_sum_assignment(-O)
print(f"best matching possible (Hungarian on the top-10 overlap itself): share >= 6/20 {np.mean(O[r, c] >= 6):.2f}, "
      f">= 10/20 {np.mean(O[r, c] >= 10):.2f}")
