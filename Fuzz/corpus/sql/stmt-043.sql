SELECT date_add(DATE '2024-02-28', 1), date_sub(DATE '2024-03-01', 1), datediff(DATE '2024-03-01', DATE '2024-02-01'), DATE '2024-01-31' + 1
