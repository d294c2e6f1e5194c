#!/usr/bin/env python3
"""Writes adversarial articles for scripts/bench.sh into a folder (each ~SIZE bytes):

  one-line.txt      ordinary news prose with every line break removed (one 10 MB line)
  capitalised.txt   100,000+ capitalised words in a row ("Alpha Bravo Charlie ...")
  numbers.txt       50,000+ date-like numbers ("1999 12/10/2001 2004-05-06 ...")
  repeated-name.txt one name repeated 100,000+ times in short sentences

Usage: scripts/adversarial.py OUT_DIR [CORPUS.jsonl] [SIZE_BYTES]
"""
import json
import os
import sys

out = sys.argv[1]
corpus = sys.argv[2] if len(sys.argv) > 2 else "../shared/bench/news.jsonl"
size = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000_000
os.makedirs(out, exist_ok=True)


def fill(unit: str) -> str:
    return (unit * (size // len(unit) + 1))[:size]


prose = []
n = 0
with open(corpus, encoding="utf-8") as f:
    for line in f:
        t = json.loads(line)["text"].replace("\n", " ")
        prose.append(t)
        n += len(t) + 1
        if n >= size:
            break
words = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
         "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo"]
files = {
    "one-line.txt": " ".join(prose)[:size],
    "capitalised.txt": fill(" ".join(words) + " "),
    "numbers.txt": fill("1999 12/10/2001 2004-05-06 3.5 1,250 20:45 15 March 2003 "),
    "repeated-name.txt": fill("Mohammed Shia al-Sudani said. "),
}
for name, text in files.items():
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{name}\t{len(text.encode())}")
