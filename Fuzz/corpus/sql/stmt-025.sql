SELECT * FROM itmes
