SELECT d * 2, d + a FROM nums ORDER BY a
