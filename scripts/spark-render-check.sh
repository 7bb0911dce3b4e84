#!/usr/bin/env bash
# Opt-in: every sample operation's `dbapi render` output, run unchanged in PySpark 4 (ANSI mode, session
# time zone UTC) over the mock data, must agree with the mock engine (names, Spark types, rows).
# Usage: scripts/spark-render-check.sh
set -euo pipefail
source "$(dirname "$0")/pyspark-env.sh"
"$PYTHON" scripts/spark_render_check.py --dbapi "$DBAPI_BIN" --root . 2> >(quiet_spark)
