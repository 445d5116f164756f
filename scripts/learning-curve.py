#!/usr/bin/env python3
"""The learning curve of a trained run: XQuAD-R mAP (Mo, Cr, Mul; over the run's training
languages and over all) of every step checkpoint the run kept, against training minutes.

  scripts/learning-curve.py --db paper.db --run 7 [--data ../shared/datasets/xquad-r/xquad-r]
                            [--steps all|last|250,1000]

Needs the run's folder with its step checkpoints (keep as many as wanted with
optimizer.keep_checkpoints). Minutes are wall-clock from the run's start to the checkpoint's
write (validation and checkpointing included). Each checkpoint is evaluated with
`mtrec eval --scorer dense`; the results go to <run folder>/learning-curve/. Prints a Markdown
table and writes learning-curve.csv beside it.
"""
import argparse
import csv
import json
import os
import sqlite3
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_record(db, run_id):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    row = con.execute("select config_json, started_at, checkpoint_path from runs where id = ?",
                      (run_id,)).fetchone()
    if row is None:
        sys.exit(f"{db}: no run {run_id}")
    return json.loads(row[0]), row[1], row[2]


def settings(pairs_csv, seen):
    rows = [r for r in csv.DictReader(open(pairs_csv)) if r["metric"] == "map"]
    def mean(values):
        return sum(values) / len(values) if values else float("nan")
    def pick(setting, languages):
        return mean([float(r["value"]) for r in rows if r["setting"] == setting
                     and r["query_lang"] in languages
                     and (setting != "Cr" or r["cand_lang"] in languages)])
    every = {r["query_lang"] for r in rows}
    return {f"{s} {name}": pick(s, langs)
            for name, langs in (("seen", seen), ("all", every)) for s in ("Mo", "Cr", "Mul")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--run", type=int, required=True)
    parser.add_argument("--data", default=os.path.join(ROOT, "../shared/datasets/xquad-r/xquad-r"))
    parser.add_argument("--mtrec", default=os.path.join(ROOT, "build/app/mtrec"))
    parser.add_argument("--steps", default="all",
                        help="which kept checkpoints: all (default), last, or steps like 250,1000")
    args = parser.parse_args()
    config, started_ms, checkpoint = run_record(args.db, args.run)
    if not checkpoint:
        sys.exit(f"run {args.run} has no checkpoint")
    folder = os.path.dirname(os.path.dirname(checkpoint))
    steps = sorted(d for d in os.listdir(os.path.join(folder, "checkpoints"))
                   if d.startswith("step-"))
    if args.steps == "last":
        steps = steps[-1:]
    elif args.steps != "all":
        wanted = {int(step) for step in args.steps.split(",")}
        steps = [d for d in steps if int(d[5:]) in wanted]
    if not steps:
        sys.exit(f"run {args.run}: no kept checkpoint of the steps asked for ({args.steps})")
    seen = set(config["data"]["languages"])
    out_rows = []
    for step in steps:
        path = os.path.join(folder, "checkpoints", step)
        minutes = (os.path.getmtime(path) * 1000 - started_ms) / 60000
        out = os.path.join(folder, "learning-curve", step)
        if not os.path.exists(os.path.join(out, "pairs.csv")):
            subprocess.run([args.mtrec, "eval", "--suite", "xquad-r", "--data", args.data,
                            "--scorer", "dense", "--model", path, "--out", out,
                            "--max-length", str(config["tokenizer"].get("max_length", 128))],
                           check=True, stdout=subprocess.DEVNULL)
        out_rows.append({"step": int(step[5:]), "minutes": minutes,
                         **settings(os.path.join(out, "pairs.csv"), seen)})
    columns = list(out_rows[0].keys())
    with open(os.path.join(folder, "learning-curve", "learning-curve.csv"), "w") as f:
        writer = csv.DictWriter(f, columns)
        writer.writeheader()
        writer.writerows(out_rows)
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in out_rows:
        print("| " + " | ".join(f"{row[c]:.3f}" if isinstance(row[c], float) else str(row[c])
                                for c in columns) + " |")


if __name__ == "__main__":
    main()
