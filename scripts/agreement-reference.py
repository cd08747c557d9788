#!/usr/bin/env python3
"""Writes tests/fixtures/agreement/reference.json: random nominal rating tables (fixed seed)
with Krippendorff's alpha (package `krippendorff`), Fleiss' kappa (statsmodels) and Cohen's
kappa (scikit-learn) computed by those reference implementations.

    pip install krippendorff statsmodels scikit-learn
    python3 scripts/agreement-reference.py
"""
import json
import pathlib
import random

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests/fixtures/agreement/reference.json"


def table(rng, items, raters, categories, agreement, missing):
    rows = []
    for _ in range(items):
        truth = rng.randrange(categories)
        row = []
        for _ in range(raters):
            if rng.random() < missing:
                row.append(None)
            elif rng.random() < agreement:
                row.append(truth)
            else:
                row.append(rng.randrange(categories))
        rows.append(row)
    return rows


def main():
    rng = random.Random(20261129)
    cases = []
    for n, (items, raters, categories, agreement, missing) in enumerate([
        (40, 2, 2, 0.8, 0.0),
        (60, 2, 3, 0.6, 0.0),
        (30, 3, 2, 0.7, 0.0),
        (50, 4, 4, 0.5, 0.0),
        (80, 3, 2, 0.75, 0.15),
        (45, 5, 3, 0.6, 0.25),
    ]):
        rows = table(rng, items, raters, categories, agreement, missing)
        case = {"name": f"case-{n}", "ratings": rows}
        reliability = np.array([[np.nan if r[c] is None else r[c] for r in rows] for c in range(raters)], dtype=float)
        case["krippendorff_alpha"] = float(krippendorff.alpha(reliability_data=reliability, level_of_measurement="nominal"))
        complete = [r for r in rows if all(v is not None for v in r)]
        counts, _ = aggregate_raters(np.array(complete))
        case["fleiss_kappa"] = float(fleiss_kappa(counts, method="fleiss"))
        if raters == 2:
            pairs = [r for r in rows if None not in r]
            case["cohen_kappa"] = float(cohen_kappa_score([p[0] for p in pairs], [p[1] for p in pairs]))
        cases.append(case)
    OUT.write_text(json.dumps(cases, indent=1) + "\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
