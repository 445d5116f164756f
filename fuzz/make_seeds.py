#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into OUT/<target>/ (scripts/fuzz.sh calls it).

Seeds are small valid inputs cut from what the repository already holds (the demo corpus, the
presets, the store's fixture databases), plus the first lines of the public datasets when the
folder given with --datasets exists. Nothing here is committed: the corpora grow while fuzzing.
Multi-file inputs join their files with SEPARATOR (fuzz/fuzz_support.h: kPartSeparator).

usage: make_seeds.py OUT [--datasets DIR]
"""

import argparse
import json
import shutil
import sqlite3
import struct
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEPARATOR = b"\n--8<--\n"


def joined(*parts):
    return SEPARATOR.join(p if isinstance(p, bytes) else p.encode() for p in parts)


def first_paragraphs(document, count):
    """A SQuAD-layout document cut to its first article's first `count` paragraphs."""
    article = dict(document["data"][0])
    article["paragraphs"] = article["paragraphs"][:count]
    return json.dumps({"version": document.get("version", "1"), "data": [article]},
                      ensure_ascii=False)


def without_sentences(paragraph_json):
    """The LAReQA layout turned into plain SQuAD v1.1 (MLQA's layout): no sentences, no breaks."""
    document = json.loads(paragraph_json)
    for article in document["data"]:
        for paragraph in article["paragraphs"]:
            paragraph.pop("sentences", None)
            paragraph.pop("sentence_breaks", None)
    return json.dumps(document, ensure_ascii=False)


def head_lines(path, count):
    with open(path, "rb") as file:
        return b"".join(line for _, line in zip(range(count), file))


def lareqa_seeds(datasets):
    demo = ROOT / "resources/demo/eval"
    en = first_paragraphs(json.loads((demo / "en.json").read_text()), 2)
    de = first_paragraphs(json.loads((demo / "de.json").read_text()), 2)
    seeds = {"demo-en": joined(en), "demo-en-de": joined(en, de)}
    for name in ("xquad-r/xquad-r", "mlqa-r"):
        folder = datasets / name if datasets else None
        if folder and (folder / "en.json").exists() and (folder / "de.json").exists():
            parts = [first_paragraphs(json.loads((folder / f"{lang}.json").read_text()), 1)
                     for lang in ("en", "de")]
            seeds[name.split("/")[0]] = joined(*parts)
    return seeds


def mlqa_seeds(datasets):
    seeds = {name: joined(*(without_sentences(part.decode()) for part in seed.split(SEPARATOR)))
             for name, seed in lareqa_seeds(None).items()}
    dev = datasets / "mlqa/MLQA_V1/dev" if datasets else None
    if dev and dev.exists():
        parts = [first_paragraphs(json.loads(
            (dev / f"dev-context-{lang}-question-{lang}.json").read_text()), 1)
            for lang in ("en", "de")]
        seeds["mlqa-dev"] = joined(*parts)
    return seeds


CORPUS = (
    '{"docid": "1#0", "title": "Nairobi", "text": "Nairobi ni mji mkuu wa Kenya."}\n'
    '{"docid": "1#1", "title": "", "text": "Mji huu una watu milioni nne."}\n'
    '{"docid": "2#0", "text": "Mlima Kilimanjaro ni mrefu."}\n')


def miracl_seeds(datasets):
    topics = "0\tMji mkuu wa Kenya ni upi?\n1\tMlima mrefu zaidi Afrika ni upi?\n"
    qrels = "0\tQ0\t1#0\t1\n0\tQ0\t1#1\t0\n1\tQ0\t2#0\t1\n"
    seeds = {"synthetic": joined(topics, qrels, CORPUS)}
    folder = datasets / "miracl" if datasets else None
    if folder and (folder / "topics").exists():
        real_topics = head_lines(folder / "topics/topics.miracl-v1.0-sw-dev.tsv", 3)
        real_qrels = head_lines(folder / "qrels/qrels.miracl-v1.0-sw-dev.tsv", 4)
        docids = {line.split()[2].decode() for line in real_qrels.splitlines()}
        corpus = "".join(json.dumps({"docid": d, "title": "t", "text": "maandishi"}) + "\n"
                         for d in sorted(docids))
        seeds["miracl-sw"] = joined(real_topics, real_qrels, corpus)
    return seeds


def trec_seeds(datasets):
    qrels = "q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\nq2 0 d4 1\n"
    run = ("q1 Q0 d3 1 2.5 r\nq1 Q0 d1 2 1.25 r\nq1 Q0 d9 3 1.25 r\n"
           "q2 Q0 d4 1 -0.5 r\nq3 Q0 d1 1 7 r\n")
    seeds = {"synthetic": joined(qrels, run),
             "ties": joined("a 0 x 1\n", "a Q0 x 1 1 r\na Q0 y 2 1 r\n")}
    folder = datasets / "miracl/qrels" if datasets else None
    if folder and folder.exists():
        real = head_lines(folder / "qrels.miracl-v1.0-sw-dev.tsv", 5)
        seeds["miracl-qrels"] = joined(real, run)
    return seeds


def safetensors(tensors, metadata=None):
    header, data = {}, b""
    if metadata:
        header["__metadata__"] = metadata
    for name, dtype, shape, raw in tensors:
        header[name] = {"dtype": dtype, "shape": shape,
                        "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + data


def safetensors_seeds():
    return {
        "two-tensors": safetensors(
            [("embeddings.weight", "F32", [2, 3], struct.pack("<6f", *range(6))),
             ("position_ids", "I64", [1, 2], struct.pack("<2q", 0, 1))],
            {"format": "pt"}),
        "half-and-bool": safetensors(
            [("a", "F16", [2], b"\x00\x3c\x00\x40"), ("b", "BOOL", [3], b"\x01\x00\x01"),
             ("c", "BF16", [], b"\x80\x3f"), ("empty", "F64", [0, 4], b"")]),
    }


def varint(value):
    out = b""
    while value >= 0x80:
        out += bytes([(value & 0x7F) | 0x80])
        value >>= 7
    return out + bytes([value])


def field(number, wire, payload):
    key = varint(number << 3 | wire)
    if wire == 2:
        return key + varint(len(payload)) + payload
    return key + payload


def sentencepiece_model(pieces, model_type):
    """A ModelProto as tests/text/handmade_sentencepiece.cpp writes it: pieces, trainer_spec
    (model_type: 1 unigram, 2 BPE), normalizer_spec (identity)."""
    model = b""
    for piece, score, kind in pieces:
        message = (field(1, 2, piece.encode()) + field(2, 5, struct.pack("<f", score)) +
                   field(3, 0, varint(kind)))
        model += field(1, 2, message)
    model += field(2, 2, field(3, 0, varint(model_type)))
    model += field(3, 2, field(1, 2, b"identity"))
    return model


SPECIAL = [("<unk>", 0.0, 2), ("<s>", 0.0, 3), ("</s>", 0.0, 3)]
WORDS = [("\u2581hello", -1.0, 1), ("\u2581world", -1.0, 1), ("\u2581", -2.0, 1)]
LETTERS = [(c, -3.0, 1) for c in "helowrd"]


def tokenizer_seeds():
    unigram = sentencepiece_model(SPECIAL + WORDS + LETTERS, 1)
    bpe = sentencepiece_model(SPECIAL + LETTERS + WORDS, 2)
    vocab = "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", "##s",
                       "un", "##aff", "##able", ",", "!", "\u4f60", "\u597d"]) + "\n"
    config = json.dumps({"do_lower_case": True, "strip_accents": None,
                         "tokenize_chinese_chars": True})
    pieces = len(SPECIAL + WORDS + LETTERS)
    xlmr_config = json.dumps({"model_type": "xlm-roberta", "vocab_size": pieces + 2})
    return {
        "sentencepiece": {"unigram": joined(unigram, "hello world"),
                          "bpe": joined(bpe, "hello worlds"), "model-only": unigram},
        "wordpiece": {"vocab-config": joined(vocab, config, "Hello, unaffable worlds! \u4f60"),
                      "vocab-only": vocab.encode()},
        "tokenizer_folder": {"xlmr": joined(unigram, xlmr_config, "", ""),
                             "bert": joined("", "", vocab, config),
                             "both": joined(bpe, xlmr_config, vocab, "")},
    }


def compact_database(source, target):
    """`source` rewritten with 512-byte pages and no WAL, so the fuzzer mutates a small file."""
    shutil.copyfile(source, target)
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("PRAGMA page_size=512")
    connection.execute("VACUUM")
    connection.close()
    return Path(target).read_bytes()


def store_seeds():
    seeds = {}
    with tempfile.TemporaryDirectory() as scratch:
        for db in sorted((ROOT / "tests/fixtures/store").glob("schema_v*.db")):
            seeds[db.stem] = compact_database(db, Path(scratch) / db.name)
    return seeds


def config_seeds():
    return {p.stem: p.read_bytes() for p in sorted((ROOT / "resources/configs").glob("*.json"))}


def text_seeds():
    train = head_lines(ROOT / "resources/demo/train.jsonl", 6).splitlines(keepends=True)
    parallel = ROOT / "resources/demo/parallel"
    return {
        "jsonl_pairs": {"one-file": b"".join(train),
                        "two-files": joined(b"".join(train[:3]), b"".join(train[3:]))},
        "passages_jsonl": {"corpus": CORPUS.encode()},
        "parallel_text": {"demo": joined(head_lines(parallel / "demo.de", 4),
                                         head_lines(parallel / "demo.en", 4))},
    }


def write(out, target, seeds):
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in seeds.items():
        (folder / f"seed-{name}").write_bytes(content if isinstance(content, bytes)
                                              else content.encode())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--datasets", type=Path)
    args = parser.parse_args()
    datasets = args.datasets if args.datasets and args.datasets.exists() else None
    targets = {
        "lareqa": lareqa_seeds(datasets), "mlqa": mlqa_seeds(datasets),
        "miracl": miracl_seeds(datasets), "trec": trec_seeds(datasets),
        "safetensors": safetensors_seeds(), "store_open": store_seeds(),
        "training_config": config_seeds(),
    }
    targets.update(tokenizer_seeds())
    targets.update(text_seeds())
    for target, seeds in targets.items():
        write(args.out, target, seeds)
    print(f"seeds for {len(targets)} targets in {args.out}")


if __name__ == "__main__":
    main()
