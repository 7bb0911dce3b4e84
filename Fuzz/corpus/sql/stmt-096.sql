SELECT name FROM items ORDER BY name DESC
