SELECT upper(category), sum(price * qty) FROM items GROUP BY upper(category) ORDER BY sum(price * qty) DESC
