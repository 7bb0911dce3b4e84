SELECT name FROM main.default.items WHERE id = 1
