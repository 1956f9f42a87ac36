"""How the aligner should compare topics: a sweep over pairs of bundles (numpy, scipy).

usage: python3 align-sweep.py PREVIOUS_BUNDLE:RETRAINED_BUNDLE...
Each RETRAINED bundle is unaligned (ids as trained). For each similarity and new-topic threshold, prints how many
of the previous model's topics that have a counterpart (>= 6 or >= 10 of their 2 x 10 top words shared) keep their
id without being flagged new, and how many matched topics at or above the threshold share fewer than 6. First for
TopicAlignment's measure (the overlap of the top 10 words per language, ties broken by their centred weights'
cosine), then for its previous ones (the cosine of the top-n words' centred weights, n = 10, 15, 20, 30).
"""
import importlib.util
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

spec = importlib.util.spec_from_file_location("measure", Path(__file__).with_name("align-ec_news.py"))
source = spec.loader.get_source("measure").split("prev_dir, aligned_dir")[0]
measure = {}
exec(source, measure)
load, common, cos, top_only = (measure[n] for n in ("load", "common", "cos", "top_only"))


def top_similarity(pb, ub, n):
    centre = lambda blocks: np.hstack([top_only(b - b.mean(1, keepdims=True), n) for b in blocks])
    return cos(centre(pb), centre(ub))


def overlap_similarity(pb, ub, n=10):
    """TopicAlignment's measure: the cosine of top-n indicator rows, and the assignment's tie-break added."""
    def indicate(blocks):
        rows = []
        for b in blocks:
            r = np.zeros_like(b)
            for k in range(b.shape[0]):
                r[k, np.lexsort((np.arange(b.shape[1]), -b[k]))[:n]] = 1
            rows.append(r)
        return np.hstack(rows)
    overlap = cos(indicate(pb), indicate(ub))
    tie_break = 1.0 / (4 * n * len(pb) * max(len(overlap), len(overlap[0])))
    return overlap, overlap + tie_break * top_similarity(pb, ub, n)


def report(label, S, preference, O, counterparts):
    r, c = linear_sum_assignment(-preference)
    for threshold in (0.3, 0.25, 0.2):
        kept = {t: sum(O[p, q] >= t and S[p, q] >= threshold for p, q in zip(r, c)) for t in (6, 10)}
        wrong = sum(O[p, q] < 6 and S[p, q] >= threshold for p, q in zip(r, c))
        print(f"  {label}, threshold {threshold}: kept {kept[6]}/{counterparts[6]} "
              f"({kept[6] / counterparts[6]:.2f}) at >= 6/20, {kept[10]}/{counterparts[10]} at >= 10/20; "
              f"not flagged new with < 6/20: {wrong}")


for pair in sys.argv[1:]:
    previous, retrained = pair.split(":")
    _, pb, pt = load(previous)
    _, ub, ut = load(retrained)
    K = len(pt)
    O = np.array([[common(pt[p], ut[q]) for q in range(K)] for p in range(K)])
    counterparts = {}
    for t in (6, 10):
        above = (O >= t).astype(float)
        r, c = linear_sum_assignment(-above)
        counterparts[t] = int(above[r, c].sum())
    print(pair)
    report("overlap of top 10", *overlap_similarity(pb, ub), O, counterparts)
    for n in (10, 15, 20, 30):
        S = top_similarity(pb, ub, n)
        report(f"weights of top {n:2d}", S, S, O, counterparts)
