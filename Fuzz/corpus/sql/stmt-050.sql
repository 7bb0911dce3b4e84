SELECT uper(name) FROM items
