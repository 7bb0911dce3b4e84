SELECT current_date(), current_timestamp(), date_format(current_timestamp(), 'HH:mm:ss'), to_date('2024-06-01')
