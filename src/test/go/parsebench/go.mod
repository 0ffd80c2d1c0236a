module tfaudit/parsebench

go 1.19
