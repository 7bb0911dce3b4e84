SELECT upper('héllo'), lower('ÀB'), length('Éclair'), length('e\u0301'), concat('a', NULL), concat('a', 1, TRUE)
