SELECT id, qty IS NULL, name IS NOT NULL FROM items WHERE id IN (2, 4)
