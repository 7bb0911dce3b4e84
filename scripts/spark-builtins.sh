#!/usr/bin/env bash
# Opt-in: records the names of Spark's builtin functions (PySpark 4, `SHOW FUNCTIONS`) into
# Sources/MockEngine/Functions/SparkBuiltinNames.swift, so that a builtin the mock engine does not
# implement is UNSUPPORTED_FEATURE rather than UNRESOLVED_ROUTINE (a name Spark does not know).
# Usage: scripts/spark-builtins.sh
set -euo pipefail
source "$(dirname "$0")/pyspark-env.sh"
"$PYTHON" scripts/spark_builtins.py Sources/MockEngine/Functions/SparkBuiltinNames.swift 2> >(quiet_spark)
