SELECT i.name, s.warehouse, s.on_hand FROM items i JOIN stock s ON i.id = s.item_id ORDER BY i.id, s.warehouse
