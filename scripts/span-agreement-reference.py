#!/usr/bin/env python3
"""Reference values for span-level agreement, written to tests/fixtures/span_agreement/.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pygamma-agreement nervaluate
    /tmp/venv/bin/python scripts/span-agreement-reference.py

Tested with pygamma-agreement 0.5.9 (its best alignment solved by cvxpy with GLPK_MI, the
fallback it uses when CBC is not installed) and nervaluate 1.2.1.

Writes:
- gamma.json: for pygamma's test continua AlexPaulSuzan.csv and 3by100.csv (kept beside
  this file, MIT licence, see the README there) the observed disorder and number of unitary
  alignments of the best alignment with the default dissimilarity (and with alpha = 3, as
  pygamma's own tests use), and gamma with its default statistical sampler and 30 samples
  for several numpy seeds (gamma depends on the random samples, so the Rust tests compare
  the expected disorder within a tolerance and the observed disorder exactly);
- gamma_random.json: small random continua (seeded) with the observed disorder and the
  number of unitary alignments of pygamma's best alignment, to check the exact alignment;
- nervaluate.json: random span sets for two annotators per document, with nervaluate's
  strict, partial and ent_type counts and F1, overall and per label;
- alpha_u.json: the published unitizing example of Krippendorff (2004, p. 254) with the
  values DKPro Statistics' tests assert (Krippendorff2004Test.java): alpha_U = 0.8591,
  per category c 0.7286 and k 1.0.
"""

import json
import logging
import random
import sys
from pathlib import Path

import numpy as np

logging.disable(logging.WARNING)

from nervaluate import Evaluator  # noqa: E402
from pygamma_agreement import CombinedCategoricalDissimilarity, Continuum  # noqa: E402
from pyannote.core import Segment  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "span_agreement"


def gamma_reference(seeds_by_file):
    result = {}
    for name, seeds in seeds_by_file.items():
        continuum = Continuum.from_csv(OUT / name)
        entry = {"file": name, "samples": 30}
        for label, alpha in (("default", 1.0), ("alpha3", 3.0)):
            alignment = continuum.get_best_alignment(CombinedCategoricalDissimilarity(alpha=alpha))
            entry[label] = {
                "observed_disorder": float(alignment.disorder),
                "unitary_alignments": len(alignment.unitary_alignments),
            }
        runs = []
        for seed in seeds:
            np.random.seed(seed)
            results = continuum.compute_gamma(CombinedCategoricalDissimilarity(), n_samples=30)
            runs.append(
                {
                    "numpy_seed": seed,
                    "gamma": float(results.gamma),
                    "expected_disorder": float(results.expected_disorder),
                }
            )
            print(name, runs[-1], file=sys.stderr)
        entry["runs"] = runs
        result[name] = entry
    return result


def random_continua(count):
    rng = random.Random(20261201)
    cases = []
    for index in range(count):
        annotators = rng.choice([2, 2, 3, 3, 4])
        categories = ["a", "b", "c"][: rng.choice([1, 2, 3])]
        base = [(rng.randrange(0, 200), rng.randrange(2, 30)) for _ in range(rng.randrange(2, 7))]
        units = {}
        for a in range(annotators):
            mine = []
            for start, length in base:
                if rng.random() < 0.2:
                    continue
                s = max(0, start + rng.randrange(-4, 5))
                e = s + max(1, length + rng.randrange(-4, 5))
                mine.append([s, e, rng.choice(categories)])
            for _ in range(rng.randrange(0, 3)):
                s = rng.randrange(0, 220)
                mine.append([s, s + rng.randrange(1, 25), rng.choice(categories)])
            units[f"ann{a}"] = mine
        continuum = Continuum()
        for annotator, spans in units.items():
            continuum.add_annotator(annotator)
            for s, e, c in spans:
                continuum.add(annotator, Segment(s, e), c)
        if continuum.num_units == 0:
            continue
        alignment = continuum.get_best_alignment(CombinedCategoricalDissimilarity())
        cases.append(
            {
                "index": index,
                "annotators": units,
                "observed_disorder": float(alignment.disorder),
                "unitary_alignments": len(alignment.unitary_alignments),
            }
        )
    return cases


def nervaluate_reference(count):
    rng = random.Random(12)
    tags = ["claim", "actor", "place"]
    documents = []
    for _ in range(count):
        reference = []
        other = []
        for _ in range(rng.randrange(0, 8)):
            start = rng.randrange(0, 400)
            length = rng.randrange(1, 160)
            label = rng.choice(tags)
            reference.append([start, start + length, label])
            roll = rng.random()
            if roll < 0.35:
                other.append([start, start + length, label])
            elif roll < 0.55:
                other.append([start + rng.randrange(-5, 6), start + length + rng.randrange(-5, 6), label])
            elif roll < 0.7:
                other.append([start, start + length, rng.choice(tags)])
            elif roll < 0.8:
                s = start + length - 1
                other.append([s, s + rng.randrange(1, 50), label])
        for _ in range(rng.randrange(0, 3)):
            start = rng.randrange(0, 400)
            other.append([start, start + rng.randrange(1, 40), rng.choice(tags)])
        reference = sorted([s, e, l] for s, e, l in reference if e > s and s >= 0)
        other = sorted([s, e, l] for s, e, l in other if e > s and s >= 0)
        documents.append({"reference": reference, "other": other})

    def entities(spans):
        # nervaluate's ends are inclusive; spans here are half-open.
        return [{"label": l, "start": s, "end": e - 1} for s, e, l in spans]

    evaluator = Evaluator(
        [entities(d["reference"]) for d in documents],
        [entities(d["other"]) for d in documents],
        tags=tags,
        loader="dict",
    )
    results = evaluator.evaluate()

    def summary(by_scheme):
        return {
            scheme: {
                "correct": r.correct,
                "incorrect": r.incorrect,
                "partial": r.partial,
                "missed": r.missed,
                "spurious": r.spurious,
                "f1": r.f1,
            }
            for scheme, r in by_scheme.items()
            if scheme in ("strict", "partial", "ent_type")
        }

    return {
        "tags": tags,
        "documents": documents,
        "overall": summary(results["overall"]),
        "labels": {tag: summary(r) for tag, r in results["entities"].items()},
    }


def alpha_u_reference():
    return {
        "source": "Krippendorff (2004) Content Analysis, 2nd ed., p. 254; values asserted by "
        "DKPro Statistics, dkpro-statistics-agreement/src/test/java/org/dkpro/statistics/"
        "agreement/unitizing/Krippendorff2004Test.java",
        "begin": 150,
        "length": 300,
        "raters": 2,
        "units": [
            [0, 225, 70, "c"],
            [0, 370, 30, "c"],
            [1, 220, 80, "c"],
            [1, 355, 20, "c"],
            [1, 400, 20, "c"],
            [0, 180, 60, "k"],
            [0, 300, 50, "k"],
            [1, 180, 60, "k"],
            [1, 300, 50, "k"],
        ],
        "alpha_u": 0.8591,
        "categories": {"c": 0.7286, "k": 1.0},
    }


def main():
    write = lambda name, value: (OUT / name).write_text(json.dumps(value, indent=1) + "\n")
    write("alpha_u.json", alpha_u_reference())
    write("nervaluate.json", nervaluate_reference(60))
    write("gamma_random.json", random_continua(40))
    write("gamma.json", gamma_reference({"AlexPaulSuzan.csv": range(8), "3by100.csv": range(3)}))


if __name__ == "__main__":
    main()
