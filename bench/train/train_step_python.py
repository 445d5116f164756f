#!/usr/bin/python3
"""The training step of the default from-scratch encoder in Python PyTorch, for train_vs_python.sh.

The same model as core/model (EncoderConfig::fromScratch: vocab 8000, hidden 256, 4 layers, 4 heads,
ffn 1024, 128 positions, pre-LayerNorm, GELU (erf), dropout 0.1 on embeddings / sublayer outputs /
attention probabilities, final LayerNorm, masked mean pooling, BERT-style N(0, 0.02) init), the same
InfoNCE loss (cosine x 20 over in-batch negatives), the same AdamW (lr 3e-5 with linear warm-up and
decay, weight decay 0.01 on matrices only, betas 0.9/0.999, eps 1e-8), the same gradient clipping
(global norm 1.0), the same shapes (queries and passages [batch, seq], every token real, random ids
drawn before timing), the same thread count. Written the way a PyTorch user would: nn.Linear,
nn.LayerNorm, nn.Embedding, F.dropout.

--linear conv: every Linear runs as a 1x1 convolution instead, the one fp32 path through oneDNN
that Python has on this torch build (its matmul goes to the system BLAS), as a stronger reference.

--autocast bf16: the forward passes and the loss run under torch.autocast("cpu", dtype=torch.bfloat16)
(PyTorch's own mixed precision: its matmuls and linears in bfloat16, per-op casts, float32 master
weights), the Python counterpart of the C++ step's --precision bf16.

Prints one line per timed step ("step <i> <seconds>") and a summary line.
"""
import argparse
import contextlib
import math
import os
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from blas_report import blas_in_use  # noqa: E402


class ConvLinear(nn.Module):
    """nn.Linear's parameters, computed as a 1x1 conv1d (oneDNN) on [N, in] rows."""

    def __init__(self, d_in, d_out):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(d_out, d_in))
        self.bias = nn.Parameter(torch.zeros(d_out))

    def forward(self, x):
        shape = x.shape
        rows = x.reshape(1, -1, shape[-1]).transpose(1, 2)  # [1, in, N]
        y = F.conv1d(rows, self.weight.unsqueeze(-1), self.bias)  # [1, out, N]
        return y.transpose(1, 2).reshape(*shape[:-1], -1)


def make_linear(kind, d_in, d_out):
    return nn.Linear(d_in, d_out) if kind == "nn" else ConvLinear(d_in, d_out)


class Layer(nn.Module):
    def __init__(self, hidden, heads, ffn, dropout, kind):
        super().__init__()
        self.heads = heads
        self.dropout = dropout
        self.qkv = make_linear(kind, hidden, 3 * hidden)
        self.attn_out = make_linear(kind, hidden, hidden)
        self.attention_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.intermediate = make_linear(kind, hidden, ffn)
        self.output = make_linear(kind, ffn, hidden)
        self.output_norm = nn.LayerNorm(hidden, eps=1e-12)

    def attention(self, x, key_bias):
        b, s, h = x.shape
        d = h // self.heads
        qkv = self.qkv(x).view(b, s, 3, self.heads, d).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + key_bias[:, None, None, :]
        probs = F.dropout(torch.softmax(scores, dim=-1), self.dropout, self.training)
        context = torch.matmul(probs, v).transpose(1, 2).reshape(b, s, h)
        return self.attn_out(context)

    def forward(self, x, key_bias):
        h = x + F.dropout(self.attention(self.attention_norm(x), key_bias), self.dropout,
                          self.training)
        f = self.output(F.gelu(self.intermediate(self.output_norm(h))))
        return h + F.dropout(f, self.dropout, self.training)


class Encoder(nn.Module):
    def __init__(self, vocab, hidden, layers, heads, ffn, positions, dropout, kind):
        super().__init__()
        self.dropout = dropout
        self.word_embeddings = nn.Embedding(vocab, hidden, padding_idx=0)
        self.position_embeddings = nn.Embedding(positions, hidden)
        self.embedding_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.layers = nn.ModuleList(
            [Layer(hidden, heads, ffn, dropout, kind) for _ in range(layers)])
        self.final_norm = nn.LayerNorm(hidden, eps=1e-12)
        for name, p in self.named_parameters():
            if p.dim() >= 2:
                nn.init.normal_(p, 0.0, 0.02)
            elif "norm" in name:
                nn.init.ones_(p) if name.endswith("weight") else nn.init.zeros_(p)
            else:
                nn.init.zeros_(p)
        with torch.no_grad():
            self.word_embeddings.weight[0].zero_()

    def forward(self, ids, mask):
        seq = ids.shape[1]
        x = self.word_embeddings(ids) + self.position_embeddings.weight[:seq]
        x = F.dropout(self.embedding_norm(x), self.dropout, self.training)
        key_bias = (1.0 - mask.float()) * -1e9
        for layer in self.layers:
            x = layer(x, key_bias)
        x = self.final_norm(x)
        weights = mask.float()
        return (x * weights.unsqueeze(-1)).sum(1) / weights.sum(1, keepdim=True).clamp_min(1.0)


def info_nce(q, d, scale):
    q = F.normalize(q, dim=1)
    d = F.normalize(d, dim=1)
    logits = q @ d.t() * scale
    return F.cross_entropy(logits, torch.arange(q.shape[0]))


def autocast(kind):
    """torch.autocast on the CPU in bfloat16, or nothing."""
    if kind == "bf16":
        return torch.autocast("cpu", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=5, help="timed steps")
    parser.add_argument("--warmup", type=int, default=1, help="untimed steps first")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32, help="pairs per step")
    parser.add_argument("--seq", type=int, default=64)
    parser.add_argument("--vocab", type=int, default=8000)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--ffn", type=int, default=1024)
    parser.add_argument("--linear", choices=["nn", "conv"], default="nn")
    parser.add_argument("--autocast", choices=["none", "bf16"], default="none")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    model = Encoder(args.vocab, args.hidden, args.layers, args.heads, args.ffn, 128, 0.1,
                    args.linear)
    model.train()
    decay = [p for p in model.parameters() if p.dim() >= 2]
    plain = [p for p in model.parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01},
                                   {"params": plain, "weight_decay": 0.0}], lr=3e-5)
    total = args.warmup + args.steps
    warm = max(1, total // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda i: (i + 1) / warm if i < warm else (total - i) / max(1, total - warm))
    batches = [(torch.randint(5, args.vocab, (args.batch, args.seq)),
                torch.randint(5, args.vocab, (args.batch, args.seq))) for _ in range(total)]
    mask = torch.ones(args.batch, args.seq, dtype=torch.long)

    times = []
    cpu_times = []
    for i, (queries, passages) in enumerate(batches):
        start = time.perf_counter()
        cpu_start = time.process_time()
        optimizer.zero_grad()
        with autocast(args.autocast):
            loss = info_nce(model(queries, mask), model(passages, mask), 20.0)
        value = loss.item()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        if i >= args.warmup:
            times.append(seconds)
            cpu_times.append(cpu)
            print(f"step {i - args.warmup + 1} {seconds:.6f} cpu {cpu:.6f} loss {value:.6f}",
                  flush=True)
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    for line in blas_in_use():
        print("# blas " + line)
    times.sort()
    cpu_times.sort()
    print(f"python linear={args.linear} autocast={args.autocast} threads={args.threads}"
          f" median_step_s={times[len(times) // 2]:.6f}"
          f" median_cpu_s={cpu_times[len(cpu_times) // 2]:.6f} peak_rss_mib={rss_mib:.1f}")


if __name__ == "__main__":
    main()
