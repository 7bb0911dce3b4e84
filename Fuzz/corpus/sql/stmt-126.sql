SELECT (SELECT max(id) FROM items) AS top
