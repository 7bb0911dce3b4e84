-- A trivial query every backend can answer.
SELECT 1 AS ok, current_timestamp() AS server_time
