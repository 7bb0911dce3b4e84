"""Shared by the PySpark scripts (spark_oracle.py, spark_render_check.py): a Spark session configured as
a SQL warehouse is (ANSI mode, session time zone UTC), mock tables loaded into it through dbapi itself so
both engines read identical data, and dbapi's text form of Spark values and types."""
import datetime
import decimal
import json
import os
import re
import subprocess
import tempfile

os.environ["TZ"] = "UTC"  # PySpark turns TIMESTAMP values into naive datetimes in the process's zone


def session():
    from pyspark.sql import SparkSession
    warehouse = tempfile.mkdtemp(prefix="dbapi-spark-")
    spark = (SparkSession.builder.master("local[1]").appName("dbapi-oracle")
             .config("spark.sql.ansi.enabled", "true").config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.warehouse.dir", warehouse).config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", "1").getOrCreate())
    spark.sparkContext.setLogLevel("OFF")
    return spark


def dbapi(binary, command, *arguments):
    """dbapi's JSON envelope for `command arguments`."""
    done = subprocess.run([binary, command, *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return json.loads(done.stdout.decode() or "{}", parse_float=decimal.Decimal)


def spark_type(name):
    from pyspark.sql import types as T
    name = name.upper()
    simple = {"INT": T.IntegerType(), "BIGINT": T.LongType(), "SMALLINT": T.ShortType(), "TINYINT": T.ByteType(),
              "DOUBLE": T.DoubleType(), "FLOAT": T.FloatType(), "STRING": T.StringType(), "BOOLEAN": T.BooleanType(),
              "DATE": T.DateType(), "TIMESTAMP": T.TimestampType(), "VOID": T.NullType()}
    if name in simple:
        return simple[name]
    if name.startswith("DECIMAL("):
        precision, scale = name[8:-1].split(",")
        return T.DecimalType(int(precision), int(scale))
    if name.startswith("ARRAY<"):
        return T.ArrayType(spark_type(name[6:-1]))
    raise SystemExit("unsupported column type in mock data: " + name)


def from_json(value, type_name):
    """A value of dbapi's JSON output as the Python value PySpark takes for `type_name`."""
    if value is None:
        return None
    type_name = type_name.upper()
    if type_name == "DATE":
        return datetime.date.fromisoformat(value)
    if type_name == "TIMESTAMP":
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(datetime.timezone.utc).replace(tzinfo=None)
    if type_name.startswith("DECIMAL"):
        return decimal.Decimal(str(value))
    if type_name in ("DOUBLE", "FLOAT"):
        return float(value)
    if type_name.startswith("ARRAY<"):
        return [from_json(item, type_name[6:-1]) for item in value]
    return value


def load_tables(spark, binary, mock_data, tables):
    """Creates each mock table (`items`, `retail.orders`) in Spark with dbapi's column types and rows."""
    from pyspark.sql import types as T
    for table in tables:
        envelope = dbapi(binary, "query", "--mock-data", mock_data, "--root", mock_data, "--", "SELECT * FROM " + table)
        if envelope.get("status") != "success":
            raise SystemExit("cannot export %s: %s" % (table, envelope.get("error")))
        columns = envelope["data"]["columns"]
        schema = T.StructType([T.StructField(c["name"], spark_type(c["type"]), True) for c in columns])
        rows = [[from_json(v, c["type"]) for v, c in zip(row, columns)] for row in envelope["data"]["rows"]]
        parts = table.split(".")
        if len(parts) > 1:
            spark.sql("CREATE DATABASE IF NOT EXISTS " + parts[-2])
        spark.createDataFrame(rows, schema).write.mode("overwrite").saveAsTable(".".join(parts[-2:]))


def tables_in(directory):
    """Table names of a mock data directory (`NAME.csv` / `NAME.jsonl`)."""
    names = []
    for entry in sorted(os.listdir(directory)):
        for suffix in (".csv", ".jsonl"):
            if entry.endswith(suffix):
                names.append(entry[: -len(suffix)])
    return names


def java_double(number):
    """Java's Double.toString, as Spark (and dbapi) print a DOUBLE."""
    if number != number:
        return "NaN"
    if number in (float("inf"), float("-inf")):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "-0.0" if str(number).startswith("-") else "0.0"
    sign = "-" if number < 0 else ""
    digits, exponent = shortest_digits(abs(number))
    magnitude = abs(number)
    if 1e-3 <= magnitude < 1e7:
        if exponent >= 0:
            whole = digits[: exponent + 1].ljust(exponent + 1, "0")
            fraction = digits[exponent + 1:] or "0"
            return sign + whole + "." + fraction
        return sign + "0." + "0" * (-exponent - 1) + digits
    return sign + digits[0] + "." + (digits[1:] or "0") + "E" + str(exponent)


def shortest_digits(number):
    mantissa, _, exponent = ("%r" % number).lower().partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    point = len(whole) - (len(whole + fraction) - len((whole + fraction).lstrip("0")))
    exponent10 = int(exponent or 0) + point - 1
    return digits.rstrip("0") or "0", exponent10


def describe(value):
    """dbapi's text form of a value (SQLValue.description), for golden script rows."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return java_double(value)
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, datetime.datetime):
        text = value.strftime("%Y-%m-%d %H:%M:%S")
        if value.year < 1000:
            text = "%04d" % value.year + text[len(str(value.year)):]
        if value.microsecond:
            text += ("." + "%06d" % value.microsecond).rstrip("0")
        return text
    if isinstance(value, datetime.date):
        return "%04d-%02d-%02d" % (value.year, value.month, value.day)
    if isinstance(value, list):
        return "[" + ",".join(describe(item) for item in value) + "]"
    if hasattr(value, "asDict"):
        return "{" + ", ".join("%s: %s" % (k, describe(v)) for k, v in value.asDict().items()) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join("%s: %s" % (describe(k), describe(v)) for k, v in value.items()) + "}"
    return str(value)


def is_interval(data_type):
    """Whether `data_type` is an ANSI interval type (DAY TO SECOND or YEAR TO MONTH family)."""
    from pyspark.sql import types as T
    return isinstance(data_type, (T.DayTimeIntervalType, T.YearMonthIntervalType))


def type_text(data_type):
    """Spark's type name as dbapi prints it: `DECIMAL(10,2)`, `ARRAY<INT>`."""
    return data_type.simpleString().upper()


def error_class(error):
    """The error class of a PySpark exception (`DIVIDE_BY_ZERO`), or None."""
    for getter in ("getCondition", "getErrorClass"):
        if hasattr(error, getter):
            try:
                value = getattr(error, getter)()
            except Exception:  # noqa: BLE001
                value = None
            if value:
                return value
    found = re.search(r"\[([A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)*)\]", str(error))  # runtime errors arrive wrapped
    return found.group(1) if found else None
