SELECT count(*) FROM items CROSS JOIN stock
