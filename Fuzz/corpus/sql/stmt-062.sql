SELECT qty IS NULL AS missing, count(*) FROM items GROUP BY qty IS NULL ORDER BY missing
