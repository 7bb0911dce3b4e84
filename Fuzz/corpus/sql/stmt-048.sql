SELECT greatest(1, 5, NULL, 3), least(2.5, 1), array(1, 2), size(array('a')), array_contains(array(1, 2), 2)
