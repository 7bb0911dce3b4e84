SELECT p.sku, p.name, p.category,
       sum(o.qty) AS units,
       sum(o.qty * o.unit_price) AS revenue
FROM retail.orders o
JOIN retail.products p ON p.sku = o.sku
WHERE o.status NOT IN ('cancelled', 'returned')
  AND o.order_date >= :since
  AND (:category IS NULL OR p.category = :category)
GROUP BY p.sku, p.name, p.category
ORDER BY revenue DESC, p.sku
LIMIT :top_n
