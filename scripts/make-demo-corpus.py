#!/usr/bin/env python3
"""Generates the bundled demo corpus, resources/demo/, from the templates and tables in
demo_corpus_tables.py (Python 3 standard library only; the same bytes on every run).

The corpus: 360 invented entities (companies, bands, programs), each described by a paragraph of
five sentences, one per property, in six languages (en, de, es, ru, zh, ar). Each paragraph has two
questions, each answered by one of its sentences: 720 parallel question-answer items. Paragraphs
are split 80/20 into a training part and an evaluation part (items of one paragraph stay
together). Written files (under the output folder):

  train.jsonl                 training part: {"id","lang","query","passage","hard_negative"}, one
                              line per item and language (configs hold out validation groups
                              from it with data.validation.fraction)
  parallel/demo.<lang>         line-parallel translations (question, then answer sentence, of
                              every training item) for the translation-ranking task: line i of
                              demo.de translates line i of demo.en
  eval/<lang>.json            evaluation part in the XQuAD-R (LAReQA) layout

Usage: scripts/make-demo-corpus.py [--out DIR]   (default: resources/demo next to this script)
"""

import argparse
import json
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the script
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo_corpus_tables as tables  # noqa: E402

SEED = 20241126
PARAGRAPHS_PER_DOMAIN = 120
QUESTIONS_PER_PARAGRAPH = 2
EVAL_SHARE = 0.2
MASK64 = (1 << 64) - 1


class Random:
    """splitmix64: a small generator written out here so the output never depends on the
    Python version's random module."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def between(self, low, high):
        return low + self.below(high - low + 1)

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


def make_names(count, rng):
    """`count` distinct invented names, head + tail."""
    names = [h + t for h in tables.NAME_HEADS for t in tables.NAME_TAILS]
    rng.shuffle(names)
    if count > len(names):
        raise SystemExit(f"only {len(names)} names for {count} entities")
    return names[:count]


def draw_count(rng, low, high):
    """A count in [low, high] whose last two digits lie in 12..99 and whose last digit is not 1
    (so one noun form fits: see COUNT_NOUNS)."""
    while True:
        n = rng.between(low, high)
        if n % 100 >= 12 and n % 10 != 1:
            return n


def count_phrase(lang, n, noun_key):
    """The number and its counted noun in `lang` ("1245 people", "1245 человек", "1245名员工")."""
    noun = tables.COUNT_NOUNS[noun_key][lang]
    if lang == "ru":
        few, many = noun
        noun = few if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else many
    if lang == "zh":
        return f"{n}{noun}"
    return f"{n} {noun}"


def draw_values(domain, rng):
    """One entity's property values: {property: value} (a number or a table row index)."""
    values = {}
    for prop, spec in domain["properties"].items():
        kind = spec["value"][0]
        if kind == "year":
            values[prop] = rng.between(spec["value"][1], spec["value"][2])
        elif kind == "count":
            values[prop] = draw_count(rng, spec["value"][1], spec["value"][2])
        else:
            table = {"city": tables.CITIES, "product": tables.PRODUCTS, "genre": tables.GENRES,
                     "purpose": tables.PURPOSES, "plang": tables.PROGRAMMING_LANGUAGES}[kind]
            values[prop] = rng.below(len(table))
    return values


def fields(lang, name, prop, spec, value):
    """The template fields for one property sentence or question in `lang`."""
    li = tables.LANGUAGES.index(lang)
    kind = spec["value"][0]
    out = {"name": name}
    if kind == "year":
        out["year"] = value
    elif kind == "count":
        out["count"] = count_phrase(lang, value, prop)
    elif kind == "city":
        row = tables.CITIES[value]
        out["city"] = row[li] if li < 4 else row[li + 1]
        out["city_prep"] = row[4]
    elif kind == "product":
        out["product"] = tables.PRODUCTS[value][li]
    elif kind == "genre":
        out["genre"] = tables.GENRES[value][li]
    elif kind == "purpose":
        out["purpose"] = tables.PURPOSES[value][li]
    elif kind == "plang":
        out["plang"] = tables.PROGRAMMING_LANGUAGES[value]
    return out


def make_paragraphs(rng):
    """Every entity's paragraph: domain, name, sentence order, and per language the sentences and
    the questions (property, question text, index of the answering sentence)."""
    domains = list(tables.DOMAINS)
    names = make_names(len(domains) * PARAGRAPHS_PER_DOMAIN, rng)
    paragraphs = []
    for d, domain_key in enumerate(domains):
        domain = tables.DOMAINS[domain_key]
        props = list(domain["properties"])
        for k in range(PARAGRAPHS_PER_DOMAIN):
            name = names[d * PARAGRAPHS_PER_DOMAIN + k]
            values = draw_values(domain, rng)
            order = props[:]
            rng.shuffle(order)
            asked = order[:]
            rng.shuffle(asked)
            asked = asked[:QUESTIONS_PER_PARAGRAPH]
            variants = [rng.below(2) for _ in asked]
            paragraph = {"id": len(paragraphs), "domain": domain_key, "name": name, "texts": {}}
            for lang in tables.LANGUAGES:
                sentences = []
                for prop in order:
                    spec = domain["properties"][prop]
                    sentences.append(spec["answer"][lang].format(
                        **fields(lang, name, prop, spec, values[prop])))
                questions = []
                for prop, variant in zip(asked, variants):
                    spec = domain["properties"][prop]
                    text = spec["questions"][lang][variant].format(
                        **fields(lang, name, prop, spec, values[prop]))
                    questions.append((prop, text, order.index(prop)))
                paragraph["texts"][lang] = {"sentences": sentences, "questions": questions}
            paragraphs.append(paragraph)
    return paragraphs


def item_id(paragraph, prop):
    return f"demo-{paragraph['id']:03d}-{prop}"


def split(paragraphs, rng):
    """(training, evaluation) paragraphs, drawn by paragraph, each part in paragraph order."""
    order = list(range(len(paragraphs)))
    rng.shuffle(order)
    n_eval = round(EVAL_SHARE * len(paragraphs))
    evaluation = sorted(order[:n_eval])
    training = sorted(order[n_eval:])
    return [paragraphs[i] for i in training], [paragraphs[i] for i in evaluation]


def jsonl_lines(paragraphs):
    """train.jsonl: per item, one line per language; the hard negative is the next sentence of the
    paragraph (the first after the last)."""
    lines = []
    for paragraph in paragraphs:
        for q in range(QUESTIONS_PER_PARAGRAPH):
            for lang in tables.LANGUAGES:
                text = paragraph["texts"][lang]
                prop, question, answer = text["questions"][q]
                sentences = text["sentences"]
                record = {"id": item_id(paragraph, prop), "lang": lang, "query": question,
                          "passage": sentences[answer],
                          "hard_negative": sentences[(answer + 1) % len(sentences)]}
                lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    return lines


def parallel_lines(paragraphs, lang):
    """The question and answer sentence of every training item in `lang`, one a line."""
    lines = []
    for paragraph in paragraphs:
        text = paragraph["texts"][lang]
        for prop, question, answer in text["questions"]:
            lines.append(question)
            lines.append(text["sentences"][answer])
    return lines


def code_points(text):
    return len(text)  # Python str indices are code points, as LAReQA's offsets are


def lareqa_paragraph(paragraph, lang):
    """One paragraph in the LAReQA layout: context, sentences, sentence_breaks, qas."""
    text = paragraph["texts"][lang]
    joiner = "" if lang == "zh" else " "
    sentences = text["sentences"]
    breaks, start = [], 0
    for sentence in sentences:
        breaks.append([start, start + code_points(sentence)])
        start += code_points(sentence) + len(joiner)
    qas = []
    for prop, question, answer in text["questions"]:
        qas.append({"answers": [{"answer_start": breaks[answer][0], "text": sentences[answer]}],
                    "id": item_id(paragraph, prop), "question": question})
    return {"context": joiner.join(sentences), "qas": qas, "sentence_breaks": breaks,
            "sentences": sentences}


def lareqa_document(paragraphs, lang):
    """eval/<lang>.json: one article per domain."""
    articles = []
    for domain_key, domain in tables.DOMAINS.items():
        members = [p for p in paragraphs if p["domain"] == domain_key]
        articles.append({"paragraphs": [lareqa_paragraph(p, lang) for p in members],
                         "title": domain["title"][lang]})
    return {"data": articles, "version": "1.1"}


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)


def write_corpus(out_dir):
    rng = Random(SEED)
    paragraphs = make_paragraphs(rng)
    training, evaluation = split(paragraphs, rng)
    write_text(os.path.join(out_dir, "train.jsonl"), "\n".join(jsonl_lines(training)) + "\n")
    for lang in tables.LANGUAGES:
        path = os.path.join(out_dir, "parallel", f"demo.{lang}")
        write_text(path, "\n".join(parallel_lines(training, lang)) + "\n")
    for lang in tables.LANGUAGES:
        document = json.dumps(lareqa_document(evaluation, lang), ensure_ascii=False,
                              separators=(",", ":"))
        write_text(os.path.join(out_dir, "eval", f"{lang}.json"), document + "\n")
    items = len(paragraphs) * QUESTIONS_PER_PARAGRAPH
    print(f"{items} items in {len(paragraphs)} paragraphs x {len(tables.LANGUAGES)} languages: "
          f"{len(training) * QUESTIONS_PER_PARAGRAPH} training items, "
          f"{len(evaluation) * QUESTIONS_PER_PARAGRAPH} evaluation items -> {out_dir}")


def main():
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "demo")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.normpath(default), help="output folder")
    write_corpus(parser.parse_args().out)


if __name__ == "__main__":
    main()
