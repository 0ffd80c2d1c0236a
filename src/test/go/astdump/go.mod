module tfaudit/astdump

go 1.19
