#!/usr/bin/python3
"""Python twin of corpus_search_bench (C++): exact dense top-k search in chunks, written as a
PyTorch user would: torch matmul of a block of query rows against a chunk of candidates, torch.topk
merged chunk by chunk, and each relevant candidate's rank counted (#{score > its score} + 1).
Same synthetic corpus: N random unit vectors (uniform in [-1, 1)^d, normalised), Q queries near one
of their 3 relevant candidates. Needs Debian's python3-torch with libopenblas0-pthread (the fastest
BLAS Debian offers) and python3-threadpoolctl; prints the BLAS torch uses and one "result" line."""
import argparse
import os
import sys
import time


def parse():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--candidates", type=int, default=100000)
    p.add_argument("--queries", type=int, default=1000)
    p.add_argument("--dim", type=int, default=256)
    p.add_argument("--depth", type=int, default=1000)
    p.add_argument("--relevant", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--chunk-rows", type=int, default=1000)
    p.add_argument("--chunk-columns", type=int, default=16384)
    p.add_argument("--noise", type=float, default=0.5)
    return p.parse_args()


args = parse()
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(args.threads))  # before torch loads OpenBLAS
import torch  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from blas_report import blas_in_use  # noqa: E402


def status_mib(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def reset_peak_rss():
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def corpus(n, d, q, relevant, noise):
    gen = torch.Generator().manual_seed(7)
    docs = torch.rand(n, d, generator=gen).mul_(2).sub_(1)  # in place: 1M x 768 is 3 GB
    docs /= docs.norm(dim=1, keepdim=True)
    judged = torch.randint(0, n, (q, relevant), generator=gen)
    queries = docs[judged[:, 0]] + noise * (torch.rand(q, d, generator=gen) * 2 - 1)
    queries /= queries.norm(dim=1, keepdim=True)
    return docs, queries, judged


def search(docs, queries, judged, k, chunk_rows, chunk_columns):
    n = docs.shape[0]
    top_scores, top_ids, ranks = [], [], []
    matmul_seconds = 0.0
    for first in range(0, queries.shape[0], chunk_rows):
        rows = queries[first:first + chunk_rows]
        relevant = judged[first:first + chunk_rows]
        relevant_scores = (rows.unsqueeze(1) * docs[relevant]).sum(-1)  # rows x relevant
        ahead = torch.zeros_like(relevant)
        best = torch.full((rows.shape[0], 0), float("-inf"))
        best_ids = torch.zeros((rows.shape[0], 0), dtype=torch.long)
        for begin in range(0, n, chunk_columns):
            start = time.perf_counter()
            scores = rows @ docs[begin:begin + chunk_columns].T
            matmul_seconds += time.perf_counter() - start
            ahead += (scores.unsqueeze(1) > relevant_scores.unsqueeze(2)).sum(-1)
            values, ids = torch.topk(scores, min(k, scores.shape[1]), dim=1)
            merged = torch.cat([best, values], dim=1)
            merged_ids = torch.cat([best_ids, ids + begin], dim=1)
            best, keep = torch.topk(merged, min(k, merged.shape[1]), dim=1)
            best_ids = merged_ids.gather(1, keep)
        top_scores.append(best)
        top_ids.append(best_ids)
        ranks.append(ahead + 1)
    return torch.cat(top_scores), torch.cat(top_ids), torch.cat(ranks), matmul_seconds


def main():
    torch.set_num_threads(args.threads)
    docs, queries, judged = corpus(args.candidates, args.dim, args.queries, args.relevant,
                                   args.noise)
    before = status_mib("VmRSS")
    reset_peak_rss()
    start = time.perf_counter()
    cpu_start = time.process_time()
    with torch.no_grad():
        _, _, ranks, matmul_seconds = search(docs, queries, judged, args.depth, args.chunk_rows,
                                             args.chunk_columns)
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak = status_mib("VmHWM")
    print("Python search: torch %s, %d threads" % (torch.__version__, torch.get_num_threads()))
    for line in blas_in_use():
        print("  " + line)
    print("matmul %.3f s (%.1f GFLOP/s)" % (
        matmul_seconds, 2.0 * args.queries * args.candidates * args.dim / matmul_seconds / 1e9))
    recip_rank = (1.0 / ranks.min(dim=1).values.double()).mean().item()
    print("recip_rank %.4f (first relevant rank; score ties not broken)" % recip_rank)
    # N d Q k threads wall cpu rss_before_MiB peak_MiB (peak = VmHWM during the search)
    print("result python %d %d %d %d %d %.3f %.3f %.1f %.1f" % (
        args.candidates, args.dim, args.queries, args.depth, args.threads, wall, cpu, before,
        peak))
    return 0


if __name__ == "__main__":
    sys.exit(main())
