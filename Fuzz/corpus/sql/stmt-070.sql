SELECT a.id, b.id FROM items a JOIN items b ON a.qty < b.qty WHERE a.id = 4 ORDER BY b.id
