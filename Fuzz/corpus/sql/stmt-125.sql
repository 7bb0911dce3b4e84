SELECT id, (SELECT sum(on_hand) FROM stock s WHERE s.item_id = i.id) AS total FROM items i ORDER BY id
