SELECT id FROM items WHERE count(*) > 1
