SELECT round(2.5), round(-2.5), round(1.2345, 2), round(2.675D, 2), round(125, -1), floor(-1.5), ceil(1.2)
