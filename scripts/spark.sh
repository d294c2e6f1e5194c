#!/usr/bin/env bash
# Runs newsie over a JSON Lines file through Apache Spark in local mode (RDD.pipe) and checks
# that the records are byte-identical to a single-process run. Not run by CI.
#
#   scripts/spark.sh [INPUT.jsonl] [PARTITIONS]
#
# INPUT defaults to ../shared/bench/news.jsonl (relative to the repository root), PARTITIONS
# to 4. Needs python3 (with venv), a Java runtime (17 or later) and the network to PyPI once:
# pyspark is installed into target/spark/venv. Every input line should carry an "id": a
# partition numbers its lines from 1, so line-number ids would differ from a single run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
INPUT=$(realpath "${1:-$ROOT/../shared/bench/news.jsonl}")
PARTS=${2:-4}
WORK=$ROOT/target/spark
mkdir -p "$WORK"

command -v java >/dev/null || { echo "spark.sh: no java on PATH (Spark needs Java 17+)" >&2; exit 2; }

echo "== building newsie (release)"
cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
BIN=$ROOT/target/release/newsie

if [ ! -x "$WORK/venv/bin/python" ]; then
    echo "== installing pyspark into $WORK/venv"
    python3 -m venv "$WORK/venv"
    "$WORK/venv/bin/pip" install --quiet --upgrade pip
    "$WORK/venv/bin/pip" install --quiet pyspark
fi

echo "== single process: $INPUT"
time "$BIN" --jsonl "$INPUT" > "$WORK/single.jsonl"

echo "== Spark local[$PARTS], RDD.pipe"
# Local mode: keep the driver on the loopback interface.
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
time "$WORK/venv/bin/python" - "$INPUT" "$BIN" "$WORK/spark.jsonl" "$PARTS" <<'PY'
import sys
from pyspark.sql import SparkSession

source, binary, out, parts = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
spark = (SparkSession.builder.master(f"local[{parts}]").appName("newsie")
         .config("spark.ui.enabled", "false").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
lines = spark.sparkContext.textFile(source, parts)
# One newsie per partition, one thread each: Spark supplies the parallelism. newsie is a
# plain stdin-to-stdout filter, one record per line, in order.
records = lines.pipe(f"{binary} --jsonl --jobs 1")
with open(out, "w", encoding="utf-8") as f:
    for rec in records.toLocalIterator():  # partition by partition: input order
        f.write(rec + "\n")
print(f"partitions: {lines.getNumPartitions()}", file=sys.stderr)
spark.stop()
PY

lines_in=$(grep -c . "$INPUT" || true)
echo "== comparing ($lines_in input lines)"
wc -l "$WORK/single.jsonl" "$WORK/spark.jsonl"
if cmp -s "$WORK/single.jsonl" "$WORK/spark.jsonl"; then
    echo "spark.sh: identical records from Spark and from one process"
else
    echo "spark.sh: records differ:" >&2
    diff <(cut -c1-200 "$WORK/single.jsonl") <(cut -c1-200 "$WORK/spark.jsonl") | head -20 >&2
    exit 1
fi
