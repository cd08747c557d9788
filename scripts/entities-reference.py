#!/usr/bin/env python3
"""Writes the reference fixtures for entity import and export, in tests/fixtures/entities/:

- seqeval.json: tag sequences (fixed seed; IOB2 and IOBES, well and badly formed) with the
  entities seqeval's `get_entities` finds in them, the reading of IOB2 that CoNLL tools share.
- brat/<name>.ann: brat standoff for real corpus articles (../shared/corpus, read-only),
  following brat's offset rules: offsets count code points (Python string indices) in the
  article's text file, end exclusive, and the text after the second tab is text[start:end].
  Entities cover whole words (punctuation trimmed), nest and repeat ranges with another
  type; relations join random pairs. brat/sources.json names each article and its SHA-256.

    pip install seqeval
    python3 scripts/entities-reference.py
"""
import hashlib
import json
import pathlib
import random
import re
import unicodedata

from seqeval.metrics.sequence_labeling import get_entities

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests/fixtures/entities"
CORPUS = ROOT / "../shared/corpus"
ARTICLES = [
    "news/alaraby_2016-10-25_paris_coalition_raqqa.txt",
    "news/snn_aawsat_2015-07-21_226_guillemets_isis_isil.txt",
    "news/snn_almadina_2015-07-27_586_iphone_android_percentages.txt",
    "news/snn_was_2015-08-11_1617_spa_spaced_quotes.txt",
]
TYPES = ["PERS", "ORG", "GPE", "LOC", "DATE", "NORP"]
RELATIONS = ["located_in", "member_of", "speaker"]


def seqeval_cases(rng):
    cases = []
    prefixes = ["B", "I", "O", "O", "O"]
    for n in range(300):
        length = rng.randrange(0, 14)
        scheme = "iobes" if n % 5 == 4 else "iob2"
        pool = prefixes + (["E", "S"] if scheme == "iobes" else [])
        tags = []
        for _ in range(length):
            prefix = rng.choice(pool)
            tags.append("O" if prefix == "O" else f"{prefix}-{rng.choice(TYPES[:3])}")
        entities = [[t, s, e] for (t, s, e) in get_entities(list(tags))]
        cases.append({"tags": tags, "entities": entities})
    return cases


def trimmed_words(line):
    """Whole words of a line as (start, end) code points, punctuation and symbols trimmed."""
    words = []
    for match in re.finditer(r"\S+", line):
        start, end = match.start(), match.end()
        while start < end and unicodedata.category(line[start])[0] in "PSC":
            start += 1
        while end > start and unicodedata.category(line[end - 1])[0] in "PSC":
            end -= 1
        if start < end:
            words.append((start, end))
    return words


def brat_for(text, rng):
    spans = []
    offset = 0
    for line in text.split("\n"):
        words = trimmed_words(line)
        i = 0
        while i < len(words):
            if rng.random() < 0.25:
                length = min(rng.randrange(1, 4), len(words) - i)
                outer = (offset + words[i][0], offset + words[i + length - 1][1])
                spans.append((rng.choice(TYPES), outer))
                if length > 1 and rng.random() < 0.5:
                    j = rng.randrange(i, i + length)
                    k = rng.randrange(j, i + length)
                    inner = (offset + words[j][0], offset + words[k][1])
                    if inner != outer:
                        spans.append((rng.choice(TYPES), inner))
                if rng.random() < 0.1:
                    spans.append((rng.choice(TYPES), outer))
                i += length
            else:
                i += 1
        offset += len(line) + 1
    lines = []
    for n, (kind, (start, end)) in enumerate(spans, 1):
        lines.append(f"T{n}\t{kind} {start} {end}\t{text[start:end]}")
    for n in range(1, max(2, len(spans) // 4)):
        if len(spans) < 2:
            break
        a, b = rng.sample(range(1, len(spans) + 1), 2)
        lines.append(f"R{n}\t{rng.choice(RELATIONS)} Arg1:T{a} Arg2:T{b}")
    return "\n".join(lines) + "\n"


def main():
    rng = random.Random(20261201)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "seqeval.json").write_text(
        json.dumps({"generator": "scripts/entities-reference.py", "cases": seqeval_cases(rng)},
                   ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    brat = OUT / "brat"
    brat.mkdir(exist_ok=True)
    sources = []
    for relative in ARTICLES:
        raw = (CORPUS / relative).read_bytes()
        text = raw.decode("utf-8")
        name = pathlib.Path(relative).stem
        (brat / f"{name}.ann").write_text(brat_for(text, rng), encoding="utf-8")
        sources.append({"ann": f"{name}.ann", "article": relative,
                        "sha256": hashlib.sha256(raw).hexdigest()})
    (brat / "sources.json").write_text(json.dumps(sources, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")


if __name__ == "__main__":
    main()
