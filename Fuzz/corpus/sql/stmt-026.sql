SELECT * FORM items
