SELECT year(added), month(added), day(added), date_format(added, 'yyyy/MM/dd EEE'), to_date('05.01.2024', 'dd.MM.yyyy') FROM items WHERE id = 1
