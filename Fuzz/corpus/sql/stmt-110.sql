SELECT qty * 2 AS doubled, price + 1, upper(name) FROM items WHERE id = 1
