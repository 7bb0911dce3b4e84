SELECT i.id, s.item_id FROM items i RIGHT JOIN stock s ON i.id = s.item_id ORDER BY s.item_id, s.warehouse
