SELECT CASE WHEN qty > 10 THEN 'high' WHEN qty > 0 THEN 'low' ELSE 'none' END AS level FROM items ORDER BY id
