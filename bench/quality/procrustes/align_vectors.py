# Procrustes-aligned word vectors, the authors'-code substitute named in ../shared/data/README.md:
# zh vectors rotated onto the en space by orthogonal Procrustes on dictionary pairs (English side stemmed).
import gzip, sys, numpy as np, scipy.sparse as sp
d, dict_path, out = sys.argv[1], sys.argv[2], sys.argv[3]  # argv[4]: word<TAB>stem of vocab_en
def vocab(lang): return [l.rstrip('\n') for l in gzip.open(f'{d}/vocab_{lang}.gz', 'rt', encoding='utf-8')]
def vecs(lang):
    m = sp.load_npz(f'{d}/word2vec_{lang}.npz')
    return np.asarray(m.todense(), dtype=np.float64)
ven, vzh = vocab('en'), vocab('cn'); xen, xzh = vecs('en'), vecs('cn')
stem_to_en = {}
for line in open(sys.argv[4], encoding='utf-8'):
    w, s = line.rstrip('\n').split('\t')
    stem_to_en.setdefault(s, []).append(w)
en_index = {w: i for i, w in enumerate(ven)}; zh_index = {w: i for i, w in enumerate(vzh)}
pairs = set()
for line in gzip.open(dict_path, 'rt', encoding='utf-8'):
    parts = line.rstrip('\n').split('\t')
    if len(parts) != 2 or parts[0] not in zh_index: continue
    for w in stem_to_en.get(parts[1].lower(), []) + ([parts[1].lower()] if parts[1].lower() in en_index else []):
        pairs.add((zh_index[parts[0]], en_index[w]))
pairs = sorted(pairs)
def unit(x): return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
a = unit(xzh)[[p[0] for p in pairs]]; b = unit(xen)[[p[1] for p in pairs]]
u, _, vt = np.linalg.svd(a.T @ b); w = u @ vt
aligned_zh = xzh @ w
print(f'{len(pairs)} dictionary pairs; Procrustes fitted', file=sys.stderr)
for lang, words, x in (('en', ven, xen), ('zh', vzh, aligned_zh)):
    with open(f'{out}/aligned-{lang}.vec', 'w', encoding='utf-8') as f:
        f.write(f'{len(words)} {x.shape[1]}\n')
        for word, row in zip(words, x):
            f.write(word + ' ' + ' '.join(f'{v:.6f}' for v in row) + '\n')
