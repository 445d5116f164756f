#!/usr/bin/python3
"""Encoding throughput of the default from-scratch encoder in Python PyTorch -- the reference for
bench/train/encode_throughput.sh, which runs it alternately with the C++ executable.

    encode_throughput.py --make-inputs FILE [--texts N] [--seed S]   # token-id rows, one a line
    encode_throughput.py --inputs FILE [--threads T] [--batch B] [--mkldnn] [--autocast bf16]
                         [--hidden H --layers L --heads A --ffn F]

Does what model::embedIds does: sort rows by length, pad each batch to its longest row, run the
encoder (hidden 256, 4 layers, 4 heads, FFN 1024 unless told otherwise, pre-LayerNorm, mean
pooling) in eval mode under
torch.inference_mode(), L2-normalise, put rows back in input order. The model is written the way a
Python user writes it (nn.Linear, matmul attention, F.gelu); --mkldnn converts its Linear layers
with torch.utils.mkldnn.to_mkldnn, Python's own way to reach oneDNN on this torch build; --autocast
bf16 runs the encoder under torch.autocast("cpu", dtype=torch.bfloat16) (PyTorch's mixed precision).
Prints one line: "python texts_per_s=<rate> texts=<n> seconds=<s>".
"""
import argparse
import contextlib
import math
import os
import random
import sys
import time

import torch
import torch.utils.mkldnn
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from blas_report import blas_in_use  # noqa: E402

VOCAB, POSITIONS, PAD = 8000, 128, 0


class Layer(nn.Module):
    def __init__(self, hidden, heads, ffn):
        super().__init__()
        self.hidden, self.heads = hidden, heads
        self.qkv = nn.Linear(hidden, 3 * hidden)
        self.out = nn.Linear(hidden, hidden)
        self.norm1 = nn.LayerNorm(hidden, eps=1e-12)
        self.norm2 = nn.LayerNorm(hidden, eps=1e-12)
        self.ff1 = nn.Linear(hidden, ffn)
        self.ff2 = nn.Linear(ffn, hidden)

    def forward(self, x, bias):
        b, l, _ = x.shape
        d = self.hidden // self.heads
        q, k, v = self.qkv(self.norm1(x)).view(b, l, 3, self.heads, d).permute(2, 0, 3, 1, 4)
        probs = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + bias, dim=-1)
        x = x + self.out((probs @ v).transpose(1, 2).reshape(b, l, self.hidden))
        return x + self.ff2(F.gelu(self.ff1(self.norm2(x))))


class Encoder(nn.Module):
    def __init__(self, hidden=256, layers=4, heads=4, ffn=1024):
        super().__init__()
        self.hidden = hidden
        self.word = nn.Embedding(VOCAB, hidden, padding_idx=PAD)
        self.position = nn.Embedding(POSITIONS, hidden)
        self.norm = nn.LayerNorm(hidden, eps=1e-12)
        self.layers = nn.ModuleList(Layer(hidden, heads, ffn) for _ in range(layers))
        self.final = nn.LayerNorm(hidden, eps=1e-12)

    def forward(self, ids, mask):
        x = self.norm(self.word(ids) + self.position.weight[: ids.shape[1]])
        bias = (mask == 0).float()[:, None, None, :] * -1e9
        for layer in self.layers:
            x = layer(x, bias)
        x = self.final(x)
        m = mask.unsqueeze(-1).float()
        return (x * m).sum(1) / m.sum(1).clamp(min=1.0)


def embed(model, rows, batch):
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
    out = torch.zeros(len(rows), model.hidden)
    for start in range(0, len(rows), batch):
        chunk = order[start:start + batch]
        width = max(len(rows[i]) for i in chunk)
        ids = torch.full((len(chunk), width), PAD, dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        for r, i in enumerate(chunk):
            ids[r, :len(rows[i])] = torch.tensor(rows[i])
            mask[r, :len(rows[i])] = 1
        pooled = F.normalize(model(ids, mask), dim=1)
        out[torch.tensor(chunk)] = pooled
    return out


def make_inputs(path, texts, seed):
    rng = random.Random(seed)
    with open(path, "w") as f:
        for _ in range(texts):
            # Sentence-like lengths: mostly 12-60 tokens, a tail up to the 128 positions.
            length = min(POSITIONS, max(4, int(rng.lognormvariate(3.4, 0.5))))
            f.write(" ".join(str(rng.randrange(4, VOCAB)) for _ in range(length)) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--make-inputs")
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--inputs")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--mkldnn", action="store_true")
    parser.add_argument("--autocast", choices=["none", "bf16"], default="none")
    parser.add_argument("--label", help="the name the result line starts with")
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--ffn", type=int, default=1024)
    args = parser.parse_args()
    if args.make_inputs:
        make_inputs(args.make_inputs, args.texts, args.seed)
        return
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    with open(args.inputs) as f:
        rows = [[int(t) for t in line.split()] for line in f if line.strip()]
    model = Encoder(args.hidden, args.layers, args.heads, args.ffn).eval()
    if args.mkldnn:
        model = torch.utils.mkldnn.to_mkldnn(model)
    bf16 = args.autocast == "bf16"
    cast = torch.autocast("cpu", dtype=torch.bfloat16) if bf16 else contextlib.nullcontext()
    with torch.inference_mode(), cast:
        embed(model, rows[: args.batch], args.batch)  # warm-up
        start = time.perf_counter()
        result = embed(model, rows, args.batch)
        seconds = time.perf_counter() - start
    # Under autocast the pooled rows may be normalised in bfloat16 (8 significant bits).
    assert torch.allclose(result.norm(dim=1), torch.ones(len(rows)), atol=1e-2 if bf16 else 1e-4)
    name = args.label or ("python_mkldnn" if args.mkldnn else "python")
    for line in blas_in_use():
        print("# blas " + line)
    print(f"{name} texts_per_s={len(rows) / seconds:.1f} texts={len(rows)} seconds={seconds:.3f}")


if __name__ == "__main__":
    main()
