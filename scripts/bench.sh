#!/usr/bin/env bash
# Whole-process performance of newsie on a JSON Lines corpus: throughput on 1 and N threads,
# adversarial articles (scripts/adversarial.py),
# start-up on one short article, and peak memory. Uses hyperfine and GNU time
# (Debian: apt-get install hyperfine time).
#
#   scripts/bench.sh [CORPUS.jsonl] [BIN]        (RUNS=5 by default; ICOUNT=1 adds an instruction count)
#
# CORPUS defaults to ../shared/bench/news.jsonl, BIN to target/release/newsie (built if missing).
# Throughput counts the bytes of article text (the "text" fields), not of the JSON around it.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/bench/news.jsonl}
bin=${2:-target/release/newsie}
[ -f "$corpus" ] || { echo "bench.sh: no corpus at $corpus" >&2; exit 2; }
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool is needed (apt-get install hyperfine time)" >&2; exit 2; }
done
[ -x "$bin" ] || cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

text_bytes=$(python3 -c '
import json, sys
n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            n += len(json.loads(line)["text"].encode("utf-8"))
print(n)' "$corpus")
cores=$(nproc)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem/{print $2}') GiB"
echo "corpus:  $corpus ($(wc -l <"$corpus") articles, $text_bytes bytes of text)"
echo "binary:  $bin ($(du -k "$bin" | cut -f1) KiB)"

throughput() { # jobs
  hyperfine --style none --warmup 1 --runs "${RUNS:-5}" --export-json "$tmp/t$1.json" \
    "$bin --jsonl --jobs $1 < $corpus > /dev/null" >/dev/null
  python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
mb = int(sys.argv[2]) / 1e6
print("throughput, %s thread(s): %.1f MB/s (mean %.3f s ± %.3f over %d runs)" % (
    sys.argv[3], mb / r["mean"], r["mean"], r["stddev"], len(r["times"])))' "$tmp/t$1.json" "$text_bytes" "$1"
}
throughput 1
[ "$cores" -gt 1 ] && throughput "$cores"

printf 'Iraqi Prime Minister Mohammed Shia al-Sudani announced on Tuesday that Iraqi forces had killed the Islamic State commander in the Hamrin Mountains.\n' >"$tmp/short.txt"
hyperfine --style none -N --warmup 20 --runs 200 --export-json "$tmp/start.json" \
  "$bin $tmp/short.txt" >/dev/null
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("start-up, one short article: %.2f ms (mean, min %.2f ms)" % (r["mean"] * 1e3, r["min"] * 1e3))' "$tmp/start.json"

/usr/bin/time -f '%M' -o "$tmp/rss" "$bin" --jsonl <"$corpus" >/dev/null
echo "peak memory, whole corpus --jsonl: $(( $(cat "$tmp/rss") / 1024 )) MB"

# Cost growth: adversarial 10 MB articles must run at no less than a third of the normal rate.
python3 scripts/adversarial.py "$tmp/adv" "$corpus" 10000000 >/dev/null
for f in "$tmp"/adv/*.txt; do
  /usr/bin/time -f '%e %M' -o "$tmp/adv.time" "$bin" --max-bytes 100000000 --jobs 1 "$f" >/dev/null
  read -r secs kb <"$tmp/adv.time"
  python3 -c 'import sys; s=max(float(sys.argv[2]),1e-3); print("adversarial %-18s %6.1f MB/s, peak %d MB" % (sys.argv[1], 10/s, int(sys.argv[3])//1024))' \
    "$(basename "$f")" "$secs" "$kb"
done

# Instructions per byte of text (ICOUNT=1, needs valgrind): a figure that does not depend on
# the machine's load, over the corpus's first 2,000 articles, one thread.
if [ "${ICOUNT:-0}" = 1 ]; then
  command -v valgrind >/dev/null || { echo "bench.sh: ICOUNT=1 needs valgrind" >&2; exit 2; }
  head -n 2000 "$corpus" >"$tmp/head.jsonl"
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --jsonl --jobs 1 \
    <"$tmp/head.jsonl" >/dev/null 2>"$tmp/cg.err"
  python3 -c '
import json, re, sys
n = sum(len(json.loads(l)["text"].encode("utf-8")) for l in open(sys.argv[1]) if l.strip())
ir = int(re.search(r"Collected : (\d+)", open(sys.argv[2]).read()).group(1))
print("instructions, first 2,000 articles: %.1fM, %.0f per byte of text" % (ir / 1e6, ir / n))' \
    "$tmp/head.jsonl" "$tmp/cg.err"
fi
