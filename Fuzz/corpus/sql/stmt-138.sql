SELECT customer_id, name, email, country, tier
FROM retail.customers
WHERE customer_id IN :ids
ORDER BY customer_id
