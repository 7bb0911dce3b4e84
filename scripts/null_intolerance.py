"""Asks PySpark which builtin functions it treats as null-intolerant: for every name in
Sources/MockEngine/Functions/SparkBuiltinNames.swift, `f(CAST(raise_error('boom') AS T), NULL[, NULL])` answers NULL
(for 2, 3 and 4 arguments) when Spark's optimizer folds the call before it evaluates the first argument, and fails with
the raised error when it does not. T is the first type the function accepts. Prints the folded names (the list in
Sources/MockEngine/Planner/NullPropagation.swift keeps those the mock implements), then the evaluated ones.
Run by scripts/null-intolerance.sh."""
import re
import sys

sys.path.insert(0, "scripts")
import spark_support as support

TYPES = ["STRING", "INT", "BIGINT", "DOUBLE", "DECIMAL(10,2)", "DATE", "TIMESTAMP", "BOOLEAN", "ARRAY<INT>",
         "MAP<STRING,INT>", "BINARY"]
# Nondeterministic or side-effecting functions, and special forms whose calls Spark rewrites before optimizing.
SKIPPED = {"raise_error", "assert_true", "java_method", "reflect", "try_reflect", "rand", "randn", "random", "uuid",
           "shuffle", "uniform", "randstr", "if", "nvl2", "in", "between", "when", "decode"}


def verdict(spark, query):
    try:
        rows = spark.sql(query).collect()
        return "folded" if rows and rows[0][0] is None else "value"
    except Exception as error:  # Spark's AnalysisException or a wrapped runtime error
        return "evaluated" if str(error).startswith("[USER_RAISED_EXCEPTION]") else None


# Functions whose first argument is a unit word: probed with the erroring argument second.
UNIT_FIRST = {
    "timestampadd": "SELECT timestampadd(DAY, CAST(raise_error('boom') AS INT), NULL)",
    "timestampdiff": "SELECT timestampdiff(DAY, CAST(raise_error('boom') AS TIMESTAMP), NULL)",
}


def main():
    source = open("Sources/MockEngine/Functions/SparkBuiltinNames.swift").read()
    names = [name for name in re.findall(r'"([a-z_0-9]+)"', source) if name not in SKIPPED] + sorted(UNIT_FIRST)
    spark = support.session()
    folded, evaluated = [], []
    for name in names:
        answers = {verdict(spark, UNIT_FIRST[name])} if name in UNIT_FIRST else set()
        for arity in () if name in UNIT_FIRST else (2, 3, 4):
            for type_name in TYPES:
                arguments = ["CAST(raise_error('boom') AS %s)" % type_name] + ["NULL"] * (arity - 1)
                answer = verdict(spark, "SELECT %s(%s)" % (name, ", ".join(arguments)))
                if answer:
                    answers.add(answer)
                    break
        if answers == {"folded"}:
            folded.append(name)
        elif "evaluated" in answers:
            evaluated.append(name)
    print("folded:", " ".join(folded))
    print("evaluated:", " ".join(evaluated))


if __name__ == "__main__":
    main()
