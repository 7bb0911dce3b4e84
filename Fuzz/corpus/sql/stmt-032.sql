SELECT name + 1 FROM items
