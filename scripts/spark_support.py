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
    """The PySpark type of a dbapi type name (`INT`, `DECIMAL(10,2)`, `MAP<STRING, INT>`, `STRUCT<a: INT>`)."""
    parsed, rest = _parse_type(name.strip())
    if rest.strip():
        raise SystemExit("unsupported column type in mock data: " + name)
    return parsed


def _parse_type(text):
    """(PySpark type, remaining text) for the type at the start of `text`."""
    from pyspark.sql import types as T
    text = text.lstrip()
    word = re.match(r"[A-Za-z_][A-Za-z0-9_]*", text)
    if not word:
        raise SystemExit("unsupported column type in mock data: " + text)
    base, rest = word.group(0).upper(), text[word.end():].lstrip()
    if base in ("ARRAY", "MAP", "STRUCT") and rest.startswith("<"):
        rest = rest[1:]
        if base == "ARRAY":
            element, rest = _parse_type(rest)
            return T.ArrayType(element), _expect(rest, ">")
        if base == "MAP":
            key, rest = _parse_type(rest)
            value, rest = _parse_type(_expect(rest, ","))
            return T.MapType(key, value), _expect(rest, ">")
        fields = []
        while not rest.lstrip().startswith(">"):
            rest = rest.lstrip()
            if rest.startswith("`"):
                end = rest.index("`", 1)
                field, rest = rest[1:end], rest[end + 1:]
            else:
                match = re.match(r"[A-Za-z0-9_]+", rest)
                field, rest = match.group(0), rest[match.end():]
            field_type, rest = _parse_type(_expect(rest, ":"))
            fields.append(T.StructField(field, field_type, True))
            if rest.lstrip().startswith(","):
                rest = rest.lstrip()[1:]
        return T.StructType(fields), _expect(rest, ">")
    simple = {"INT": T.IntegerType(), "BIGINT": T.LongType(), "SMALLINT": T.ShortType(), "TINYINT": T.ByteType(),
              "DOUBLE": T.DoubleType(), "FLOAT": T.FloatType(), "STRING": T.StringType(), "BOOLEAN": T.BooleanType(),
              "DATE": T.DateType(), "TIMESTAMP": T.TimestampType(), "VOID": T.NullType()}
    if base == "DECIMAL" and rest.startswith("("):
        end = rest.index(")")
        precision, scale = rest[1:end].split(",")
        return T.DecimalType(int(precision), int(scale)), rest[end + 1:]
    if base in simple:
        return simple[base], rest
    raise SystemExit("unsupported column type in mock data: " + text)


def _expect(text, symbol):
    text = text.lstrip()
    if not text.startswith(symbol):
        raise SystemExit("malformed type name near: " + text)
    return text[len(symbol):]


def from_json(value, data_type):
    """A value of dbapi's JSON output as the Python value PySpark takes for `data_type`."""
    from pyspark.sql import types as T
    if value is None:
        return None
    if isinstance(data_type, T.DateType):
        return datetime.date.fromisoformat(value)
    if isinstance(data_type, T.TimestampType):
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(datetime.timezone.utc).replace(tzinfo=None)
    if isinstance(data_type, T.DecimalType):
        return decimal.Decimal(str(value))
    if isinstance(data_type, (T.DoubleType, T.FloatType)):
        return float(value)
    if isinstance(data_type, T.ArrayType):
        return [from_json(item, data_type.elementType) for item in value]
    if isinstance(data_type, T.MapType):  # keys arrive as their JSON text
        return {from_json(json.loads(k) if not isinstance(data_type.keyType, (T.StringType, T.DateType, T.TimestampType)) else k,
                          data_type.keyType): from_json(v, data_type.valueType) for k, v in value.items()}
    if isinstance(data_type, T.StructType):
        from pyspark.sql import Row
        return Row(**{f.name: from_json(value.get(f.name), f.dataType) for f in data_type.fields})
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
        rows = [[from_json(v, f.dataType) for v, f in zip(row, schema.fields)] for row in envelope["data"]["rows"]]
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
    """Spark's type name as dbapi prints it, Spark's SQL form: `DECIMAL(10,2)`, `ARRAY<INT>`, `MAP<STRING, INT>`,
    `STRUCT<a: INT, `a b`: STRING>` (field names kept, back-quoted unless letters, digits and underscores)."""
    from pyspark.sql import types as T
    if isinstance(data_type, T.ArrayType):
        return "ARRAY<%s>" % type_text(data_type.elementType)
    if isinstance(data_type, T.MapType):
        return "MAP<%s, %s>" % (type_text(data_type.keyType), type_text(data_type.valueType))
    if isinstance(data_type, T.StructType):
        def quoted(name):
            plain = re.fullmatch(r"[A-Za-z0-9_]+", name) and not name.isdigit()
            return name if plain else "`" + name.replace("`", "``") + "`"
        return "STRUCT<%s>" % ", ".join("%s: %s" % (quoted(f.name), type_text(f.dataType)) for f in data_type.fields)
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
