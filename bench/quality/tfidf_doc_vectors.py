# Document vectors E for the CKA term in other plausible tf-idf recipes than the trainer's default (the tf-idf
# weighted mean of the word vectors), to measure how much the unrecorded recipe of the reference run can move
# the results (bench/results/quality.md). Linear CKA ignores a rotation of E but not a per-document scaling.
#
# usage: tfidf_doc_vectors.py DATA_DIR RECIPE OUT_DIR   ->  OUT_DIR/doc-vectors-{en,zh}.npy (float32, train rows)
#   l2-sum: scikit-learn's TfidfTransformer defaults (raw counts, smooth idf, rows scaled to unit L2 norm) times
#           the word vectors, not divided by the weights: a document's vector grows with its number of words
#   sum:    raw-count tf-idf times the word vectors, not divided by the weights (grows with the document's length)
import sys, numpy as np, scipy.sparse as sp
data, recipe, out = sys.argv[1], sys.argv[2], sys.argv[3]
if recipe not in ('l2-sum', 'sum'):
    sys.exit(f"tfidf_doc_vectors.py: unknown recipe '{recipe}' (l2-sum, sum)")
for lang, suffix in (('en', 'en'), ('zh', 'cn')):
    bow = sp.load_npz(f'{data}/train_bow_matrix_{suffix}.npz').tocsr().astype(np.float64)
    vectors = np.asarray(sp.load_npz(f'{data}/word2vec_{suffix}.npz').todense(), dtype=np.float64)
    df = np.bincount(bow.indices, minlength=bow.shape[1])
    idf = np.log((1.0 + bow.shape[0]) / (1.0 + df)) + 1.0
    tfidf = bow @ sp.diags(idf)
    if recipe == 'l2-sum':
        norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
        tfidf = sp.diags(1.0 / np.maximum(norms, 1e-12)) @ tfidf
    e = np.asarray(tfidf @ vectors, dtype=np.float32)
    np.save(f'{out}/doc-vectors-{lang}.npy', e)
    lengths = np.linalg.norm(e, axis=1)
    print(f'{lang}: {e.shape[0]} x {e.shape[1]}, row norms {lengths.min():.3f}-{lengths.max():.3f} '
          f'(median {np.median(lengths):.3f})', file=sys.stderr)
