SELECT id FROM items i JOIN stock s ON i.id = s.item_id JOIN stock t ON t.item_id = s.item_id WHERE s.warehouse = 'W1' ORDER BY t.warehouse
