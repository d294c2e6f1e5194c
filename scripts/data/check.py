#!/usr/bin/env python3
"""Check every file in data/ (Python 3 standard library only).

For each data/*.tsv: valid UTF-8, LF line endings, '#' comment lines only at the top, then exactly one
header line, every row has the header's column count, fields trimmed (no leading/trailing whitespace,
no doubled spaces), first column non-empty, rows sorted by (col1, col2, ...) in byte order, no
duplicate lines, known column layout for the known files.
For each data/*.txt: same, without header or comments; one non-empty entry per line.
Also checks the total size of data/ (< 6 MB) and some per-file value constraints.
Exits non-zero on any problem.  Usage: python3 scripts/data/check.py
"""
import os
import re
import sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")

PLACE_KINDS = {"continent", "region", "country", "subdivision", "city", "mountains", "mountain", "sea",
               "ocean", "gulf", "bay", "strait", "river", "lake", "island", "islands", "peninsula", "desert",
               "valley", "plain", "plateau", "canal", "cape"}
EXPECTED = {
    "places.tsv": ["name", "canonical", "kind", "country", "admin1", "lat", "lon", "population"],
    "given_names.tsv": ["name", "gender", "frequency"],
    "given_names_intl.tsv": ["name", "gender", "frequency"],
    "surnames.tsv": ["name", "frequency"],
    "person_titles.tsv": ["title", "kind"],
    "org_words.tsv": ["word", "role"],
    "organisations.tsv": ["name", "aliases", "kind", "country"],
    "demonyms.tsv": ["demonym", "country"],
}
CC = re.compile(r"^([A-Z]{2})?$")
NUM = re.compile(r"^(-?\d+(\.\d{1,4})?)?$")
INT = re.compile(r"^(\d+)?$")
VALUES = {
    "places.tsv": {"kind": PLACE_KINDS, "country": CC, "lat": NUM, "lon": NUM, "population": INT},
    "given_names.tsv": {"gender": {"m", "f", "u"}, "frequency": INT},
    "given_names_intl.tsv": {"gender": {"m", "f", "u"}, "frequency": INT},
    "surnames.tsv": {"frequency": INT},
    "person_titles.tsv": {"kind": {"honorific", "political", "military", "religious", "royal", "legal",
                                   "business", "sport", "other"}},
    "org_words.tsv": {"role": {"suffix", "head", "prefix"}},
    "organisations.tsv": {"kind": {"government", "intergovernmental", "armed-group", "company", "media",
                                   "party", "sports", "ngo", "education", "religious", "other"},
                          "country": CC},
    "demonyms.tsv": {"country": re.compile(r"^[A-Z]{2}$")},
}


def check_file(path, name):
    errs = []
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return ["not UTF-8: %s" % e]
    if "\r" in text:
        errs.append("contains CR characters")
    if text.startswith("\ufeff"):
        errs.append("has a BOM")
    if not text.endswith("\n"):
        errs.append("does not end with a newline")
    lines = text.split("\n")[:-1]
    is_tsv = name.endswith(".tsv")
    i = 0
    if is_tsv:
        while i < len(lines) and lines[i].startswith("#"):
            i += 1
        if i >= len(lines):
            return errs + ["no header"]
        header = lines[i].split("\t")
        i += 1
        if name in EXPECTED and header != EXPECTED[name]:
            errs.append("header %r, expected %r" % (header, EXPECTED[name]))
    else:
        header = None
    prev = None
    seen = set()
    checks = VALUES.get(name, {})
    for n, line in enumerate(lines[i:], start=i + 1):
        if len(errs) > 20:
            errs.append("... (more)")
            break
        if line.startswith("#"):
            errs.append("line %d: comment after the top" % n)
            continue
        cols = line.split("\t") if is_tsv else [line]
        if not is_tsv and "\t" in line:
            errs.append("line %d: tab in a .txt entry" % n)
        if header is not None and len(cols) != len(header):
            errs.append("line %d: %d columns, expected %d: %r" % (n, len(cols), len(header), line))
            continue
        for c in cols:
            if c != c.strip() or "  " in c:
                errs.append("line %d: untrimmed field %r" % (n, c))
        if not cols[0]:
            errs.append("line %d: empty first column" % n)
        if line in seen:
            errs.append("line %d: duplicate %r" % (n, line))
        seen.add(line)
        key = tuple(c.encode("utf-8") for c in cols)
        if prev is not None and key < prev:
            errs.append("line %d: not sorted: %r" % (n, line))
        prev = key
        if header is not None:
            for col, rule in checks.items():
                v = cols[header.index(col)]
                ok = (v in rule) if isinstance(rule, set) else bool(rule.match(v))
                if not ok:
                    errs.append("line %d: bad %s %r" % (n, col, v))
    return errs


def main():
    bad = 0
    total = 0
    for name in sorted(os.listdir(DATA)):
        path = os.path.join(DATA, name)
        total += os.path.getsize(path)
        if not (name.endswith(".tsv") or name.endswith(".txt")):
            continue
        errs = check_file(path, name)
        for e in errs:
            print("%s: %s" % (name, e))
        bad += bool(errs)
    missing = [n for n in EXPECTED if n != "given_names_intl.tsv" and not os.path.exists(os.path.join(DATA, n))]
    for m in missing:
        print("missing data/%s" % m)
    if total > 6 * 1024 * 1024:
        print("data/ is %d bytes, over 6 MiB" % total)
        bad += 1
    if bad or missing:
        sys.exit(1)
    print("data/ OK (%d bytes)" % total)


if __name__ == "__main__":
    main()
