// Package generated holds the schemas that cmd/tfgen writes from the backend.
package generated

//go:generate go run ../../cmd/tfgen -backend ${STREAMKAP_BACKEND_PATH} -tables ../../cmd/tfgen -out .
