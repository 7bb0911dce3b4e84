SELECT 1 /* unclosed
