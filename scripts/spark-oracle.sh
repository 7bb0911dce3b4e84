#!/usr/bin/env bash
# Opt-in oracle for the mock engine: runs every query of Tests/MockEngineTests/Scripts/*.test through
# PySpark 4 (ANSI mode, session time zone UTC) over the same data and reports each difference in column
# name, type, value or error class. Extra arguments go to scripts/spark_oracle.py (--only FILE.test,
# --show-spark to print Spark's answers, --record to fill in every `?` answer of a new script).
# Usage: scripts/spark-oracle.sh [--only arithmetic.test] [--show-spark] [--record]
set -euo pipefail
source "$(dirname "$0")/pyspark-env.sh"
"$PYTHON" scripts/spark_oracle.py --dbapi "$DBAPI_BIN" "$@" 2> >(quiet_spark)
