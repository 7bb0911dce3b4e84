SELECT -a, abs(a), a * b FROM nums ORDER BY a NULLS LAST
