SELECT order_date AS day,
       count(*) AS orders,
       sum(qty) AS units,
       sum(qty * unit_price) AS revenue
FROM retail.orders
WHERE order_date BETWEEN :start_date AND :end_date
  AND status IN :statuses
GROUP BY order_date
ORDER BY day
