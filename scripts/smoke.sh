#!/usr/bin/env bash
# Smoke test through the built dbapi binary: `dbapi test` runs every sample operation's examples
# against their snapshots (config/snapshots/), then the checks only the command line can make
# (--param text, --params-json, meta, exit statuses, error details and messages, other commands).
# Usage: scripts/smoke.sh [path/to/dbapi]   (default: builds and uses .build/debug/dbapi)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-}"
if [ -z "$BIN" ]; then
  swift build --product dbapi >/dev/null
  BIN="$(swift build --show-bin-path)/dbapi"
fi
export DBAPI_ROOT="$PWD"
pass=0
fail=0

# check NAME EXPECTED_EXIT PYTHON_ASSERTION -- ARGS...
check() {
  local name="$1" expected_exit="$2" assertion="$3"
  shift 4
  local out status=0
  out="$("$BIN" "$@" 2>/tmp/dbapi-smoke-stderr)" || status=$?
  if [ "$status" != "$expected_exit" ]; then
    echo "FAIL $name: exit $status, expected $expected_exit"; cat /tmp/dbapi-smoke-stderr; fail=$((fail + 1)); return
  fi
  if ! printf '%s' "$out" | python3 -c "import json,sys; e=json.load(sys.stdin); assert $assertion, e" 2>/tmp/dbapi-smoke-py; then
    echo "FAIL $name: envelope check '$assertion' failed"; tail -1 /tmp/dbapi-smoke-py; fail=$((fail + 1)); return
  fi
  echo "ok   $name"
  pass=$((pass + 1))
}

if "$BIN" test; then
  echo "ok   dbapi test"; pass=$((pass + 1))
else
  echo "FAIL dbapi test"; fail=$((fail + 1))
fi
check "--param text" 0 "e['status'] == 'success' and e['data'] == {'message': 'hi'}" -- run example/echo --param message=hi
check "meta.backend" 0 "e['data']['status'] == 'ok' and e['meta']['backend'] == 'mock'" -- run system/ping
check "--param list" 0 "[w['warehouse'] for w in e['data']['warehouses']] == ['W-BER']" -- run inventory/status --param sku=KIT-1001 --param countries=DE,PL
check "meta.pagination" 0 "len(e['data']['items']) == 10 and e['meta']['pagination'] == {'limit': 10, 'offset': 0, 'returned': 10, 'has_more': True}" -- run inventory/low-stock --param limit=10
check "--params-json" 0 "e['data']['order_count'] == 17 and [c['customer_id'] for c in e['data']['customers']] == [1, 2]" -- run customers/orders --params-json '{"customer_ids": [2, 1]}'
check "query" 0 "e['data']['rows'] == [[6]]" -- query "SELECT count(*) FROM retail.warehouses"
check "validate" 0 "e['data']['valid'] is True" -- validate
check "bad sku" 65 "e['error']['code'] == 'INVALID_PARAMETER' and e['error']['details']['param'] == 'sku'" -- run inventory/status --param sku='x;DROP'
check "missing param" 65 "e['error']['code'] == 'INVALID_PARAMETER' and 'start_date is required' in e['error']['message']" -- run sales/daily-revenue --param end_date=2024-01-01
check "unknown param" 65 "'known parameters: sku, min_qty, countries' in e['error']['message']" -- run inventory/status --param sku=A --param bogus=1
check "unknown operation" 66 "e['error']['code'] == 'NOT_FOUND'" -- run inventory/nope
check "sql error" 67 "e['error']['code'] == 'SQL_ERROR' and 'DIVIDE_BY_ZERO' in e['error']['message']" -- query "SELECT 1 / 0"
check "usage error" 64 "e['error']['code'] == 'USAGE_ERROR'" -- run
check "config error" 78 "e['error']['code'] == 'CONFIGURATION_ERROR'" -- list --root /nonexistent

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
