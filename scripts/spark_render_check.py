#!/usr/bin/env python3
"""Runs every sample operation's `dbapi render` output unchanged in PySpark (ANSI mode, session time zone
UTC) over the same mock data, and compares each statement's column names, Spark types and rows with the
mock engine's answer to the same SQL. Opt-in (scripts/spark-render-check.sh installs PySpark into a
throwaway venv); not part of `swift test`.

The mock tables are exported through `dbapi query "SELECT * FROM t"` and loaded into Spark with the
exact column types dbapi reports, so both engines read identical data.
Exit status 0 only when every statement ran in Spark and agreed with the mock.
"""
import argparse
import json
import sys

import spark_support as support

parser = argparse.ArgumentParser()
parser.add_argument("--dbapi", required=True)
parser.add_argument("--root", default=".")
args = parser.parse_args()

# Parameters for each sample operation (every operation of config/, several variants where they branch).
SAMPLES = [
    ("inventory/status", ["sku=KIT-1001"]),
    ("inventory/status", ["sku=KIT-1001", "countries=DE,BR", "min_qty=1"]),
    ("inventory/low-stock", ["limit=5"]),
    ("inventory/low-stock", ["limit=4", "offset=2", "category=garden"]),
    ("sales/daily-revenue", ["start_date=2024-03-01", "end_date=2024-03-05"]),
    ("sales/top-products", ["top_n=3"]),
    ("sales/top-products", ["top_n=5", "category=toys", "since=2024-02-01"]),
    ("customers/orders", ["customer_ids=3,1"]),
    ("customers/orders", ["customer_ids=1,2", "statuses=shipped,delivered"]),
    ("example/echo", ["message=it's a \"test\" ${x} \\"]),
    ("system/ping", []),
]
VOLATILE = ("current_timestamp", "current_date", "now()")


def dbapi(command, *arguments):
    return support.dbapi(args.dbapi, command, "--root", args.root, *arguments)


def main():
    spark = support.session()
    mock_data = args.root + "/config/mock-data"
    support.load_tables(spark, args.dbapi, mock_data, support.tables_in(mock_data))
    checked, failures = 0, []
    print("PySpark", spark.version, "(ANSI, UTC)")
    for operation, params in SAMPLES:
        flags = [x for p in params for x in ("--param", p)]
        rendered = dbapi("render", operation, *flags, "--format", "json")
        if rendered.get("status") != "success":
            failures.append((operation, params, "render failed: %s" % rendered.get("error")))
            continue
        for query in rendered["data"]["queries"]:
            checked += 1
            label = "%s %s [%s]" % (operation, " ".join(params), query["name"])
            try:
                frame = spark.sql(query["sql"])
                spark_rows = [[support.describe(v) for v in row] for row in frame.collect()]
                spark_columns = [(f.name, support.type_text(f.dataType)) for f in frame.schema.fields]
            except Exception as error:  # noqa: BLE001 - any Spark failure is the finding
                failures.append((operation, params, "%s: Spark refused it: %s" % (label, str(error).split("\n")[0])))
                continue
            mock = dbapi("query", "--", query["sql"])
            if mock.get("status") != "success":
                failures.append((operation, params, "%s: the mock refused it: %s" % (label, mock.get("error"))))
                continue
            mock_columns = [(c["name"], c["type"].upper()) for c in mock["data"]["columns"]]
            mock_rows = [[support.describe(support.from_json(v, support.spark_type(c["type"]))) for v, c in zip(row, mock["data"]["columns"])]
                         for row in mock["data"]["rows"]]
            if mock_columns != spark_columns:
                failures.append((operation, params, "%s: columns differ: mock %s, Spark %s" % (label, mock_columns, spark_columns)))
            ordered = "ORDER BY" in query["sql"].upper()
            if any(word in query["sql"] for word in VOLATILE):
                label += " (reads the clock: names and types compared)"
            elif (mock_rows if ordered else sorted(map(json.dumps, mock_rows))) != (
                    spark_rows if ordered else sorted(map(json.dumps, spark_rows))):
                failures.append((operation, params, "%s: rows differ:\n  mock  %s\n  Spark %s" % (label, mock_rows[:5], spark_rows[:5])))
                continue
            print("ok   %s: %d rows" % (label, len(mock_rows)))
    for operation, params, message in failures:
        print("FAIL " + message)
    print("%d statements checked, %d differences" % (checked, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
