// Package api is grip's JSON API under /api/v1/.
package api

import (
	"log/slog"
	"net/http"

	"grip"
)

// Config is what the API needs.
type Config struct {
	Store      grip.Store
	Taakvelden grip.TaakveldCatalog
	Log        *slog.Logger
}

// New returns the API handler, to be mounted at /api/. Placeholder.
func New(cfg Config) (http.Handler, error) {
	return http.NotFoundHandler(), nil
}
