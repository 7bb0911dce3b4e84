SELECT order_id, customer_id, sku, qty, unit_price, status, order_date
FROM retail.orders
WHERE customer_id IN :ids
  AND status IN :statuses
ORDER BY customer_id, order_date, order_id
