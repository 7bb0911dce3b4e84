SELECT i.id, s.item_id FROM items i FULL OUTER JOIN stock s ON i.id = s.item_id AND s.on_hand > 6 ORDER BY i.id NULLS LAST, s.item_id
