SELECT sum(price), avg(price), sum(qty), avg(qty) FROM items
