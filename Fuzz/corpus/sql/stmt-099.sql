SELECT id FROM items WHERE NOT (qty > 3) ORDER BY id
