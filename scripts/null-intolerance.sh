#!/usr/bin/env bash
# Opt-in: asks PySpark 4 which builtin functions fold to NULL when an argument is a NULL literal (Spark's
# NullPropagation), the list behind Sources/MockEngine/Planner/NullPropagation.swift. Takes a few minutes.
# Usage: scripts/null-intolerance.sh
set -euo pipefail
source "$(dirname "$0")/pyspark-env.sh"
"$PYTHON" scripts/null_intolerance.py 2> >(quiet_spark)
