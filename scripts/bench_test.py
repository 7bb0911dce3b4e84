#!/usr/bin/env python3
"""Wall time of `dbapi test` over the sample operations, and how it scales with the number of
examples and with --jobs. Standard library only.

Usage: scripts/bench_test.py path/to/dbapi [runs]

The sample config is copied to a temporary root with each operation repeated COPIES times (names
suffixed -2, -3, …; same templates and mock data), snapshots are written once with --update, then
`dbapi test --jobs J` is timed RUNS times for each COPIES and J; the median is printed in ms.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_root(copies):
    root = tempfile.mkdtemp(prefix="dbapi-bench-test-")
    shutil.copytree(os.path.join(ROOT, "queries"), os.path.join(root, "queries"))
    shutil.copytree(os.path.join(ROOT, "config", "mock-data"), os.path.join(root, "config", "mock-data"))
    files = ["operations.json"] + ["operations/" + f for f in sorted(os.listdir(os.path.join(ROOT, "config", "operations")))]
    os.makedirs(os.path.join(root, "config", "operations"))
    examples = 0
    for name in files:
        with open(os.path.join(ROOT, "config", name)) as f:
            config = json.load(f)
        config.pop("$schema", None)
        out = {}
        for op, declaration in config.items():
            for i in range(copies):
                out[op if i == 0 else f"{op}-{i + 1}"] = declaration
                examples += len(declaration.get("examples", []))
        with open(os.path.join(root, "config", name), "w") as f:
            json.dump(out, f)
    return root, examples


def main():
    binary = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    print(f"| examples | --jobs 1 | --jobs 2 | --jobs 4 | --jobs 8 |")
    print(f"|---|---|---|---|---|")
    for copies in (1, 4, 16):
        root, examples = make_root(copies)
        try:
            subprocess.run([binary, "test", "--update", "--root", root], check=False, capture_output=True)
            cells = []
            for jobs in (1, 2, 4, 8):
                times = []
                for _ in range(runs):
                    start = time.perf_counter()
                    done = subprocess.run([binary, "test", "--root", root, "--jobs", str(jobs)], capture_output=True)
                    times.append((time.perf_counter() - start) * 1000)
                    if done.returncode != 0:
                        sys.exit(f"dbapi test failed: {done.stdout.decode()[-2000:]}")
                cells.append(f"{statistics.median(times):.0f}")
            print(f"| {examples} | " + " | ".join(cells) + " |")
        finally:
            shutil.rmtree(root)


if __name__ == "__main__":
    main()
