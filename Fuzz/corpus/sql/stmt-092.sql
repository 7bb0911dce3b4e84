SELECT qty FROM items ORDER BY qty
