SELECT id FROM items JOIN stock ON id = item_id AND warehouse = 'W2'
