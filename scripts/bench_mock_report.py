#!/usr/bin/env python3
"""Runs the mock-path benchmarks for scripts/bench-mock.sh and prints a Markdown report.

Cold start: each binary is started COLD_RUNS times, interleaved, wall time per process with
perf_counter; medians and their ratio. Engine: dbapi-bench, run_sqlite.py and (optionally)
run_duckdb.py with one thread, on the same files in the same run; medians and ratios.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

parser = argparse.ArgumentParser()
for flag in ("--dbapi", "--floor", "--bench", "--data", "--shared", "--duckdb-python"):
    parser.add_argument(flag, default="")
parser.add_argument("--cold-runs", type=int, default=20)
parser.add_argument("--engine-runs", type=int, default=5)
args = parser.parse_args()
for name in ("dbapi", "floor", "bench", "data", "shared"):
    setattr(args, name, os.path.abspath(getattr(args, name)))
if args.duckdb_python:
    args.duckdb_python = os.path.abspath(args.duckdb_python)
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def wall(command, env=None):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit("failed: %s\n%s" % (command, done.stderr.decode()))
    return elapsed


env = dict(os.environ, DBAPI_ROOT=root)
run_cmd = [args.dbapi, "run", "inventory/status", "--param", "sku=KIT-1001"]
floor_cmd = [args.floor]
for _ in range(3):  # warm the page cache
    wall(run_cmd, env), wall(floor_cmd)
dbapi_times, floor_times = [], []
for _ in range(args.cold_runs):
    dbapi_times.append(wall(run_cmd, env))
    floor_times.append(wall(floor_cmd))
cold_dbapi = statistics.median(dbapi_times) * 1000
cold_floor = statistics.median(floor_times) * 1000

print("## Mock path benchmarks\n")
print("Machine: %s, %d cores. Command: `scripts/bench-mock.sh %d %d`.\n" % (platform.platform(), os.cpu_count(), args.cold_runs, args.engine_runs))
print("### (a) Cold start, median of %d process starts (ms)\n" % args.cold_runs)
print("| binary | median | min | max |")
print("|---|---|---|---|")
print("| `dbapi run inventory/status --param sku=KIT-1001` (static stdlib, release) | %.1f | %.1f | %.1f |" % (cold_dbapi, min(dbapi_times) * 1000, max(dbapi_times) * 1000))
print("| floor: static-stdlib Foundation binary printing a JSON object | %.1f | %.1f | %.1f |" % (cold_floor, min(floor_times) * 1000, max(floor_times) * 1000))
print("\nRatio dbapi / floor: **%.2f×** (target ≤ 2×).\n" % (cold_dbapi / cold_floor))

engine_dir = os.path.join(args.data, "engine")
ours = json.loads(subprocess.run([args.bench, engine_dir, os.path.join(args.shared, "queries.sql"), str(args.engine_runs)],
                                 check=True, stdout=subprocess.PIPE).stdout)
sqlite = json.loads(subprocess.run([sys.executable, os.path.join(args.shared, "run_sqlite.py"), args.data, "orders.csv", str(args.engine_runs)],
                                   check=True, stdout=subprocess.PIPE, cwd=args.shared).stdout)
duck = None
if args.duckdb_python:
    duck = json.loads(subprocess.run([args.duckdb_python, os.path.join(args.shared, "run_duckdb.py"), args.data, "orders.csv", str(args.engine_runs), "1"],
                                     check=True, stdout=subprocess.PIPE, cwd=args.shared).stdout)

print("### (b) Engine, 1,000,000 rows, median of %d runs after one warm-up (ms)\n" % args.engine_runs)
ours_by = {q["query"]: q for q in ours["queries"]}
sqlite_by = {q["query"]: q for q in sqlite["queries"]}
duck_by = {q["query"]: q for q in duck["queries"]} if duck else {}
header = "| query | dbapi | %s | dbapi vs sqlite3 |" % sqlite["engine"]
line = "|---|---|---|---|"
if duck:
    header += " %s | dbapi vs DuckDB |" % duck["engine"]
    line += "---|---|"
print(header)
print(line)
load_ours = ours["load_ms"].get("t", 0)
load_ratio = sqlite["load_orders_ms"] / load_ours
row = "| load orders.csv | %.0f | %.0f | %.2f× %s |" % (load_ours, sqlite["load_orders_ms"], load_ratio if load_ratio >= 1 else 1 / load_ratio, "faster" if load_ratio >= 1 else "slower")
if duck:
    row += " %.0f | %.2f× slower |" % (duck["load_orders_ms"], load_ours / duck["load_orders_ms"])
print(row)
for name in ("Q1", "Q2", "Q3", "Q4", "Q5", "Q6"):
    mine = ours_by.get(name, {})
    theirs = sqlite_by.get(name)
    if "median_ms" not in mine:
        row = "| %s | not supported (window function) | %.1f | — |" % (name, theirs["median_ms"])
        if duck:
            row += " %.1f | — |" % duck_by[name]["median_ms"]
        print(row)
        continue
    ratio = theirs["median_ms"] / mine["median_ms"]
    row = "| %s | %.1f | %.1f | %.2f× %s |" % (name, mine["median_ms"], theirs["median_ms"], ratio if ratio >= 1 else 1 / ratio, "faster" if ratio >= 1 else "slower")
    if duck:
        d = duck_by[name]["median_ms"]
        row += " %.1f | %.1f× slower |" % (d, mine["median_ms"] / d)
    print(row)
print("\nFirst rows (dbapi): " + "; ".join("%s `%s`" % (q["query"], q.get("first_row", q.get("error", ""))[:60]) for q in ours["queries"]))
