SELECT nme FROM items
