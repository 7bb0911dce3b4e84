SELECT round(1.5, 1, 2)
