#!/usr/bin/env python3
"""Writes adversarial articles for scripts/bench.sh into a folder (each ~SIZE bytes):

  one-line.txt      ordinary news prose with every line break removed (one 10 MB line)
  capitalised.txt   100,000+ capitalised words in a row ("Alpha Bravo Charlie ...")
  numbers.txt       50,000+ date-like numbers ("1999 12/10/2001 2004-05-06 ...")
  repeated-name.txt one name repeated 100,000+ times in short sentences
  many-speakers.txt 100,000+ different people with a title, each followed by a statement of
                    "the president" and a repeated "the talks" (event linking stays linear)
  run-on.txt        one sentence without a full stop, full of event words ("attacked ...
                    killed ... wounded ...")

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
def speakers() -> str:
    given = ["John", "Mary", "Peter", "Anna", "James", "Laura", "Mark", "Sara", "David", "Emma"]
    parts, n, i = [], 0, 0
    while n < size:
        surname = "".join(chr(97 + (i // 26**k) % 26) for k in range(4)).capitalize()
        s = (f"President {given[i % 10]} {surname} visited Paris on Monday. "
             f"The president said the talks went well. ")
        parts.append(s)
        n += len(s)
        i += 1
    return "".join(parts)[:size]


files = {
    "one-line.txt": " ".join(prose)[:size],
    "capitalised.txt": fill(" ".join(words) + " "),
    "numbers.txt": fill("1999 12/10/2001 2004-05-06 3.5 1,250 20:45 15 March 2003 "),
    "repeated-name.txt": fill("Mohammed Shia al-Sudani said. "),
    "many-speakers.txt": speakers(),
    "run-on.txt": fill("Gunmen attacked villagers and killed farmers and wounded children "),
}
for name, text in files.items():
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{name}\t{len(text.encode())}")
