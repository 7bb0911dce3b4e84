# Sourced by the opt-in PySpark scripts (spark-oracle.sh, spark-render-check.sh): a throwaway venv with
# PySpark 4 under .build-oracle/ (installed on first use; Java 17 must be on the machine) and a debug
# build of dbapi. Sets PYTHON and DBAPI_BIN.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=".build-oracle/venv"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV" >&2; fi
"$VENV/bin/python" -c "import pyspark" 2>/dev/null || "$VENV/bin/pip" install -q 'pyspark>=4,<5' >&2
swift build --product dbapi >&2
PYTHON="$VENV/bin/python"
DBAPI_BIN="$(swift build --show-bin-path)/dbapi"
# Spark's JVM logs every failed query on stderr; the scripts keep only their own lines.
quiet_spark() { grep -v -e WARN -e '^Using Spark' -e 'setLogLevel' -e '^\[Stage' -e '^{"ts"' >&2; }
