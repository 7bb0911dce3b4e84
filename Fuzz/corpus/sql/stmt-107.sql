SELECT * FROM items WHERE id = 1
