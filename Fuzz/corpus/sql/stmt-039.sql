SELECT concat_ws('-', 'a', NULL, 'b'), substring('Spark SQL', 5), substring('Spark SQL', -3), substr('Spark SQL', 5, 1), substring('abc', 0, 2)
