SELECT name, id FROM retail.people ORDER BY id
