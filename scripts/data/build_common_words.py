#!/usr/bin/env python3
"""Regenerate data/common_words.txt.

Source: Debian package wamerican-small (SCOWL size 35 American English word list, by Kevin Atkinson and
others; permissive SCOWL licence, see data/NOTICE-SCOWL.md), file /usr/share/dict/american-english-small.
Only all-lower-case purely alphabetic entries are kept (capitalised entries are proper nouns, entries with
an apostrophe are possessives/contractions).

Install:  apt-get update && apt-get install wamerican-small     (tested with 2020.12.07-2)
Run:      python3 scripts/data/build_common_words.py [path-to-word-list]
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import write_txt  # noqa: E402

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/american-english-small"
WORD = re.compile(r"^[a-z]+$")

with open(SRC, encoding="utf-8") as f:
    words = [w.strip() for w in f if WORD.match(w.strip())]
write_txt("common_words.txt", words)
