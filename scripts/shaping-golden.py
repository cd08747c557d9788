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
RUNS = ROOT / "tests/fixtures/shaping/runs.jsonl"
GOLDEN = ROOT / "tests/fixtures/shaping/golden.jsonl"


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
    lines = []
    for line in RUNS.read_text(encoding="utf-8").splitlines():
        run = json.loads(line)
        run["glyphs"] = shape(run["font_file"], run["rtl"], run["text"])
        lines.append(json.dumps(run, ensure_ascii=False))
    GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    RUNS.unlink()
    print(f"wrote {len(lines)} runs to {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
