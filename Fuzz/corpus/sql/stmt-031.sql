SELECT * FROM items WHERE qty = 'x'
