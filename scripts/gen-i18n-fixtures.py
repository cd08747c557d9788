#!/usr/bin/env python3
"""Writes tests/fixtures/i18n/cldr.json from Babel's copy of the Unicode CLDR: the plural
category of each count in Arabic and English, and for every Arabic locale CLDR knows, its
month names and default numbering system. `tests/i18n.rs` compares Hashiya's rules with it.

    pip install babel && python3 scripts/gen-i18n-fixtures.py
"""
import json
import pathlib

import babel
from babel import Locale, localedata

counts = [0, 1, 2, 3, 4, 10, 11, 12, 26, 99, 100, 101, 102, 103, 111, 1000]
out = {
    "source": f"Babel {babel.__version__} (Unicode CLDR {babel.core.get_cldr_version()})",
    "plural": {
        lang: {str(n): Locale.parse(lang).plural_form(n) for n in counts}
        for lang in ["ar", "en"]
    },
    "locales": {},
}
for name in sorted(localedata.locale_identifiers()):
    if not (name == "ar" or name.startswith("ar_")):
        continue
    loc = Locale.parse(name)
    if loc.script or loc.variant:
        continue
    out["locales"][name] = {
        "months": [loc.months["format"]["wide"][m] for m in range(1, 13)],
        "numbering": loc.default_numbering_system,
    }
path = pathlib.Path(__file__).resolve().parent.parent / "tests/fixtures/i18n/cldr.json"
path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {path}: {len(out['locales'])} Arabic locales")
