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
import datetime
import decimal
import json
import os
import subprocess
import sys
import tempfile

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
TABLES = ["retail.customers", "retail.inventory", "retail.orders", "retail.products", "retail.warehouses"]
VOLATILE = ("current_timestamp", "current_date", "now()")


def dbapi(command, *arguments):
    done = subprocess.run([args.dbapi, command, "--root", args.root, *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return json.loads(done.stdout.decode() or "{}", parse_float=decimal.Decimal)


def spark_type(name):
    from pyspark.sql import types as T
    name = name.upper()
    simple = {"INT": T.IntegerType(), "BIGINT": T.LongType(), "SMALLINT": T.ShortType(), "TINYINT": T.ByteType(),
              "DOUBLE": T.DoubleType(), "FLOAT": T.FloatType(), "STRING": T.StringType(), "BOOLEAN": T.BooleanType(),
              "DATE": T.DateType(), "TIMESTAMP": T.TimestampType()}
    if name in simple:
        return simple[name]
    if name.startswith("DECIMAL("):
        precision, scale = name[8:-1].split(",")
        return T.DecimalType(int(precision), int(scale))
    if name.startswith("ARRAY<"):
        return T.ArrayType(spark_type(name[6:-1]))
    raise SystemExit("unsupported column type in mock data: " + name)


def to_python(value, type_name):
    if value is None:
        return None
    type_name = type_name.upper()
    if type_name == "DATE":
        return datetime.date.fromisoformat(value)
    if type_name == "TIMESTAMP":
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if type_name.startswith("DECIMAL"):
        return decimal.Decimal(str(value))
    if type_name in ("DOUBLE", "FLOAT"):
        return float(value)
    if type_name.startswith("ARRAY<"):
        return [to_python(item, type_name[6:-1]) for item in value]
    return value


def canonical(value):
    """One comparable text per value, as dbapi's JSON writes it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        value = value.astimezone(datetime.timezone.utc) if value.tzinfo else value
        text = value.strftime("%Y-%m-%dT%H:%M:%S")
        if value.microsecond:
            text += ("." + "%06d" % value.microsecond).rstrip("0")
        return text + "Z"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, int)) and not isinstance(value, bool):
        return str(decimal.Decimal(value).normalize())
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        return [canonical(item) for item in value]
    return str(value)


def main():
    from pyspark.sql import SparkSession
    from pyspark.sql import types as T
    warehouse = tempfile.mkdtemp(prefix="dbapi-spark-")
    spark = (SparkSession.builder.master("local[1]").appName("dbapi-render-check")
             .config("spark.sql.ansi.enabled", "true").config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.warehouse.dir", warehouse).config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("OFF")
    for table in TABLES:
        data = dbapi("query", "--", "SELECT * FROM " + table)["data"]
        columns = data["columns"]
        schema = T.StructType([T.StructField(c["name"], spark_type(c["type"]), True) for c in columns])
        rows = [[to_python(v, c["type"]) for v, c in zip(row, columns)] for row in data["rows"]]
        spark.sql("CREATE DATABASE IF NOT EXISTS " + table.split(".")[0])
        spark.createDataFrame(rows, schema).write.mode("overwrite").saveAsTable(table)

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
                spark_rows = [[canonical(v) for v in row] for row in frame.collect()]
                spark_columns = [(f.name, f.dataType.simpleString().upper()) for f in frame.schema.fields]
            except Exception as error:  # noqa: BLE001 - any Spark failure is the finding
                failures.append((operation, params, "%s: Spark refused it: %s" % (label, str(error).split("\n")[0])))
                continue
            mock = dbapi("query", "--", query["sql"])
            if mock.get("status") != "success":
                failures.append((operation, params, "%s: the mock refused it: %s" % (label, mock.get("error"))))
                continue
            mock_columns = [(c["name"], c["type"].upper()) for c in mock["data"]["columns"]]
            mock_rows = [[canonical(to_python(v, c["type"])) for v, c in zip(row, mock["data"]["columns"])] for row in mock["data"]["rows"]]
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
