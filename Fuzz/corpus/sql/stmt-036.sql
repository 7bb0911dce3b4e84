SELECT 1 /* nested /* comment */ still */ AS one -- trailing
