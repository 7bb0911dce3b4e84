SELECT i.name, s.on_hand FROM items i JOIN stock s ON i.id = s.item_id WHERE i.price > 1 AND s.warehouse = 'W2'
