package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"grip"
	"grip/store"
)

// lockedBuffer collects output written by the server goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServe runs the whole server on a loopback port with a real SQLite
// store: API, /healthz and website behind one handler, request ids in the
// access log, and a graceful stop when the context ends.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, logs := &lockedBuffer{}, &lockedBuffer{}
	a := &app{stdout: out, stderr: io.Discard, getenv: func(string) string { return "" },
		log: slog.New(slog.NewJSONHandler(logs, nil))}
	cat, err := a.taakvelden()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "grip.db"), cat)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	org := grip.Organisation{Code: "GM1700", Name: "Twenterand", Kind: grip.OrgGemeente, Slug: "twenterand"}
	if err := db.PutOrganisation(ctx, "test", org); err != nil {
		t.Fatal(err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	done := make(chan error, 1)
	go func() { done <- a.serveListener(ctx, ln, db) }()

	get := func(path string, hdr ...string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", base+path, nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}

	res, body := get("/healthz")
	if res.StatusCode != 200 || !strings.Contains(body, `"status":"ok"`) {
		t.Errorf("healthz: %d %s", res.StatusCode, body)
	}
	res, body = get("/api/v1/organisations", "X-Request-Id", "serve-test-1")
	var orgs struct{ Organisations []struct{ Code string } }
	if err := json.Unmarshal([]byte(body), &orgs); err != nil || res.StatusCode != 200 || len(orgs.Organisations) != 1 ||
		res.Header.Get("X-Request-Id") != "serve-test-1" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("api: %d %v %s %v", res.StatusCode, err, body, res.Header)
	}
	res, body = get("/api/v1/nergens")
	if res.StatusCode != 404 || !strings.Contains(body, `"code":"not_found"`) {
		t.Errorf("unknown API path: %d %s", res.StatusCode, body)
	}
	res, _ = get("/")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") ||
		res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("X-Request-Id") == "" {
		t.Errorf("website: %d %v", res.StatusCode, res.Header)
	}
	res, _ = http.Post(base+"/healthz", "text/plain", nil)
	if res.StatusCode != 405 {
		t.Errorf("POST /healthz: %d", res.StatusCode)
	}
	res.Body.Close()

	if !strings.Contains(out.String(), "grip serveert op "+base+"/") {
		t.Errorf("start message: %q", out.String())
	}
	if !strings.Contains(logs.String(), `"request_id":"serve-test-1"`) || !strings.Contains(logs.String(), `"path":"/api/v1/organisations"`) {
		t.Errorf("access log lacks the request: %s", logs.String())
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after cancel: %v", err)
		}
	case <-time.After(shutdownTimeout + 2*time.Second):
		t.Fatal("server did not stop")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("server still answers after stopping")
	}
}

// A port in use is a clear error, not a hang.
func TestServeAddressInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	a := &app{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" },
		log: slog.New(slog.DiscardHandler)}
	err = a.serveHTTP(context.Background(), ln.Addr().String(), nil)
	if err == nil || grip.ErrorCode(err) != grip.EInvalid ||
		grip.ErrorMessage(err) != "kan niet luisteren op "+ln.Addr().String()+": de poort is al in gebruik; kies een ander adres met --addr" {
		t.Errorf("got %v", err)
	}
}
