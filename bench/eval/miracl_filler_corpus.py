#!/usr/bin/python3
"""A MIRACL-layout folder of any size for timing `mtrec eval --suite miracl` end to end (measured,
never asserted; the passages are filler, so the metrics mean nothing).

    miracl_filler_corpus.py --out DIR --passages N [--lang de] [--seed S]
        [--miracl ../shared/datasets/miracl] [--mlqa ../shared/datasets/mlqa/MLQA_V1]

DIR gets topics/ and qrels/ of one language's MIRACL dev set (copied) and corpus/<lang>.jsonl with
N passages: one for every docid the qrels judge, the rest with new docids. Each passage is three
sentences drawn from that language's MLQA dev contexts, shuffled, with two words swapped, so that
no two passages are alike and the tokenizer sees real text of the language.
"""
import argparse
import json
import os
import random
import re
import shutil


def sentences(mlqa, lang):
    path = os.path.join(mlqa, "dev", f"dev-context-{lang}-question-{lang}.json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)["data"]
    found = []
    for article in data:
        for paragraph in article["paragraphs"]:
            found += [s for s in re.split(r"(?<=[.!?])\s+", paragraph["context"]) if len(s) > 20]
    return found


def judged_docids(qrels_path):
    with open(qrels_path, encoding="utf-8") as f:
        return sorted({line.split("\t")[2] for line in f if line.strip()})


def passage(rng, pool):
    words = " ".join(rng.sample(pool, 3)).split()
    if len(words) > 3:
        i, j = rng.randrange(len(words)), rng.randrange(len(words))
        words[i], words[j] = words[j], words[i]
    return " ".join(words)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--passages", type=int, required=True)
    parser.add_argument("--lang", default="de")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--miracl", default="../shared/datasets/miracl")
    parser.add_argument("--mlqa", default="../shared/datasets/mlqa/MLQA_V1")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    name = f"miracl-v1.0-{args.lang}-dev.tsv"
    for kind in ("topics", "qrels"):
        os.makedirs(os.path.join(args.out, kind), exist_ok=True)
        shutil.copy(os.path.join(args.miracl, kind, f"{kind}.{name}"),
                    os.path.join(args.out, kind, f"{kind}.{name}"))
    judged = judged_docids(os.path.join(args.miracl, "qrels", f"qrels.{name}"))
    if args.passages < len(judged):
        parser.error(f"--passages must be at least the {len(judged)} judged docids")
    pool = sentences(args.mlqa, args.lang)
    os.makedirs(os.path.join(args.out, "corpus"), exist_ok=True)
    with open(os.path.join(args.out, "corpus", f"{args.lang}.jsonl"), "w", encoding="utf-8") as f:
        for n in range(args.passages):
            docid = judged[n] if n < len(judged) else f"filler{n}#0"
            f.write(json.dumps({"docid": docid, "title": "", "text": passage(rng, pool)},
                               ensure_ascii=False) + "\n")
    print(f"{args.out}: {len(judged)} judged docids, {args.passages} passages, "
          f"{len(pool)} {args.lang} sentences drawn from")


if __name__ == "__main__":
    main()
