SELECT id FROM items WHERE name
