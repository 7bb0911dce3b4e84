#!/usr/bin/env bash
# Builds dist/dbapi_job-<version>-py3-none-manylinux_2_35_x86_64.whl: the release binary, config/,
# queries/ and the job wrapper, with a `dbapi` console entry point (python_wheel_task entry_point).
# Usage: scripts/build-wheel.sh [BINARY]   (default: builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
BINARY="${1:-}"
if [ -z "$BINARY" ]; then
  scripts/build-release.sh >&2
  BINARY="dist/dbapi/dbapi"
fi
VERSION="$(grep -o 'version = "[^"]*"' Sources/DBAPICLI/DBAPICommandLine.swift | head -1 | cut -d'"' -f2)"
python3 scripts/build_wheel.py --binary "$BINARY" --version "$VERSION" --out dist
