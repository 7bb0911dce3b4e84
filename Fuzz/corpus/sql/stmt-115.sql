SELECT big, tags, score FROM retail.people WHERE id = 1
