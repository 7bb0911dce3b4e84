SELECT trim('  x  '), ltrim('  x'), rtrim('x  '), replace('aXbXc', 'X', '--'), replace('abc', 'b')
