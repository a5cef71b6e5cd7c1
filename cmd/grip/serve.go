package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"syscall"
	"time"

	"grip"
	"grip/api"
	"grip/httpx"
	"grip/site"
)

func serveCommand() command {
	return command{
		name:    "serve",
		summary: "website en JSON-API serveren",
		usage: `grip serve [--addr 127.0.0.1:8080]

Serveert de gegevens uit de database:
  /            de website (organisaties, documenten, programma's, doelen)
  /api/v1/     de JSON-API, alleen lezen; beschrijving op /api/v1/openapi.json
  /healthz     controle of de server en de database antwoorden

Stopt netjes bij Ctrl-C of SIGTERM: lopende verzoeken worden afgemaakt.

Voorbeelden:
  grip serve
  grip --db grip.db serve --addr 127.0.0.1:9000
  grip --db postgres://grip@localhost:5432/grip serve --addr 0.0.0.0:8080`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			addr := fs.String("addr", "127.0.0.1:8080", "adres en poort om op te luisteren")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return grip.Errorf(grip.EInvalid, "onverwacht argument %q: grip serve neemt alleen opties, zoals --addr", strings.Join(args, " "))
				}
				db, err := a.readStore(ctx)
				if err != nil {
					return err
				}
				return a.serveHTTP(ctx, *addr, db)
			}
		},
	}
}

// Server timeouts: generous for a slow client on a large document, short
// enough that idle or stuck connections do not pile up.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
	shutdownTimeout   = 10 * time.Second
	// handlerTimeout ends a request's context before writeTimeout cuts
	// the connection, so that its queries stop and an answer can be written.
	handlerTimeout = 50 * time.Second
)

// serveHTTP serves the website, the API and /healthz from db on addr until
// ctx is done (SIGINT or SIGTERM in main), then shuts down gracefully:
// in-flight requests get shutdownTimeout to finish. `grip demo` reuses it.
func (a *app) serveHTTP(ctx context.Context, addr string, db grip.Store) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		a.log.Debug("listen", "addr", addr, "err", err)
		reason := "ongeldig adres of onbekende host; verwacht HOST:POORT zoals 127.0.0.1:8080"
		switch {
		case errors.Is(err, syscall.EADDRINUSE):
			reason = "de poort is al in gebruik"
		case errors.Is(err, syscall.EACCES):
			reason = "geen toestemming (poorten onder 1024 vragen extra rechten)"
		case errors.Is(err, syscall.EADDRNOTAVAIL):
			reason = "dit adres hoort niet bij deze computer"
		}
		return grip.Errorf(grip.EInvalid, "kan niet luisteren op %s: %s; kies een ander adres met --addr", addr, reason)
	}
	return a.serveListener(ctx, ln, db)
}

// serveListener is serveHTTP on an open listener (tests pass 127.0.0.1:0).
// It closes ln.
func (a *app) serveListener(ctx context.Context, ln net.Listener, db grip.Store) error {
	h, err := a.httpHandler(db)
	if err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(a.stdout, "grip serveert op http://%s/ (API: /api/v1/); stop met Ctrl-C\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serveren: %w", err)
	case <-ctx.Done():
	}
	a.log.Info("stoppen: lopende verzoeken afmaken", "timeout", shutdownTimeout)
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("netjes stoppen: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serveren: %w", err)
	}
	a.log.Info("gestopt")
	return nil
}

// httpHandler is the whole site: the API at /api/, /healthz, and the website
// at /, behind request ids, the access log, panic recovery and the default
// security headers (the website sets its own content security policy).
func (a *app) httpHandler(db grip.Store) (http.Handler, error) {
	cat, err := a.taakvelden()
	if err != nil {
		return nil, err
	}
	apiHandler, err := api.New(api.Config{Store: db, Taakvelden: cat, Log: a.log})
	if err != nil {
		return nil, fmt.Errorf("API: %w", err)
	}
	siteHandler, err := site.New(site.Config{Store: db, Taakvelden: cat, Log: a.log})
	if err != nil {
		return nil, fmt.Errorf("website: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", apiHandler)
	mux.Handle("GET /healthz", api.Healthz(api.Config{Store: db, Log: a.log}))
	mux.Handle("/", siteHandler)

	var h http.Handler = mux
	h = httpx.SecurityHeaders(httpx.APIContentSecurityPolicy, h)
	h = httpx.Deadline(handlerTimeout, h)
	h = httpx.Recover(a.log, recoverAnswer, h)
	h = httpx.AccessLog(a.log, h)
	h = httpx.RequestIDs(h)
	return h, nil
}

// recoverAnswer answers a panic: a JSON problem under /api/, plain text
// elsewhere; both only say "interne fout" and the request id.
func recoverAnswer(w http.ResponseWriter, r *http.Request, err error) {
	status, p := httpx.Describe(r, err)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		httpx.WriteJSON(w, status, p)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, "interne fout (verzoek %s)\n", p.Error.RequestID)
}
