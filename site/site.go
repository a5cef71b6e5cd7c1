// Package site is grip's public website: the published programme for the
// council and for inwoners, server-rendered HTML in Dutch.
package site

import (
	"log/slog"
	"net/http"

	"grip"
)

// Config is what the website needs.
type Config struct {
	Store      grip.Store
	Taakvelden grip.TaakveldCatalog
	Log        *slog.Logger
}

// New returns the website's handler. Placeholder until the site lands.
func New(cfg Config) (http.Handler, error) {
	return http.NotFoundHandler(), nil
}
