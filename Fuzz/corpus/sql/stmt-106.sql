SELECT id, name FROM items WHERE id <= 2
