SELECT i.id, s.warehouse FROM items i LEFT JOIN stock s ON i.id = s.item_id WHERE s.warehouse IS NULL ORDER BY i.id
