#!/usr/bin/env python3
"""Times GloCTM training epochs in PyTorch, as a proxy of the Java trainer on a GPU.

The Java trainer (trainer/src/main/java/io/glostream/trainer/model/GloCtm*.java) runs on DJL 0.36 with
PyTorch 2.7.1, whose CUDA native library is not served, so its `--device gpu` cannot be timed on a lent GPU
machine. This script re-implements one training step of that trainer op for op in PyTorch and times whole
epochs' worth of steps on `cuda` and on `cpu`:

* per language and step: the global encoder on the polyglot-augmented input g [n x (V1 + V2)], the local
  encoder on the bag of words x [n x V_l] (fc1 -> softplus -> fc2 -> softplus -> dropout -> fc_mu / fc_logvar,
  each followed by a batch norm whose scale is fixed at 1), reparameterised theta = softmax(mu + eps sigma),
  the batch-normalised softmax decoders over beta = [beta_1 | beta_2] and beta_l;
* the loss: reconstruction and prior KL of both pathways, lambda_kl KL(q_local || q_global) and
  lambda_cka (1 - linear CKA(theta_local, document embedding)) in float64, summed over both languages;
* Adam on every parameter, then a host read of the seven loss terms, as the trainer does at every step.

The corpus is synthetic with the benchmark's sizes and densities (documents, active words and tokens per
document, three intra- and three cross-lingual neighbours per word, 100-dimensional document embeddings),
because only the arithmetic and the data movement matter for time. Epochs are planned as the trainer plans
them: a permutation of max(N1, N2) positions cut into batches of 128, the smaller corpus cycled.

Staging of a batch's dense rows: `device` keeps the sparse corpus on the device and scatters each batch into
dense rows there; `host` builds the dense rows in host memory (as the trainer's DenseRowStaging does) and
copies them to the device at every step, which is what DJL's GPU path would do with the same code.

Usage:
    python3 bench/gpu/gloctm_step_bench.py --device cuda --json gpu.json
    python3 bench/gpu/gloctm_step_bench.py --device cpu --threads 2 --json cpu.json
    python3 bench/gpu/gloctm_step_bench.py --self-check
"""

import argparse
import json
import math
import os
import platform
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

# Sizes of the benchmark corpora (shared/data/README.md and the train_bow_matrix_*.npz files): documents,
# mean active words and mean tokens per document in each language, vocabulary 5000 + 5000.
DATASETS = {
    "ec_news": {
        "docs": (37480, 40000),
        "active_words": (11.2, 9.7),
        "tokens": (12.0, 10.6),
        "vocab": (5000, 5000),
        "lambda_kl": 4.0,
        "lambda_cka": 450.0,
    },
    "amazon_review": {
        "docs": (20000, 20000),
        "active_words": (27.0, 33.1),
        "tokens": (30.6, 43.2),
        "vocab": (5000, 5000),
        "lambda_kl": 3.0,
        "lambda_cka": 300.0,
    },
}

# GloCtmConfig defaults.
TOPICS = 50
LOCAL_HIDDEN = 100
GLOBAL_HIDDEN = 200
DROPOUT = 0.0
BN_EPS = 1e-5
BN_MOMENTUM = 0.1
BATCH = 128
LEARNING_RATE = 2e-3
NEIGHBOURS = 3
EMBEDDING_WIDTH = 100
LOG_EPS = 1e-10
CKA_GUARD = 1e-30

LOSS_TERMS = ("globalReconstruction", "globalPriorKl", "localReconstruction", "localPriorKl",
              "localGlobalKl", "cka", "total")


class SparseRows:
    """A corpus of sparse rows as padded index/value matrices; padding adds 0 at column 0."""

    def __init__(self, indices, values, dimension):
        self.indices = indices
        self.values = values
        self.dimension = dimension

    def to(self, device):
        return SparseRows(self.indices.to(device), self.values.to(device), self.dimension)

    def dense(self, docs):
        """Dense [len(docs) x dimension] rows; repeated indices of a row add up."""
        idx = self.indices[docs]
        out = torch.zeros(idx.shape[0], self.dimension, device=idx.device)
        return out.scatter_add_(1, idx, self.values[docs])


class HostStaging:
    """Dense rows built in one reused host buffer, only the cells written last time cleared, then copied."""

    def __init__(self, rows, max_rows, device):
        self.indices = rows.indices.numpy()
        self.values = rows.values.numpy()
        # pageable memory, as DJL's direct ByteBuffer; the copy is synchronous, so the buffer can be reused at once
        self.buffer = torch.zeros(max_rows, rows.dimension)
        self.view = self.buffer.numpy()
        self.device = device
        self.last = None

    def dense(self, docs):
        if self.last is not None:
            r, c = self.last
            self.view[r, c] = 0.0
        docs = docs.cpu().numpy()
        n = len(docs)
        c = self.indices[docs]
        r = np.broadcast_to(np.arange(n)[:, None], c.shape)
        np.add.at(self.view, (r, c), self.values[docs])
        self.last = (r, c)
        return self.buffer[:n].to(self.device)


def synthetic_language(rng, docs, vocab, other_vocab, own_offset, other_offset, active_words, tokens):
    """Bags of words, polyglot-augmented rows and document embeddings of one language."""
    active = np.clip(1 + rng.poisson(active_words - 1, docs), 1, vocab)
    width = int(active.max())
    words = np.zeros((docs, width), dtype=np.int64)
    counts = np.zeros((docs, width), dtype=np.float32)
    extra_per_word = max(tokens / active_words - 1.0, 0.0)
    for d in range(docs):
        a = active[d]
        words[d, :a] = rng.choice(vocab, a, replace=False)
        counts[d, :a] = 1 + rng.poisson(extra_per_word, a)
    # each word: itself and NEIGHBOURS intra-lingual neighbours in its block, NEIGHBOURS cross-lingual in the other
    intra = rng.integers(0, vocab, (vocab, NEIGHBOURS)) + own_offset
    cross = rng.integers(0, other_vocab, (vocab, NEIGHBOURS)) + other_offset
    contributions = np.concatenate([words[:, :, None] + own_offset, intra[words], cross[words]], axis=2)
    present = (counts > 0)[:, :, None].repeat(contributions.shape[2], axis=2)
    aug_idx = np.where(present, contributions, 0).reshape(docs, -1)
    aug_val = present.astype(np.float32).reshape(docs, -1)
    bow = SparseRows(torch.from_numpy(words), torch.from_numpy(counts), vocab)
    augmented = SparseRows(torch.from_numpy(aug_idx), torch.from_numpy(aug_val), vocab + other_vocab)
    embeddings = torch.from_numpy(rng.standard_normal((docs, EMBEDDING_WIDTH)).astype(np.float32))
    stats = {"documents": docs, "activeWordsPerDoc": float(active.mean()),
             "tokensPerDoc": float(counts.sum() / docs),
             "augmentedNonZerosPerDoc": float(np.mean([len(np.unique(r[v > 0]))
                                                       for r, v in zip(aug_idx[:2000], aug_val[:2000])]))}
    return bow, augmented, embeddings, stats


def synthetic_corpus(spec, seed):
    rng = np.random.default_rng(seed)
    v1, v2 = spec["vocab"]
    langs = []
    for lang in range(2):
        vocab, other = (v1, v2) if lang == 0 else (v2, v1)
        own_offset, other_offset = (0, v1) if lang == 0 else (v1, 0)
        langs.append(synthetic_language(rng, spec["docs"][lang], vocab, other, own_offset, other_offset,
                                        spec["active_words"][lang], spec["tokens"][lang]))
    return langs


def linear(in_dim, out_dim, device, generator):
    """nn.Linear's layout and initialisation (weight and bias uniform in +-1/sqrt(in)), as LinearLayer."""
    bound = 1.0 / math.sqrt(in_dim)
    w = (torch.rand(out_dim, in_dim, generator=generator) * 2 - 1) * bound
    b = (torch.rand(out_dim, generator=generator) * 2 - 1) * bound
    return [w.to(device).requires_grad_(), b.to(device).requires_grad_()]


class BatchNorm:
    """BatchNorm1d with the scale fixed at 1 and only the shift trained (BatchNorm1d.java)."""

    def __init__(self, features, device):
        # the scale is passed as a constant 1 (not None): CUDA's batch-norm backward rejects a missing weight
        self.scale = torch.ones(features, device=device)
        self.shift = torch.zeros(features, device=device, requires_grad=True)
        self.running_mean = torch.zeros(features, device=device)
        self.running_var = torch.ones(features, device=device)

    def __call__(self, x):
        return F.batch_norm(x, self.running_mean, self.running_var, self.scale, self.shift, True, BN_MOMENTUM, BN_EPS)

    def parameters(self):
        return [self.shift]


class Encoder:
    """Encoder.java: softplus(fc1), softplus(fc2), dropout, BN(fc_mu), BN(fc_logvar)."""

    def __init__(self, in_dim, hidden, device, generator):
        self.fc1 = linear(in_dim, hidden, device, generator)
        self.fc2 = linear(hidden, hidden, device, generator)
        self.fc_mu = linear(hidden, TOPICS, device, generator)
        self.fc_logvar = linear(hidden, TOPICS, device, generator)
        self.bn_mu = BatchNorm(TOPICS, device)
        self.bn_logvar = BatchNorm(TOPICS, device)

    def __call__(self, x):
        e = F.softplus(F.linear(F.softplus(F.linear(x, *self.fc1)), *self.fc2))
        if DROPOUT > 0:
            e = F.dropout(e, DROPOUT, True)
        return self.bn_mu(F.linear(e, *self.fc_mu)), self.bn_logvar(F.linear(e, *self.fc_logvar))

    def parameters(self):
        return self.fc1 + self.fc2 + self.fc_mu + self.fc_logvar + self.bn_mu.parameters() \
            + self.bn_logvar.parameters()


class GloCtm:
    """GloCtmModel.java: three encoders, beta_1 and beta_2, three decoder batch norms."""

    def __init__(self, v1, v2, device, seed):
        g = torch.Generator().manual_seed(seed)
        self.global_encoder = Encoder(v1 + v2, GLOBAL_HIDDEN, device, g)
        self.local_encoders = [Encoder(v1, LOCAL_HIDDEN, device, g), Encoder(v2, LOCAL_HIDDEN, device, g)]
        self.betas = []
        for v in (v1, v2):
            bound = math.sqrt(6.0 / (TOPICS + v))
            self.betas.append(((torch.rand(TOPICS, v, generator=g) * 2 - 1) * bound).to(device).requires_grad_())
        self.global_decoder = BatchNorm(v1 + v2, device)
        self.local_decoders = [BatchNorm(v1, device), BatchNorm(v2, device)]

    def parameters(self):
        params = self.global_encoder.parameters()
        for e in self.local_encoders:
            params += e.parameters()
        params += self.betas + self.global_decoder.parameters()
        for d in self.local_decoders:
            params += d.parameters()
        return params


def dirichlet_prior(topics, device, alpha=1.0):
    """LogisticNormalPrior.dirichlet: Laplace approximation of Dirichlet(alpha) in the softmax basis."""
    a = torch.full((topics,), alpha, dtype=torch.float64)
    mean = a.log() - a.log().mean()
    var = (1.0 / a) * (1.0 - 2.0 / topics) + (1.0 / a).sum() / topics ** 2
    return mean.float().to(device), var.float().to(device)


def reconstruction(recon, target):
    return -(target * (recon + LOG_EPS).log()).sum(1)


def prior_kl(mu, logvar, prior_mean, prior_var):
    diff = mu - prior_mean
    per_topic = logvar.exp() / prior_var + diff * diff / prior_var + prior_var.log() - logvar
    return 0.5 * (per_topic.sum(1) - mu.shape[1])


def gaussian_kl(mu_q, logvar_q, mu_p, logvar_p):
    var_p = logvar_p.exp()
    diff = mu_q - mu_p
    return 0.5 * (logvar_q.exp() / var_p + diff * diff / var_p - 1 + logvar_p - logvar_q).sum(1)


def hsic(x, y):
    """Linear HSIC ||Xc^T Yc||_F^2 / (n-1)^2 in float64 (GloCtmLoss.hsic)."""
    n = x.shape[0]
    xc = x.double() - x.double().mean(0, keepdim=True)
    yc = y.double() - y.double().mean(0, keepdim=True)
    cross = xc.t() @ yc
    return (cross * cross).sum() / ((n - 1) * (n - 1))


def linear_cka(x, y):
    return hsic(x, y) / (hsic(x, x) * hsic(y, y) + CKA_GUARD).sqrt()


def sample_theta(mu, logvar):
    return (mu + torch.randn_like(mu) * (0.5 * logvar).exp()).softmax(1)


def step(model, optimizer, prior, batch, spec):
    """One optimiser step on both languages' batches; returns the seven loss terms, still on the device."""
    terms = [0.0] * 6
    joint_beta = torch.cat(model.betas, 1)
    for lang in range(2):
        g, x, emb = batch[lang]
        mu_g, logvar_g = model.global_encoder(g)
        recon_g = model.global_decoder(sample_theta(mu_g, logvar_g) @ joint_beta).softmax(1)
        mu_l, logvar_l = model.local_encoders[lang](x)
        theta_l = sample_theta(mu_l, logvar_l)
        recon_l = model.local_decoders[lang](theta_l @ model.betas[lang]).softmax(1)
        terms[0] = terms[0] + reconstruction(recon_g, g).mean()
        terms[1] = terms[1] + prior_kl(mu_g, logvar_g, *prior).mean()
        terms[2] = terms[2] + reconstruction(recon_l, x).mean()
        terms[3] = terms[3] + prior_kl(mu_l, logvar_l, *prior).mean()
        terms[4] = terms[4] + gaussian_kl(mu_l, logvar_l, mu_g, logvar_g).mean()
        terms[5] = terms[5] + (1 - linear_cka(theta_l, emb)).float()
    total = terms[0] + terms[1] + terms[2] + terms[3] + spec["lambda_kl"] * terms[4] \
        + spec["lambda_cka"] * terms[5]
    optimizer.zero_grad(set_to_none=True)
    total.backward()
    optimizer.step()
    return torch.stack(terms + [total]).detach()


def plan_epoch(sizes, device):
    """BilingualBatches.plan: a permutation of max(N1, N2) positions in batches, a 1-position tail merged."""
    positions = max(sizes)
    order = torch.randperm(positions, device=device)
    bounds = list(range(0, positions, BATCH)) + [positions]
    if positions - bounds[-2] == 1:
        bounds.pop(-2)
    return [order[bounds[i]:bounds[i + 1]] for i in range(len(bounds) - 1)]


def run_dataset(name, langs, device, staging, sync, warmup_steps, epochs, seed):
    """Warms up, then times `epochs` epochs on one dataset's synthetic corpus `langs`."""
    spec = DATASETS[name]
    sizes = spec["docs"]
    if staging == "device":
        stagers = [(aug.to(device), bow.to(device)) for bow, aug, _, _ in langs]
    else:
        stagers = [(HostStaging(aug, BATCH + 1, device), HostStaging(bow, BATCH + 1, device))
                   for bow, aug, _, _ in langs]
    embeddings = [emb.to(device) for _, _, emb, _ in langs]
    torch.manual_seed(seed)
    model = GloCtm(*spec["vocab"], device, seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8)
    prior = dirichlet_prior(TOPICS, device)

    def batch_of(positions):
        out = []
        for lang in range(2):
            docs = positions % sizes[lang]
            aug, bow = stagers[lang]
            out.append((aug.dense(docs), bow.dense(docs), embeddings[lang][docs]))
        return out

    def synchronize():
        if device.type == "cuda":
            torch.cuda.synchronize()

    done = 0
    while done < warmup_steps:
        for positions in plan_epoch(sizes, device):
            step(model, optimizer, prior, batch_of(positions), spec).cpu()
            done += 1
            if done == warmup_steps:
                break
    synchronize()

    epoch_seconds = []
    steps_per_epoch = None
    last = None
    for _ in range(epochs):
        batches = plan_epoch(sizes, device)
        steps_per_epoch = len(batches)
        synchronize()
        start = time.perf_counter()
        sums = torch.zeros(len(LOSS_TERMS), dtype=torch.float64)
        if sync == "step":
            for positions in batches:
                terms = step(model, optimizer, prior, batch_of(positions), spec).cpu()
                if not math.isfinite(terms[-1].item()):
                    raise SystemExit(f"{name}: loss is {terms[-1].item()}")
                sums += terms.double()
        else:
            device_sums = torch.zeros(len(LOSS_TERMS), device=device)
            for positions in batches:
                device_sums += step(model, optimizer, prior, batch_of(positions), spec)
            sums = device_sums.cpu().double()
        synchronize()
        epoch_seconds.append(time.perf_counter() - start)
        last = (sums / steps_per_epoch).tolist()
        if not all(math.isfinite(v) for v in last):
            raise SystemExit(f"{name}: epoch mean loss is not finite: {last}")
    median = statistics.median(epoch_seconds)
    return {
        "dataset": name,
        "staging": staging,
        "lossRead": sync,
        "stepsPerEpoch": steps_per_epoch,
        "warmupSteps": warmup_steps,
        "epochSeconds": epoch_seconds,
        "secondsPerEpoch": median,
        "msPerStep": 1000 * median / steps_per_epoch,
        "documentsPerSecond": 2 * max(sizes) / median,
        "meanLossLastEpoch": dict(zip(LOSS_TERMS, last)),
        "corpus": [s for _, _, _, s in langs],
    }


def environment(device):
    env = {
        "torch": torch.__version__,
        "python": platform.python_version(),
        "device": str(device),
        "cpuThreads": torch.get_num_threads(),
        "cpuCount": os.cpu_count(),
        "matmulPrecision": torch.get_float32_matmul_precision(),
    }
    try:
        with open("/proc/cpuinfo") as f:
            env["cpuModel"] = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    if device.type == "cuda":
        p = torch.cuda.get_device_properties(device)
        env.update({"gpu": p.name, "gpuMemoryGiB": round(p.total_memory / 2 ** 30, 1),
                    "multiprocessors": p.multi_processor_count, "cuda": torch.version.cuda})
    return env


def self_check():
    """Cross-checks the loss terms against independent formulas; exits non-zero on a mismatch."""
    torch.manual_seed(1)
    n, k, m = 64, 7, 5
    x = torch.rand(n, k, dtype=torch.float64)
    y = torch.randn(n, m, dtype=torch.float64)
    h = torch.eye(n, dtype=torch.float64) - 1.0 / n
    gram = torch.trace(x @ x.t() @ h @ y @ y.t() @ h) / (n - 1) ** 2
    failures = []

    def close(label, got, want, tol=1e-9):
        if not abs(float(got) - float(want)) <= tol * max(1.0, abs(float(want))):
            failures.append(f"{label}: {float(got)} != {float(want)}")

    close("hsic vs tr(KHLH)", hsic(x, y), gram)
    close("cka(x, x)", linear_cka(x, x), 1.0)
    close("cka(x, 2x + 3)", linear_cka(x, 2 * x + 3), 1.0)
    mu, logvar = torch.randn(n, k, dtype=torch.float64), torch.randn(n, k, dtype=torch.float64)
    pm, pv = torch.randn(k, dtype=torch.float64), torch.rand(k, dtype=torch.float64) + 0.5
    q = torch.distributions.Normal(mu, (0.5 * logvar).exp())
    p = torch.distributions.Normal(pm, pv.sqrt())
    close("prior KL", prior_kl(mu, logvar, pm, pv).sum(), torch.distributions.kl_divergence(q, p).sum())
    mu2, logvar2 = torch.randn(n, k, dtype=torch.float64), torch.randn(n, k, dtype=torch.float64)
    p2 = torch.distributions.Normal(mu2, (0.5 * logvar2).exp())
    close("Gaussian KL", gaussian_kl(mu, logvar, mu2, logvar2).sum(), torch.distributions.kl_divergence(q, p2).sum())
    prior_mean, prior_var = dirichlet_prior(50, torch.device("cpu"))
    close("Dirichlet(1) prior mean", prior_mean.abs().max(), 0.0)
    close("Dirichlet(1) prior variance", prior_var[0], (1 - 2 / 50) + 50 / 2500, 1e-6)
    target = torch.tensor([[0.0, 2.0, 1.0]])
    recon = torch.tensor([[0.2, 0.5, 0.3]])
    close("reconstruction", reconstruction(recon, target)[0], -(2 * math.log(0.5 + LOG_EPS) + math.log(0.3 + LOG_EPS)),
          1e-6)
    rows = SparseRows(torch.tensor([[3, 1, 3], [0, 0, 0]]), torch.tensor([[1.0, 2.0, 1.0], [0.0, 0.0, 0.0]]), 5)
    close("scatter staging", (rows.dense(torch.tensor([0, 1])) - torch.tensor(
        [[0, 2.0, 0, 2.0, 0], [0, 0, 0, 0, 0]])).abs().sum(), 0.0)
    host = HostStaging(rows, 3, torch.device("cpu"))
    first = host.dense(torch.tensor([0])).clone()
    second = host.dense(torch.tensor([1])).clone()
    close("host staging", (first - torch.tensor([[0, 2.0, 0, 2.0, 0]])).abs().sum() + second.abs().sum(), 0.0)
    spec = dict(DATASETS["ec_news"], docs=(300, 257), vocab=(40, 30))
    langs = synthetic_corpus(spec, 3)
    sizes = spec["docs"]
    planned = plan_epoch((257, 300), torch.device("cpu"))
    close("epoch plan covers every position once", torch.sort(torch.cat(planned)).values.eq(
        torch.arange(300)).all().float(), 1.0)
    close("epoch plan steps", len(planned), 3)
    model = GloCtm(40, 30, torch.device("cpu"), 0)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    prior = dirichlet_prior(TOPICS, torch.device("cpu"))
    before = [p.detach().clone() for p in model.parameters()]
    docs = torch.arange(BATCH)
    batch = [(langs[l][1].dense(docs % sizes[l]), langs[l][0].dense(docs % sizes[l]), langs[l][2][docs % sizes[l]])
             for l in range(2)]
    terms = step(model, optimizer, prior, batch, spec)
    total = terms[:4].sum() + spec["lambda_kl"] * terms[4] + spec["lambda_cka"] * terms[5]
    close("total = sum of weighted terms", terms[6], total, 1e-5)
    moved = sum(int(not torch.equal(b, p.detach())) for b, p in zip(before, model.parameters()))
    close("every parameter moved", moved, len(before))
    if failures:
        print("\n".join(["SELF-CHECK FAILED"] + failures))
        return 1
    print("self-check passed")
    return 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--device", choices=("cuda", "cpu"), default="cuda")
    parser.add_argument("--datasets", default="ec_news,amazon_review")
    parser.add_argument("--staging", default="device", help="comma list of device,host")
    parser.add_argument("--loss-read", default="step", help="comma list of step,epoch")
    parser.add_argument("--epochs", type=int, default=3, help="timed epochs per dataset and variant")
    parser.add_argument("--warmup-steps", type=int, default=30)
    parser.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: leave as is)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", help="write the results here")
    parser.add_argument("--self-check", action="store_true", help="check the loss terms, then exit")
    args = parser.parse_args(argv)
    if args.self_check:
        return self_check()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    if args.device == "cuda" and not torch.cuda.is_available():
        raise SystemExit("cuda requested but torch.cuda.is_available() is False")
    device = torch.device(args.device)
    results = {"environment": environment(device), "runs": []}
    for name in args.datasets.split(","):
        langs = synthetic_corpus(DATASETS[name], args.seed)
        for staging in args.staging.split(","):
            for sync in args.loss_read.split(","):
                r = run_dataset(name, langs, device, staging, sync, args.warmup_steps, args.epochs, args.seed)
                results["runs"].append(r)
                print(f"{args.device:4} {name:13} staging={staging:6} loss-read={sync:5} "
                      f"steps={r['stepsPerEpoch']} s/epoch={r['secondsPerEpoch']:.3f} "
                      f"ms/step={r['msPerStep']:.2f} epochs={[round(s, 3) for s in r['epochSeconds']]}",
                      flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
