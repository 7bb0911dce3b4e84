SELECT id FROM items WHERE added > '2024-02-01' ORDER BY id
