#!/usr/bin/env bash
# Opt-in oracle for the mock engine: runs every query of Tests/MockEngineTests/Scripts/*.test through
# PySpark 4 (ANSI mode, session time zone UTC) over the same data and reports each difference in column
# name, type, value or error class. Installs PySpark into a throwaway venv under .build-oracle/ (Java 17
# must be on the machine). Extra arguments go to scripts/spark_oracle.py (--only FILE.test, --show-spark).
# Usage: scripts/spark-oracle.sh [--only arithmetic.test] [--show-spark]
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=".build-oracle/venv"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV" >&2; fi
"$VENV/bin/python" -c "import pyspark" 2>/dev/null || "$VENV/bin/pip" install -q 'pyspark>=4,<5' >&2
swift build --product dbapi >&2
"$VENV/bin/python" scripts/spark_oracle.py --dbapi "$(swift build --show-bin-path)/dbapi" "$@" 2> >(grep -v -e WARN -e '^Using Spark' -e 'setLogLevel' -e '^\[Stage' -e '^{"ts"' >&2)
