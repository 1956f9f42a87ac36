#!/usr/bin/env python3
"""Markdown table of e2e results files (bench/results/e2e-*.json), one row per run, for bench/results/e2e.md."""
import json
import sys

COLUMNS = [
    ("stream", lambda r: r["lang_mix"]),
    ("guarantee", lambda r: {"exactly_once_v2": "EOS v2", "at_least_once": "ALOS"}.get(r["guarantee"], r["guarantee"])),
    ("batch", lambda r: r["batch_size"]),
    ("threads", lambda r: r["threads"]),
    ("docs/s", lambda r: f'{r["docs_per_s"]:,.0f}'),
    ("bound docs/s", lambda r: f'{r["bound_docs_per_s"]:,.0f}'),
    ("ratio", lambda r: f'{r["ratio_to_bound"]:.2f}'),
    ("docs/CPU s", lambda r: f'{r.get("docs_per_cpu_s", float("nan")):,.0f}'),
    ("bound docs/CPU s", lambda r: f'{r.get("bound_docs_per_cpu_s", float("nan")):,.0f}'),
    ("CPU ratio", lambda r: f'{r.get("cpu_ratio_to_bound", float("nan")):.2f}'),
    ("stream thread busy", lambda r: f'{100 * r.get("stream_threads_busy_share", float("nan")):.0f}%'),
    ("stream thread µs/doc (featurise + infer; bound)", lambda r: model_work(r)),
    ("latency rate docs/s", lambda r: f'{r["latency_rate_docs_per_s"]:,.0f}'),
    ("p50/p99/p99.9 ms", lambda r: f'{r["p50_ms"]:.0f} / {r["p99_ms"]:.0f} / {r["p999_ms"]:.0f}'),
    ("visible p99 ms", lambda r: f'{r["visible_p99_ms"]:.0f}'),
    ("GC", lambda r: f'{100 * r["gc_time_share"]:.1f}%'),
    ("heap peak/max MB", lambda r: f'{r["heap_peak_used_mb"]:.0f} / {r["heap_max_mb"]:.0f}'),
    ("load avg", lambda r: f'{r["load_average_start"]:.1f}-{r["load_average_end"]:.1f}'),
]


def model_work(run):
    """The stream thread's CPU per result, the app's own featurise + infer time in it, and the bound's CPU per document."""
    if "cpu_us_per_doc" in run:
        stream = f'{run["cpu_us_per_doc"]["stream_threads"]:.0f}'
    elif "stream_thread_us_per_doc" in run:
        # harness 5403a44: the stream thread together with its producer's I/O thread
        stream = f'{run["stream_thread_us_per_doc"]:.0f}*'
    else:
        return "n/a"
    bound = 1e6 / run["bound_docs_per_cpu_s"]
    return (f'{stream} ({run["app_featurize_us_per_doc"]:.0f} + '
            f'{run["app_infer_us_per_doc"]:.0f}; {bound:.0f})')


KINDS = ["stream_threads", "kafka_client_io", "harness", "other_threads", "jit", "gc", "jvm", "broker"]


def table(columns, runs):
    print("| " + " | ".join(name for name, _ in columns) + " |")
    print("|" + "---|" * len(columns))
    for run in runs:
        print("| " + " | ".join(str(cell(run)) for _, cell in columns) + " |")


def main(paths):
    runs = [json.load(open(path)) for path in paths]
    table(COLUMNS, runs)
    split = [run for run in runs if "cpu_us_per_doc" in run]
    if split:
        print()
        print("CPU µs per result, by kind of work (`cpu_us_per_doc`), beside the bound's:")
        print()
        table([("stream", lambda r: r["lang_mix"]), ("guarantee", COLUMNS[1][1])]
              + [(kind.replace("_", " "), lambda r, k=kind: f'{r["cpu_us_per_doc"].get(k, 0):.0f}') for kind in KINDS]
              + [("total", lambda r: f'{sum(r["cpu_us_per_doc"].get(k, 0) for k in KINDS):.0f}'),
                 ("bound", lambda r: f'{1e6 / r["bound_docs_per_cpu_s"]:.0f}')], split)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: e2e_table.py RESULT.json...")
    main(sys.argv[1:])
