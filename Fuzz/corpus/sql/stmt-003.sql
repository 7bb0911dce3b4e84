SELECT price * qty, price / 4, price - 0.005 FROM items WHERE id = 1
