#!/usr/bin/env bash
# Benchmarks for the mock path (see BENCHMARKS.md):
#  (a) cold-process wall time of `dbapi run inventory/status`, next to a tiny static-stdlib Foundation
#      binary that prints a JSON object (the floor), both release builds with --static-swift-stdlib;
#  (b) engine time for Q1-Q5 of ../shared/bench/queries.sql over its 1,000,000-row data, load timed
#      apart, next to sqlite3 (and DuckDB with one thread when it can be pip-installed) in the same run.
# Usage: scripts/bench-mock.sh [COLD_RUNS=20] [ENGINE_RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
COLD_RUNS="${1:-20}"
ENGINE_RUNS="${2:-5}"
SHARED_BENCH="${SHARED_BENCH:-../shared/bench}"
WORK=".build-bench"
mkdir -p "$WORK/floor" "$WORK/data/engine"

echo "== building release binaries" >&2
swift build -c release --static-swift-stdlib --product dbapi >&2
swift build -c release --product dbapi-bench >&2
BIN="$(swift build -c release --show-bin-path)"
cat > "$WORK/floor/main.swift" <<'SWIFT'
import Foundation
let object: [String: Any] = ["status": "success", "data": ["message": "hi"]]
let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
SWIFT
swiftc -O -static-stdlib "$WORK/floor/main.swift" -o "$WORK/floor/floor" >&2

echo "== generating benchmark data (if missing)" >&2
if ! (cd "$WORK/data" && sha256sum -c --quiet <<SUMS 2>/dev/null); then
4efb30fffee471f2785519188e77efc2d49cd3e9054a01ff7bb229da381b464f  orders.csv
f7558a04cbdae04cf1f36465a4bff98f16721eec82d7eb281610f03b9c9ad32a  products.csv
SUMS
  python3 "$SHARED_BENCH/gen_data.py" "$WORK/data" >&2
fi
ln -sf ../orders.csv "$WORK/data/engine/t.csv"
ln -sf ../products.csv "$WORK/data/engine/products.csv"
cat > "$WORK/data/engine/t.schema.json" <<'JSON'
{"columns": [{"name": "order_id", "type": "BIGINT"}, {"name": "sku", "type": "STRING"}, {"name": "warehouse", "type": "INT"}, {"name": "qty", "type": "INT"}, {"name": "price", "type": "DOUBLE"}, {"name": "status", "type": "STRING"}, {"name": "order_date", "type": "STRING"}]}
JSON
cat > "$WORK/data/engine/products.schema.json" <<'JSON'
{"columns": [{"name": "sku", "type": "STRING"}, {"name": "category", "type": "STRING"}, {"name": "name", "type": "STRING"}, {"name": "list_price", "type": "DOUBLE"}]}
JSON

DUCKDB_PY=""
if [ ! -x "$WORK/venv/bin/python" ]; then python3 -m venv "$WORK/venv" >&2 || true; fi
if [ -x "$WORK/venv/bin/python" ] && ("$WORK/venv/bin/python" -c "import duckdb" 2>/dev/null || "$WORK/venv/bin/pip" install -q duckdb >&2); then
  DUCKDB_PY="$WORK/venv/bin/python"
fi

python3 scripts/bench_mock_report.py --dbapi "$BIN/dbapi" --floor "$WORK/floor/floor" --bench "$BIN/dbapi-bench" \
  --data "$WORK/data" --shared "$SHARED_BENCH" --cold-runs "$COLD_RUNS" --engine-runs "$ENGINE_RUNS" --duckdb-python "$DUCKDB_PY"
