SELECT i.sku, p.name, p.category, i.warehouse_id, i.qty, i.reorder_point,
       i.reorder_point - i.qty AS shortfall
FROM retail.inventory i
JOIN retail.products p USING (sku)
WHERE i.reorder_point IS NOT NULL
  AND i.qty <= i.reorder_point
  AND (:category IS NULL OR p.category = :category)
  AND (:warehouse IS NULL OR i.warehouse_id = :warehouse)
ORDER BY shortfall DESC, i.sku, i.warehouse_id
LIMIT :limit OFFSET :offset
