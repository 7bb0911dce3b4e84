SELECT CASE category WHEN 'fruit' THEN 1 WHEN 'bakery' THEN 2.5 END FROM items ORDER BY id
