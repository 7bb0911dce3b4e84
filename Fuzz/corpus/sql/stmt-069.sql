SELECT count(*) FROM items, stock WHERE items.id = stock.item_id
