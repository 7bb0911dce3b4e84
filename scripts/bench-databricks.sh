#!/usr/bin/env bash
# Fetch benchmark for the Databricks backend (see BENCHMARKS.md): a local fake Statement Execution
# API (scripts/fake_databricks.py) serves 200,000 rows in 20 INLINE chunks and 1,000,000 rows in 100
# EXTERNAL_LINKS chunks; dbapi (release, --format ndjson to /dev/null, and --format json) and the
# official Python SDK (databricks-sdk, installed here into a throwaway venv) fetch them, converting
# values by column type. Wall time and peak RSS per process; medians of RUNS. Then the data_array
# decoders alone in MB/s (dbapi-decode-bench: dbapi's scanner, its general parser, Foundation's two).
# Usage: scripts/bench-databricks.sh [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
WORK=".build-bench"
mkdir -p "$WORK"
swift build -c release --static-swift-stdlib --product dbapi >&2
swift build -c release --static-swift-stdlib --product dbapi-decode-bench >&2
BIN="$(swift build -c release --show-bin-path)/dbapi"
if [ ! -x "$WORK/sdk-venv/bin/python" ]; then python3 -m venv "$WORK/sdk-venv" >&2; fi
"$WORK/sdk-venv/bin/python" -c "import databricks.sdk" 2>/dev/null || "$WORK/sdk-venv/bin/pip" install -q databricks-sdk >&2
python3 scripts/bench_databricks_report.py --dbapi "$BIN" --sdk-python "$WORK/sdk-venv/bin/python" --runs "$RUNS" \
  --decode-bench "$(swift build -c release --show-bin-path)/dbapi-decode-bench"
