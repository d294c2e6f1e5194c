"""Shared helpers for the data regeneration scripts (Python 3 standard library only)."""
import os
import unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "data")
CURATED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "curated")

_SPECIAL = {
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O",
    "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H",
    "ʼ": "'", "’": "'", "‘": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "′": "'", "`": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-",
}


def ascii_fold(s):
    """Best-effort ASCII transliteration of a Latin-script name ("São Paulo" -> "Sao Paulo").

    Returns the input unchanged if it still contains non-ASCII letters afterwards."""
    out = []
    for ch in s:
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
            continue
        for c in unicodedata.normalize("NFKD", ch):
            if not unicodedata.combining(c):
                out.append(c)
    r = "".join(out)
    return r if r.isascii() else s


def clean(s):
    return " ".join(str(s).split()) if s is not None else ""


def fmt_coord(x):
    if x is None or x == "":
        return ""
    s = "%.4f" % float(x)
    s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s


def write_tsv(name, header, rows, comments=()):
    """Write data/<name>: comments, header, then rows sorted by (col1, col2, ...) and de-duplicated."""
    clean_rows = set()
    for r in rows:
        r = tuple(clean(x) for x in r)
        assert len(r) == len(header), (r, header)
        assert r[0], r
        clean_rows.add(r)
    path = os.path.join(DATA, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write("# " + c + "\n")
        f.write("\t".join(header) + "\n")
        for r in sorted(clean_rows):
            f.write("\t".join(r) + "\n")
    print("wrote %s: %d rows" % (path, len(clean_rows)))
    return len(clean_rows)


def write_txt(name, items):
    items = sorted({clean(x) for x in items if clean(x)})
    path = os.path.join(DATA, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for x in items:
            f.write(x + "\n")
    print("wrote %s: %d lines" % (path, len(items)))
    return len(items)


def read_curated(name):
    """Read a tab-separated curated file from scripts/data/curated/: skips blank and '#' lines and the header."""
    rows = []
    with open(os.path.join(CURATED, name), encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if header is None:
                header = cols
                continue
            if len(cols) < len(header):
                cols += [""] * (len(header) - len(cols))
            if len(cols) != len(header):
                raise SystemExit("%s: bad column count in line: %r" % (name, line))
            rows.append(dict(zip(header, cols)))
    return rows
