#!/usr/bin/env bash
# Runs one libFuzzer target for a while (opt-in, not in CI). See Fuzz/README.md.
#
# Usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]
#        scripts/fuzz.sh TARGET --build          (build only; prints the binary's path)
#        scripts/fuzz.sh TARGET --replay FILE... (run inputs once, e.g. a crash artifact)
#        scripts/fuzz.sh --list
#
# The library modules are compiled once with -sanitize=fuzzer,address -enable-testing into
# .build/fuzz/ (again when their sources change); the target's binary is its Fuzz/<TARGET>/main.swift
# plus its body from Tests/ (the same body the `swift test` property test runs). New corpus entries
# go to .build/fuzz/corpus/TARGET, crashes and slow inputs to .build/fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
BUILD="$ROOT/.build/fuzz"

# target → "modules (in dependency order)|body files"
target_spec() {
  case "$1" in
    config) echo "DBAPICore SQLText MockEngine Operations|Tests/OperationsTests/Catalog/ConfigFuzzBody.swift Tests/DBAPITestSupport/Fuzzing/BlockingWait.swift" ;;
    mapping) echo "DBAPICore SQLText Operations|Tests/OperationsTests/Mapping/MappingFuzzBody.swift" ;;
    params) echo "DBAPICore SQLText MockEngine Operations|Tests/OperationsTests/Params/ParamsFuzzBody.swift" ;;
    sql) echo "DBAPICore SQLText MockEngine|Tests/MockEngineTests/SQLFuzzBody.swift Tests/MockEngineTests/SQLStatementGenerator.swift" ;;
    csv) echo "DBAPICore SQLText MockEngine|Tests/MockEngineTests/Catalog/TableFileFuzzBody.swift" ;;
    jsonl) echo "DBAPICore SQLText MockEngine|Tests/MockEngineTests/Catalog/TableFileFuzzBody.swift" ;;
    databricks-response) echo "DBAPICore Databricks|Tests/DatabricksTests/Statements/DatabricksResponseFuzzBody.swift Tests/DBAPITestSupport/Fuzzing/BlockingWait.swift" ;;
    *) return 1 ;;
  esac
}
TARGETS="config mapping params sql csv jsonl databricks-response"

if [ "${1:-}" = "--list" ]; then echo "$TARGETS" | tr ' ' '\n'; exit 0; fi
if [ $# -lt 2 ] || ! target_spec "$1" >/dev/null; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...] | TARGET --build | TARGET --replay FILE... | --list" >&2
  echo "targets: $TARGETS" >&2
  exit 64
fi
TARGET="$1"
MODE="$2"
shift 2
SPEC="$(target_spec "$TARGET")"
MODULES="${SPEC%%|*}"
BODIES="${SPEC#*|}"

SWIFT_FLAGS=(-sanitize=fuzzer,address -O -g -swift-version 6 -package-name dbapi -enable-upcoming-feature ExistentialAny -I "$BUILD/modules")
mkdir -p "$BUILD/modules" "$BUILD/objects" "$BUILD/CCurlLoader"

# True when $1 is missing or older than any file under the given directories.
stale() {
  local output="$1"
  shift
  [ ! -e "$output" ] || [ -n "$(find "$@" -newer "$output" -type f -print -quit)" ]
}

build_curl_loader() {
  local object="$BUILD/objects/CCurlLoader.o"
  printf 'module CCurlLoader {\n  header "%s"\n  export *\n}\n' "$ROOT/Sources/CCurlLoader/include/CCurlLoader.h" \
    >"$BUILD/CCurlLoader/module.modulemap"
  if stale "$object" Sources/CCurlLoader; then
    clang -c -O1 -fPIC -I Sources/CCurlLoader/include Sources/CCurlLoader/curl_loader.c -o "$object"
  fi
}

build_module() {
  local module="$1" object="$BUILD/objects/$1.o"
  local -a extra=()
  if [ "$module" = "Databricks" ]; then
    build_curl_loader
    extra=(-I "$BUILD/CCurlLoader")
  fi
  # A module is rebuilt when its own sources or a module it imports changed.
  if stale "$object" "Sources/$module" $(for m in $MODULES; do [ "$m" = "$module" ] && break; echo "$BUILD/objects/$m.o"; done); then
    echo "fuzz.sh: compiling $module (instrumented)" >&2
    mapfile -t sources < <(find "Sources/$module" -name '*.swift' | sort)
    swiftc "${SWIFT_FLAGS[@]}" "${extra[@]}" -parse-as-library -enable-testing -wmo -module-name "$module" \
      -emit-module -emit-module-path "$BUILD/modules/$module.swiftmodule" -c "${sources[@]}" -o "$object"
    touch "$object"  # swiftc leaves an unchanged object's time alone, which would rebuild it every run
  fi
}

for module in $MODULES; do build_module "$module"; done
BINARY="$BUILD/fuzz-$TARGET"
# shellcheck disable=SC2086
if stale "$BINARY" "Fuzz/$TARGET" Fuzz/Shared $BODIES $(for m in $MODULES; do echo "$BUILD/objects/$m.o"; done); then
  echo "fuzz.sh: linking $BINARY" >&2
  objects=()
  link=()
  for module in $MODULES; do objects+=("$BUILD/objects/$module.o"); done
  if [[ " $MODULES " == *" Databricks "* ]]; then
    objects+=("$BUILD/objects/CCurlLoader.o")
    link=(-I "$BUILD/CCurlLoader" -L Sources/CCurlLoader/link -ldl)
  fi
  # shellcheck disable=SC2086
  swiftc "${SWIFT_FLAGS[@]}" "${link[@]}" -parse-as-library -module-name "FuzzTarget" \
    "Fuzz/$TARGET/main.swift" Fuzz/Shared/FuzzCheck.swift $BODIES "${objects[@]}" -o "$BINARY" 2> >(grep -v 'ld.gold: warning: Cannot export local symbol' >&2)
fi

# Crashes are reported by libFuzzer and ASan; Swift's own backtracer would wait on the dying process.
# ASan's quarantine of freed memory (256 MB by default) is lowered: about 200 MB less resident memory
# against -rss_limit_mb (see Fuzz/README.md).
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:handle_abort=1:quarantine_size_mb=64}"
case "$MODE" in
  --build) echo "$BINARY" ;;
  --replay) exec "$BINARY" -rss_limit_mb=2048 -timeout=10 "$@" ;;
  *)
    [[ "$MODE" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a number, got '$MODE'" >&2; exit 64; }
    mkdir -p "$BUILD/corpus/$TARGET" "$BUILD/artifacts/$TARGET"
    dictionary=()
    [ -f "Fuzz/$TARGET/dictionary.txt" ] && dictionary=("-dict=Fuzz/$TARGET/dictionary.txt")
    exec "$BINARY" "$BUILD/corpus/$TARGET" "Fuzz/corpus/$TARGET" "${dictionary[@]}" \
      -max_total_time="$MODE" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$BUILD/artifacts/$TARGET/" "$@"
    ;;
esac
