#!/usr/bin/env python3
"""The oracle for the mock engine's golden scripts: runs every query of Tests/MockEngineTests/Scripts/*.test
through PySpark (ANSI mode, session time zone UTC) over the same data and reports each difference in column
name, type, value or error class against the script's expected output. Opt-in: scripts/spark-oracle.sh
installs PySpark into a throwaway venv. Exit status 0 only when there are no differences.

A script states the Spark version that verified it in a comment line `# Verified with PySpark X.Y.Z`.
A case's pinned plan (the lines between `----[plan]` and `----`) is the mock engine's own and is skipped here.
Queries that read the clock (current_date, current_timestamp, now) are compared on names and types only.
An expected error must carry Spark's error class (`error: [DIVIDE_BY_ZERO] …`); Spark must fail with it. Where
Spark fails without an error class (a bare Java exception such as `long overflow`), any expected error counts
and the case is listed as a NOTE. Unity Catalog names (`main.default.items`) are read as `default.items`,
since Spark's local session catalog takes no catalog part; values Python cannot hold (a DATE past year 9999)
and intervals (`INTERVAL '1-2' YEAR TO MONTH`, as dbapi writes them) are compared through Spark's own CAST to STRING.
To record a new script, write each case's answer as a single `?` line and run with --record: every `?` is
replaced by Spark's answer, or for a query Spark refuses by the mock engine's own error line (the runner
compares messages exactly), which the oracle then checks has Spark's class.
Usage: spark_oracle.py --dbapi BIN [--scripts DIR] [--only FILE.test] [--show-spark] [--record]
"""
import argparse
import json
import os
import re
import subprocess
import sys

import spark_support as support

parser = argparse.ArgumentParser()
parser.add_argument("--dbapi", required=True)
parser.add_argument("--scripts", default="Tests/MockEngineTests/Scripts")
parser.add_argument("--only", action="append", default=[])
parser.add_argument("--show-spark", action="store_true", help="print Spark's answer for every query (to record one)")
parser.add_argument("--record", action="store_true", help="fill in every `?` answer (Spark's, or the mock's error line)")
args = parser.parse_args()

VOLATILE = re.compile(r"current_date|current_timestamp|\bnow\s*\(", re.IGNORECASE)
PLAN_MARKER = "----[plan]"
VERIFIED = re.compile(r"^# Verified with PySpark (\S+)", re.MULTILINE)
UNITY_PREFIX = re.compile(r"\bmain\.default\.", re.IGNORECASE)


def cases(text):
    """(line, statement, expected lines) per case, as the golden script runner reads them; a pinned plan is skipped."""
    lines = text.split("\n")
    index, found = 0, []
    while index < len(lines):
        if not lines[index].strip() or lines[index].startswith("#"):
            index += 1
            continue
        start, statement = index + 1, []
        while index < len(lines) and lines[index] not in ("----", PLAN_MARKER):
            statement.append(lines[index])
            index += 1
        if index < len(lines) and lines[index] == PLAN_MARKER:
            while index < len(lines) and lines[index] != "----":
                index += 1
        index += 1
        expected = []
        while index < len(lines) and lines[index]:
            expected.append(lines[index])
            index += 1
        found.append((start, "\n".join(statement), expected))
    return found


def spark_answer(spark, statement):
    """Spark's answer as golden lines, or ("error", class, message)."""
    try:
        frame = spark.sql(UNITY_PREFIX.sub("default.", statement))
        header = " | ".join("%s:%s" % (f.name, support.type_text(f.dataType)) for f in frame.schema.fields)
        try:
            if any(support.is_interval(f.dataType) for f in frame.schema.fields):
                raise ValueError("intervals are compared through Spark's text")  # PySpark cannot collect year-month ones
            rows = [" | ".join(support.describe(v) for v in row) for row in frame.collect()]
        except ValueError:  # a value Python's datetime cannot hold, or an interval: take Spark's text for it
            rows = [" | ".join(as_text(v) for v in row) for row in frame.selectExpr(*text_columns(frame)).collect()]
        return [header] + rows
    except Exception as error:  # noqa: BLE001 - Spark's failure is the answer
        message = [line for line in str(error).split("\n") if line.strip()]
        return ("error", support.error_class(error), message[0] if message else "")


def text_columns(frame):
    """Each column of `frame` cast to STRING by Spark (positionally, so duplicate names are fine)."""
    return ["CAST(`%s` AS STRING)" % field.name.replace("`", "``") for field in frame.schema.fields]


def as_text(value):
    """Spark's STRING form of a value as dbapi prints it (Spark marks a year past 9999 with `+`)."""
    return "NULL" if value is None else value.lstrip("+")


def compare(statement, expected, answer):
    """A difference message, or None."""
    expects_error = bool(expected) and expected[0].startswith("error: ")
    if isinstance(answer, tuple):
        _, spark_class, message = answer
        if not expects_error:
            return "Spark fails: %s" % message
        if spark_class is None:
            return None
        match = re.match(r"error: \[([A-Z0-9_.]+)\]", expected[0])
        if not match:
            return "expected error has no error class (Spark: [%s])" % spark_class
        wanted = match.group(1)
        if spark_class != wanted and not (spark_class or "").startswith(wanted + "."):
            return "error class differs: expected [%s], Spark [%s] %s" % (wanted, spark_class, message)
        return None
    if expects_error:
        return "Spark succeeds where an error is expected: %s" % answer
    if VOLATILE.search(statement):
        return None if answer[0] == expected[0] else "header differs:\n    expected %s\n    Spark    %s" % (expected[0], answer[0])
    if answer == expected:
        return None
    if answer[0] != expected[0]:
        return "header differs:\n    expected %s\n    Spark    %s" % (expected[0], answer[0])
    ordered = "ORDER BY" in statement.upper()
    if not ordered and sorted(answer[1:]) == sorted(expected[1:]):
        return None
    return "rows differ:\n    expected %s\n    Spark    %s" % (expected[1:8], answer[1:8])


def recorded_answer(statement, answer, data):
    """The golden lines for a `?` case: Spark's rows, or the mock engine's error line where Spark fails."""
    if isinstance(answer, list):
        return answer
    run = subprocess.run([args.dbapi, "query", statement, "--mock-data", data], capture_output=True, text=True)
    try:
        envelope = json.loads(run.stdout)
    except ValueError:
        envelope = {}
    if envelope.get("status") == "error":
        return ["error: " + envelope["error"]["message"].split("\n")[0]]
    return ["error: [%s] %s" % answer[1:]]  # the mock answers where Spark fails: the runner will show it


def record(path, spark, data):
    """Rewrites `path` with every `?` answer filled in."""
    lines = open(path, encoding="utf-8").read().split("\n")
    for line, statement, expected in reversed(cases("\n".join(lines))):
        if expected != ["?"]:
            continue
        index = line - 1 + statement.count("\n") + 2  # the `?` line, after the statement and `----`
        lines[index:index + 1] = recorded_answer(statement, spark_answer(spark, statement), data)
    open(path, "w", encoding="utf-8").write("\n".join(lines))


def main():
    spark = support.session()
    data = os.path.join(args.scripts, "data")
    support.load_tables(spark, args.dbapi, data, support.tables_in(data))
    files = sorted(f for f in os.listdir(args.scripts) if f.endswith(".test"))
    if args.only:
        files = [f for f in files if f in args.only]
    checked, differences, notes = 0, [], []
    print("PySpark %s (ANSI, session time zone UTC)" % spark.version)
    if args.record:
        for name in files:
            record(os.path.join(args.scripts, name), spark, data)
    for name in files:
        text = open(os.path.join(args.scripts, name), encoding="utf-8").read()
        version = VERIFIED.search(text)
        if not version:
            differences.append("%s: no '# Verified with PySpark X' line" % name)
        for line, statement, expected in cases(text):
            checked += 1
            answer = spark_answer(spark, statement)
            if args.show_spark:
                print("%s:%d\n%s\n----\n%s\n" % (name, line, statement, "\n".join(answer) if isinstance(answer, list) else "error: [%s] %s" % answer[1:]))
            problem = compare(statement, expected, answer)
            if not problem and isinstance(answer, tuple) and answer[1] is None:
                notes.append("%s:%d: Spark fails without an error class (%s); expected %s" % (name, line, answer[2], expected[0]))
            if problem:
                differences.append("%s:%d: %s\n    %s" % (name, line, problem, statement.replace("\n", "\n    ")))
    for note in notes:
        print("NOTE " + note)
    for difference in differences:
        print("DIFF " + difference)
    print("%d queries in %d files checked, %d differences" % (checked, len(files), len(differences)))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
