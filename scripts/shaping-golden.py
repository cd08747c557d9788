#!/usr/bin/env python3
"""Regenerates tests/fixtures/shaping/golden.jsonl with HarfBuzz's hb-shape.

The test suite cuts the fixture paragraphs into single-direction, single-font runs; this
script shapes each run with `hb-shape` (Debian package libharfbuzz-bin) using the same font
file from fonts/, and stores glyph ids, advances and offsets in font units.

    cargo test --test shaping -- --ignored write_shaping_runs
    python3 scripts/shaping-golden.py
"""
import json
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
SETS = [
    # The corpus paragraphs in the faces offered for Arabic.
    (ROOT / "tests/fixtures/shaping/runs.jsonl", ROOT / "tests/fixtures/shaping/golden.jsonl"),
    # The Urdu test article in Nastaliq, the Persian one in Vazirmatn and Noto Naskh Arabic.
    (
        ROOT / "tests/fixtures/shaping/languages-runs.jsonl",
        ROOT / "tests/fixtures/shaping/languages-golden.jsonl",
    ),
]


def shape(font_file, rtl, text):
    out = subprocess.run(
        [
            "hb-shape",
            "--font-file", str(ROOT / "fonts" / font_file),
            "--direction", "rtl" if rtl else "ltr",
            "--no-glyph-names",
            "--output-format", "json",
            "--text", text,
        ],
        check=True, capture_output=True, text=True,
    ).stdout
    return [{"g": g["g"], "ax": g["ax"], "dx": g["dx"], "dy": g["dy"]} for g in json.loads(out)]


def main():
    for runs, golden in SETS:
        lines = []
        for line in runs.read_text(encoding="utf-8").splitlines():
            run = json.loads(line)
            run["glyphs"] = shape(run["font_file"], run["rtl"], run["text"])
            lines.append(json.dumps(run, ensure_ascii=False))
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
        runs.unlink()
        print(f"wrote {len(lines)} runs to {golden.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
