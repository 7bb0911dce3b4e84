SELECT count(DISTINCT category), count(DISTINCT category, qty), sum(DISTINCT on_hand) FROM items, stock WHERE on_hand < 10
