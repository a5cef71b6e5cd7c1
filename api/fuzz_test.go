package api_test

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"grip/api"
)

// FuzzRequests sends arbitrary paths, queries and methods to the API over a
// real store: the answer is always JSON, never a panic or an internal error.
func FuzzRequests(f *testing.F) {
	db := openSQLite(f)
	fx := load(f, db)
	h, err := api.New(api.Config{Store: db, Taakvelden: catalog(f), Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range exampleRequests(fx) {
		f.Add("GET", strings.TrimPrefix(p, "/api/v1/"))
	}
	f.Add("POST", "organisations")
	f.Add("GET", "organisations/%2F..%2F/documents")
	f.Add("GET", "organisations/GM1700/documents?year=2020&year=x&kind=")
	f.Add("HEAD", "organisations/twenterand/goals/1")
	f.Add("GET", "/organisations//GM1700")
	f.Fuzz(func(t *testing.T, method, path string) {
		if !validMethod(method) {
			return
		}
		u, err := url.ParseRequestURI("/api/v1/" + path)
		if err != nil {
			return
		}
		req := httptest.NewRequest(method, "/", nil)
		req.URL = u
		req.RequestURI = u.RequestURI()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusMovedPermanently, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
			return // ServeMux cleans paths such as //x and /a/../b by redirecting
		case 200, 400, 404, 405:
		default:
			t.Fatalf("%s %s: status %d: %s", method, u, rec.Code, rec.Body)
		}
		if method != "HEAD" && !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("%s %s: not JSON: %s", method, u, rec.Body)
		}
	})
}

// validMethod reports whether m is a token net/http would accept as a method.
func validMethod(m string) bool {
	if m == "" || len(m) > 10 {
		return false
	}
	for _, c := range m {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return m != http.MethodConnect
}
