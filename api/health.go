package api

import (
	"log/slog"
	"net/http"

	"grip/httpx"
)

// Healthz returns the handler of /healthz: 200 {"status":"ok",
// "schema_version":N} when the database answers a cheap query, 503
// {"status":"fout"} otherwise (the cause goes to the log, not the client).
func Healthz(cfg Config) http.Handler {
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if cfg.Store == nil {
			httpx.WriteJSON(w, http.StatusServiceUnavailable, healthView{Status: "fout"})
			return
		}
		v, err := cfg.Store.SchemaVersion(r.Context())
		if err != nil {
			log.ErrorContext(r.Context(), "healthz: database antwoordt niet",
				"request_id", httpx.RequestID(r.Context()), "err", err)
			httpx.WriteJSON(w, http.StatusServiceUnavailable, healthView{Status: "fout"})
			return
		}
		httpx.WriteJSON(w, http.StatusOK, healthView{Status: "ok", SchemaVersion: v})
	})
}
