#!/usr/bin/env python3
"""Normalise the hand-curated data files in place (Python 3 standard library only).

The hand-curated files are their own source: edit them directly (add a line anywhere), then run
    python3 scripts/data/normalize_curated.py
which trims every field, collapses internal runs of spaces, drops blank lines and duplicate rows,
keeps the '#' comment lines at the top and the header, and sorts the rows by (col1, col2, ...) in
byte order.  For organisations.tsv the '|'-separated aliases are trimmed and de-duplicated as well.
Then run python3 scripts/data/check.py.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import DATA, clean  # noqa: E402

CURATED_FILES = ["person_titles.tsv", "org_words.tsv", "organisations.tsv", "demonyms.tsv",
                 "given_names_intl.tsv"]


def normalize(name):
    path = os.path.join(DATA, name)
    if not os.path.exists(path):
        return
    comments, header, rows = [], None, set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            if line.startswith("#") and header is None:
                comments.append(line.rstrip())
                continue
            cols = [clean(c) for c in line.split("\t")]
            if header is None:
                header = cols
                continue
            if len(cols) < len(header):
                cols += [""] * (len(header) - len(cols))
            if len(cols) != len(header):
                sys.exit("%s: too many columns: %r" % (name, line))
            if name == "organisations.tsv":
                seen, al = set(), []
                for a in cols[1].split("|"):
                    a = clean(a)
                    if a and a != cols[0] and a not in seen:
                        seen.add(a)
                        al.append(a)
                cols[1] = "|".join(al)
            rows.add(tuple(cols))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write(c + "\n")
        f.write("\t".join(header) + "\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")
    print("%s: %d rows" % (name, len(rows)))


if __name__ == "__main__":
    for n in CURATED_FILES:
        normalize(n)
