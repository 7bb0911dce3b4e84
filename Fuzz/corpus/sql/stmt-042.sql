SELECT name FROM items WHERE name NOT LIKE '%an%' ORDER BY name
