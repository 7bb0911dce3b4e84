#!/usr/bin/env bash
# Opt-in: every sample operation's `dbapi render` output, run unchanged in PySpark 4 (ANSI mode, session
# time zone UTC) over the mock data, must agree with the mock engine (names, Spark types, rows).
# Installs PySpark into a throwaway venv under .build-oracle/ (Java 17 must be on the machine).
# Usage: scripts/spark-render-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=".build-oracle/venv"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV" >&2; fi
"$VENV/bin/python" -c "import pyspark" 2>/dev/null || "$VENV/bin/pip" install -q 'pyspark>=4,<5' >&2
swift build --product dbapi >&2
"$VENV/bin/python" scripts/spark_render_check.py --dbapi "$(swift build --show-bin-path)/dbapi" --root . 2> >(grep -v -e WARN -e '^Using Spark' -e 'setLogLevel' >&2)
