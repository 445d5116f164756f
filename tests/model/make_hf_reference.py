#!/usr/bin/python3
"""Reference outputs for mtrec_model_tests, computed in plain PyTorch (no transformers package).

    make_hf_reference.py OUT_DIR

1. Builds a tiny random XLM-R (OUT_DIR/xlm-roberta) and a tiny random BERT (OUT_DIR/bert) in
   Hugging Face layout -- config.json + model.safetensors written by hand -- and writes, beside
   them, reference.safetensors: the padded input batch (input_ids, attention_mask) and what
   Hugging Face's modeling code computes for it (last_hidden_state, mean_pooled, cls_pooled).
   The forward pass below mirrors transformers' RobertaModel / BertModel in eval mode:
   create_position_ids_from_input_ids for XLM-R, token type 0, post-LayerNorm layers, the
   additive mask (1 - mask) * finfo(float32).min, GELU in its erf form.
2. For every OUT_DIR/scratch*/ folder the C++ test wrote (encoder.json, weights.safetensors with
   the encoder's own parameter names, inputs.safetensors), computes the project's from-scratch
   encoder (fused qkv, pre- or post-LayerNorm) on those inputs into reference.safetensors there.

Exit status 0 on success; the C++ test skips when /usr/bin/python3 or torch is missing.
"""
import json
import math
import os
import struct
import sys

import torch
import torch.nn.functional as F

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "I64": torch.int64}
NAMES = {v: k for k, v in DTYPES.items()}


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, tensor in tensors.items():
        data = tensor.contiguous().view(torch.uint8).numpy().tobytes()
        header[name] = {"dtype": NAMES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for blob in blobs:
            out.write(blob)


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + length])
    data, tensors = raw[8 + length:], {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        dtype = DTYPES[entry["dtype"]]
        flat = torch.frombuffer(bytearray(data[begin:end]), dtype=dtype) if end > begin \
            else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(entry["shape"])
    return tensors


def pooled(hidden, mask):
    m = mask.to(hidden.dtype).unsqueeze(-1)
    mean = (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)
    return mean, hidden[:, 0].clone()


def attention_scores(q, k, v, mask, heads):
    batch, seq, hidden = q.shape
    d = hidden // heads
    split = lambda t: t.view(batch, seq, heads, d).permute(0, 2, 1, 3)
    scores = torch.matmul(split(q), split(k).transpose(-1, -2)) / math.sqrt(d)
    scores = scores + (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
    probs = torch.softmax(scores, dim=-1)
    return torch.matmul(probs, split(v)).permute(0, 2, 1, 3).reshape(batch, seq, hidden)


# ---- Hugging Face XLM-R / BERT ---------------------------------------------------------------

def hf_forward(w, cfg, ids, mask):
    p = lambda name: w[name].float()
    hidden, heads, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["layer_norm_eps"]
    batch, seq = ids.shape
    if cfg["model_type"] == "xlm-roberta":
        pad = cfg["pad_token_id"]
        real = ids.ne(pad).int()
        positions = (torch.cumsum(real, dim=1).type_as(real) * real).long() + pad
    else:
        positions = torch.arange(seq).expand(batch, seq)
    x = F.embedding(ids, p("embeddings.word_embeddings.weight")) \
        + F.embedding(positions, p("embeddings.position_embeddings.weight")) \
        + F.embedding(torch.zeros_like(ids), p("embeddings.token_type_embeddings.weight"))
    x = F.layer_norm(x, (hidden,), p("embeddings.LayerNorm.weight"), p("embeddings.LayerNorm.bias"), eps)
    for i in range(cfg["num_hidden_layers"]):
        n = f"encoder.layer.{i}."
        lin = lambda t, name: F.linear(t, p(n + name + ".weight"), p(n + name + ".bias"))
        context = attention_scores(lin(x, "attention.self.query"), lin(x, "attention.self.key"),
                                   lin(x, "attention.self.value"), mask, heads)
        a = F.layer_norm(lin(context, "attention.output.dense") + x, (hidden,),
                         p(n + "attention.output.LayerNorm.weight"),
                         p(n + "attention.output.LayerNorm.bias"), eps)
        inter = F.gelu(lin(a, "intermediate.dense"))
        x = F.layer_norm(lin(inter, "output.dense") + a, (hidden,), p(n + "output.LayerNorm.weight"),
                         p(n + "output.LayerNorm.bias"), eps)
    return x


def random_hf_weights(cfg, gen):
    h, inter, std = cfg["hidden_size"], cfg["intermediate_size"], 0.08
    randn = lambda *shape: torch.randn(*shape, generator=gen)
    w = {"embeddings.word_embeddings.weight": randn(cfg["vocab_size"], h) * std,
         "embeddings.position_embeddings.weight": randn(cfg["max_position_embeddings"], h) * std,
         "embeddings.token_type_embeddings.weight": randn(cfg["type_vocab_size"], h) * std}

    def norm(name):
        w[name + ".weight"] = 1.0 + 0.1 * randn(h)
        w[name + ".bias"] = 0.1 * randn(h)

    def linear(name, rows, cols, scale=std):
        w[name + ".weight"] = randn(rows, cols) * scale
        w[name + ".bias"] = randn(rows) * 0.05

    norm("embeddings.LayerNorm")
    for i in range(cfg["num_hidden_layers"]):
        n = f"encoder.layer.{i}."
        for part in ("query", "key"):  # larger, so attention is far from uniform
            linear(n + "attention.self." + part, h, h, 0.3)
        linear(n + "attention.self.value", h, h)
        linear(n + "attention.output.dense", h, h)
        norm(n + "attention.output.LayerNorm")
        linear(n + "intermediate.dense", inter, h)
        linear(n + "output.dense", h, inter)
        norm(n + "output.LayerNorm")
    linear("pooler.dense", h, h)  # present in real checkpoints, unused by the encoder
    return w


def padded_batch(rows, pad):
    seq = max(len(r) for r in rows)
    ids = torch.full((len(rows), seq), pad, dtype=torch.int64)
    mask = torch.zeros((len(rows), seq), dtype=torch.int64)
    for i, r in enumerate(rows):
        ids[i, :len(r)] = torch.tensor(r)
        mask[i, :len(r)] = 1
    return ids, mask


def make_hf(out_dir, model_type, prefix, dtype, seed):
    xlmr = model_type == "xlm-roberta"
    cfg = {"model_type": model_type, "architectures": ["XLMRobertaModel" if xlmr else "BertModel"],
           "vocab_size": 120, "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 4,
           "intermediate_size": 64, "max_position_embeddings": 40 if xlmr else 32,
           "type_vocab_size": 1 if xlmr else 2, "layer_norm_eps": 1e-5 if xlmr else 1e-12,
           "pad_token_id": 1 if xlmr else 0, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
           "attention_probs_dropout_prob": 0.1, "position_embedding_type": "absolute"}
    gen = torch.Generator().manual_seed(seed)
    weights = {k: v.to(dtype) for k, v in random_hf_weights(cfg, gen).items()}
    pad = cfg["pad_token_id"]
    begin, end = (0, 2) if xlmr else (101 % 120, 102 % 120)
    body = lambda n, start: [begin] + [(start + 7 * j) % 113 + 4 for j in range(n)] + [end]
    ids, mask = padded_batch([body(5, 3), body(2, 50), body(9, 11), body(1, 90)], pad)
    hidden = hf_forward(weights, cfg, ids, mask)
    mean, cls = pooled(hidden, mask)
    folder = os.path.join(out_dir, model_type)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(cfg, f, indent=2)
    stored = {prefix + k: v for k, v in weights.items()}
    if xlmr:  # older checkpoints carry this buffer; the loader must ignore it
        stored[prefix + "embeddings.position_ids"] = torch.arange(cfg["max_position_embeddings"])[None]
    write_safetensors(os.path.join(folder, "model.safetensors"), stored)
    write_safetensors(os.path.join(folder, "reference.safetensors"),
                      {"input_ids": ids, "attention_mask": mask, "last_hidden_state": hidden,
                       "mean_pooled": mean, "cls_pooled": cls})


# ---- the project's from-scratch encoder --------------------------------------------------------

def scratch_forward(w, cfg, ids, mask):
    hidden, heads, eps = cfg["hidden_size"], cfg["heads"], cfg["layer_norm_eps"]
    ln = lambda t, name: F.layer_norm(t, (hidden,), w[name + ".weight"], w[name + ".bias"], eps)
    lin = lambda t, name: F.linear(t, w[name + ".weight"], w[name + ".bias"])
    seq = ids.shape[1]
    x = F.embedding(ids, w["embeddings.word_embeddings.weight"]) \
        + w["embeddings.position_embeddings.weight"][:seq]
    x = ln(x, "embeddings.LayerNorm")
    act = {"gelu": F.gelu, "relu": F.relu}[cfg["hidden_act"]]
    for i in range(cfg["layers"]):
        n = f"layer.{i}."

        def attend(t):
            q, k, v = lin(t, n + "attention.qkv").split(hidden, dim=-1)
            return lin(attention_scores(q, k, v, mask, heads), n + "attention.output")

        ffn = lambda t: lin(act(lin(t, n + "feed_forward.intermediate")), n + "feed_forward.output")
        if cfg["pre_layer_norm"]:
            x = x + attend(ln(x, n + "attention_norm"))
            x = x + ffn(ln(x, n + "output_norm"))
        else:
            x = ln(x + attend(x), n + "attention_norm")
            x = ln(x + ffn(x), n + "output_norm")
    return ln(x, "final_norm") if cfg["pre_layer_norm"] else x


def make_scratch(folder):
    with open(os.path.join(folder, "encoder.json")) as f:
        cfg = json.load(f)
    weights = read_safetensors(os.path.join(folder, "weights.safetensors"))
    inputs = read_safetensors(os.path.join(folder, "inputs.safetensors"))
    ids, mask = inputs["input_ids"], inputs["attention_mask"]
    hidden = scratch_forward(weights, cfg, ids, mask)
    mean, cls = pooled(hidden, mask)
    write_safetensors(os.path.join(folder, "reference.safetensors"),
                      {"last_hidden_state": hidden, "mean_pooled": mean, "cls_pooled": cls})


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    torch.set_num_threads(1)
    with torch.no_grad():
        make_hf(out_dir, "xlm-roberta", "roberta.", torch.float32, seed=1234)
        make_hf(out_dir, "bert", "", torch.float16, seed=5678)
        for name in sorted(os.listdir(out_dir)):
            if name.startswith("scratch"):
                make_scratch(os.path.join(out_dir, name))


if __name__ == "__main__":
    main()
