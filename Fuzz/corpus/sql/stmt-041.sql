SELECT 'é' = 'e\u0301', 'a' < 'b', 'B' < 'a', 'abc' LIKE 'a%', 'abc' LIKE '_b_', 'ABC' ILIKE 'a%c', 'a%' LIKE 'a\%'
