SELECT upper(1), year(1)
