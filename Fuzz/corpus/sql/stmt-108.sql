SELECT i.* FROM items AS i WHERE i.id = 3
