SELECT id FROM items i JOIN items j ON i.id = j.id
