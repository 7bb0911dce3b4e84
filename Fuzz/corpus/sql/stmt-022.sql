SELECT id FROM items WHERE qty = '10'
