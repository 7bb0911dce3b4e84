SELECT item_id FROM stock a JOIN stock b ON a.warehouse = b.warehouse
