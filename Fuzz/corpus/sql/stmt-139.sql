SELECT :message AS message, current_timestamp() AS timestamp
