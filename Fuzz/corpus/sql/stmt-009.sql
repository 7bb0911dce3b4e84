SELECT a % b FROM nums WHERE b = 0
