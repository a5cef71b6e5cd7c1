package httpx_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"grip"
	"grip/httpx"
)

func TestStatusMapping(t *testing.T) {
	for code, want := range map[string]int{
		grip.ENotFound: 404, grip.EInvalid: 400, grip.EConflict: 409, grip.EUnauthorized: 401,
		grip.EForbidden: 403, grip.EInternal: 500, "something-else": 500,
	} {
		if got := httpx.Status(code); got != want {
			t.Errorf("Status(%q) = %d, want %d", code, got, want)
		}
	}
}

// serve runs h behind the request id middleware and returns the recorded
// response with its decoded problem body.
func serve(t *testing.T, h http.Handler, req *http.Request) (*httptest.ResponseRecorder, httpx.Problem) {
	t.Helper()
	rec := httptest.NewRecorder()
	httpx.RequestIDs(h).ServeHTTP(rec, req)
	var p httpx.Problem
	if rec.Code >= 400 {
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
			t.Fatalf("error body is not JSON: %v\n%s", err, rec.Body)
		}
	}
	return rec, p
}

func TestHandleErrors(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	cases := []struct {
		err        error
		status     int
		code, msg  string
		wantLogged bool
	}{
		{grip.Errorf(grip.ENotFound, "document 7 bestaat niet"), 404, "not_found", "document 7 bestaat niet", false},
		{fmt.Errorf("lezen: %w", grip.Errorf(grip.EInvalid, "jaar ongeldig")), 400, "invalid", "jaar ongeldig", false},
		{errors.New("pq: relation \"secret_table\" does not exist"), 500, "internal", "interne fout", true},
		{httpx.MethodNotAllowed("POST", "GET, HEAD"), 405, "method_not_allowed", "methode POST is hier niet toegestaan; toegestaan: GET, HEAD", false},
	}
	for _, c := range cases {
		logs.Reset()
		h := httpx.Handle(log, func(w http.ResponseWriter, r *http.Request) error { return c.err })
		req := httptest.NewRequest("GET", "/x", nil)
		req.Header.Set(httpx.RequestIDHeader, "abc-123")
		rec, p := serve(t, h, req)
		if rec.Code != c.status || p.Error.Code != c.code || p.Error.Message != c.msg {
			t.Errorf("%v: got %d %+v, want %d %s %q", c.err, rec.Code, p.Error, c.status, c.code, c.msg)
		}
		if p.Error.RequestID != "abc-123" || rec.Header().Get(httpx.RequestIDHeader) != "abc-123" {
			t.Errorf("%v: request id not passed on: body %q header %q", c.err, p.Error.RequestID, rec.Header().Get(httpx.RequestIDHeader))
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("content type %q", ct)
		}
		if strings.Contains(rec.Body.String(), "secret_table") {
			t.Errorf("internal error text reached the client: %s", rec.Body)
		}
		logged := strings.Contains(logs.String(), "secret_table") && strings.Contains(logs.String(), `"request_id":"abc-123"`)
		if logged != c.wantLogged {
			t.Errorf("%v: logged=%v, want %v: %s", c.err, logged, c.wantLogged, logs.String())
		}
	}
}

func TestRequestIDs(t *testing.T) {
	var seen string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { seen = httpx.RequestID(r.Context()) })
	for _, in := range []string{"", "bad id with spaces", strings.Repeat("x", 65), "<script>"} {
		req := httptest.NewRequest("GET", "/", nil)
		if in != "" {
			req.Header.Set(httpx.RequestIDHeader, in)
		}
		rec := httptest.NewRecorder()
		httpx.RequestIDs(h).ServeHTTP(rec, req)
		if len(seen) != 16 || seen == in || rec.Header().Get(httpx.RequestIDHeader) != seen {
			t.Errorf("client id %q: got id %q, header %q; want a new 16-hex id", in, seen, rec.Header().Get(httpx.RequestIDHeader))
		}
	}
	// Nested: the outer id stays.
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set(httpx.RequestIDHeader, "outer.1")
	httpx.RequestIDs(httpx.RequestIDs(h)).ServeHTTP(httptest.NewRecorder(), req)
	if seen != "outer.1" {
		t.Errorf("nested RequestIDs replaced the id: %q", seen)
	}
}

func TestRecoverAndAccessLog(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	panicky := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("database password is hunter2")
	})
	h := httpx.AccessLog(log, httpx.Recover(log, nil, panicky))
	req := httptest.NewRequest("GET", "/boom", nil)
	req.Header.Set(httpx.RequestIDHeader, "rid-9")
	rec, p := serve(t, h, req)
	if rec.Code != 500 || p.Error.Message != "interne fout" || p.Error.RequestID != "rid-9" {
		t.Fatalf("got %d %+v", rec.Code, p)
	}
	if strings.Contains(rec.Body.String(), "hunter2") {
		t.Fatalf("panic value reached the client: %s", rec.Body)
	}
	var panicLine, accessLine map[string]any
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %s", line)
		}
		switch m["msg"] {
		case "panic":
			panicLine = m
		case "request":
			accessLine = m
		}
	}
	if panicLine == nil || !strings.Contains(panicLine["panic"].(string), "hunter2") || panicLine["request_id"] != "rid-9" ||
		!strings.Contains(panicLine["stack"].(string), "httpx_test") {
		t.Errorf("panic log line: %v", panicLine)
	}
	if accessLine == nil || accessLine["status"] != float64(500) || accessLine["path"] != "/boom" ||
		accessLine["request_id"] != "rid-9" || accessLine["method"] != "GET" {
		t.Errorf("access log line: %v", accessLine)
	}
}

func TestRecoverPassesAbort(t *testing.T) {
	h := httpx.Recover(slog.New(slog.DiscardHandler), nil, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic(http.ErrAbortHandler)
	}))
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler passed on", v)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
}

func TestSecurityHeaders(t *testing.T) {
	h := httpx.SecurityHeaders(httpx.APIContentSecurityPolicy, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	for k, want := range map[string]string{
		"Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "strict-origin-when-cross-origin",
		"X-Frame-Options":         "DENY",
	} {
		if got := rec.Header().Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
}

// TestDeadline: a handler that waits on its request's context is stopped at
// the deadline instead of running on.
func TestDeadline(t *testing.T) {
	done := make(chan error, 1)
	h := httpx.Deadline(20*time.Millisecond, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
			done <- r.Context().Err()
		case <-time.After(5 * time.Second):
			done <- nil
		}
	}))
	start := time.Now()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
	if err := <-done; !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("handler context ended with %v, want deadline exceeded", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("handler ran %v", d)
	}
}
