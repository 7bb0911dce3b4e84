-- Stock of one SKU per warehouse. :countries is optional: NULL means every country.
SELECT i.warehouse_id, w.city, w.country, i.qty, i.updated_at, p.name AS product
FROM retail.inventory AS i
JOIN retail.warehouses AS w ON w.warehouse_id = i.warehouse_id
JOIN retail.products AS p ON p.sku = i.sku
WHERE i.sku = :sku
  AND i.qty >= :min_qty
  AND (:countries IS NULL OR array_contains(:countries, w.country))
ORDER BY i.qty DESC, i.warehouse_id
