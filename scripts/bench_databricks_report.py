#!/usr/bin/env python3
"""Runs the fetch benchmark for scripts/bench-databricks.sh and prints a Markdown report."""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--dbapi", required=True)
parser.add_argument("--sdk-python", required=True)
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--decode-bench")
args = parser.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

server = subprocess.Popen([sys.executable, os.path.join(root, "scripts", "fake_databricks.py"), "--dbapi", args.dbapi, "--root", root],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE)
port = int(server.stdout.readline().split()[1])
host = "http://127.0.0.1:%d" % port


def control(body):
    request = urllib.request.Request(host + "/__control", data=json.dumps(body).encode(), method="POST")
    urllib.request.urlopen(request).read()


def measure(command, env):
    """Wall seconds and peak RSS (MB) of one child process; its stdout is discarded."""
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
            "w=time.perf_counter()-t;r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
            "p.returncode and sys.stderr.buffer.write(p.stderr[-400:]);print(p.returncode,w,r)")
    out = subprocess.run([sys.executable, "-c", code] + command, env=env, stdout=subprocess.PIPE, check=True).stdout.split()
    if out[0] != b"0":
        sys.exit("failed: %s" % command)
    return float(out[1]), int(out[2]) / 1024


env = dict(os.environ, DATABRICKS_HOST=host, DATABRICKS_TOKEN="dapi-test-token", DATABRICKS_WAREHOUSE_ID="wh-bench", DBAPI_ROOT=root)
scenarios = [("200,000 rows, 20 INLINE chunks", 200000, 20, "INLINE"), ("1,000,000 rows, 100 EXTERNAL_LINKS chunks", 1000000, 100, "EXTERNAL_LINKS")]
print("## Databricks fetch (issue: Databricks backend)\n")
print("Command: `scripts/bench-databricks.sh %d`. Same fake server (Python, 127.0.0.1) for every client; medians of %d runs.\n" % (args.runs, args.runs))
print("| result | client | wall (s) | peak RSS (MB) |")
print("|---|---|---|---|")
for title, rows, chunks, disposition in scenarios:
    control({"synthetic": {"rows": rows, "chunks": chunks}, "external_links": disposition == "EXTERNAL_LINKS"})
    clients = [
        ("dbapi --format ndjson (streamed)", [args.dbapi, "query", "SELECT * FROM big", "--backend", "databricks", "--format", "ndjson", "--disposition", disposition]),
        ("dbapi --format json (rows spooled, one document)", [args.dbapi, "query", "SELECT * FROM big", "--backend", "databricks", "--disposition", disposition]),
        ("databricks-sdk (Python), typed", [args.sdk_python, os.path.join(root, "scripts", "bench_sdk_fetch.py"), host, "dapi-test-token", "wh-bench", disposition]),
    ]
    results = {}
    measure(clients[0][1], env)  # warm-up: the server encodes and caches every chunk once
    # Clients take turns within each round, so load that comes and goes on the machine hits them alike.
    samples = {name: [] for name, _ in clients}
    for _ in range(args.runs):
        for name, command in clients:
            samples[name].append(measure(command, env))
    for name, _ in clients:
        wall = statistics.median(s[0] for s in samples[name])
        rss = statistics.median(s[1] for s in samples[name])
        results[name] = (wall, rss)
        print("| %s | %s | %.2f | %.0f |" % (title, name, wall, rss))
    sdk = results["databricks-sdk (Python), typed"]
    ours = results["dbapi --format ndjson (streamed)"]
    document = results["dbapi --format json (rows spooled, one document)"]
    print("| %s | **ratio dbapi json / dbapi ndjson** | **%.2f×** | **%.2f×** |" % (title, document[0] / ours[0], document[1] / ours[1]))
    print("| %s | **ratio SDK / dbapi ndjson** | **%.1f×** | **%.1f×** |" % (title, sdk[0] / ours[0], sdk[1] / ours[1]))
server.stdin.close()
server.terminate()

if args.decode_bench:
    report = json.loads(subprocess.run([args.decode_bench, "10000", "15"], stdout=subprocess.PIPE, check=True).stdout)
    print("\n### data_array decoding alone (one %.2f MB chunk of %d rows, median of %d runs, one thread)\n" % (report["chunk_mb"], report["rows"], report["runs"]))
    print("| decoder | MB/s |")
    print("|---|---|")
    for entry in report["decoders"]:
        print("| %s | %.0f |" % (entry["decoder"], entry["mb_per_s"]))
