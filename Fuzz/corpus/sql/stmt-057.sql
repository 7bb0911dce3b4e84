SELECT count(*), sum(qty), avg(qty), min(qty), max(qty) FROM items WHERE id > 100
