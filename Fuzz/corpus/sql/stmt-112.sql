SELECT 'it\'s' AS a, 'a' 'b' AS b, "dq" AS c, r'\n' AS d
