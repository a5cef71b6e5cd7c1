package site

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"grip/generate"
)

// FuzzRoute: any path and query gives a page or a clear 4xx, never an
// internal error or a panic.
func FuzzRoute(f *testing.F) {
	for _, s := range []string{"/", "/kleindorp", "/kleindorp/begroting-2025", "/kleindorp/begroting-2025/sociaal-domein/jeugd",
		"/kleindorp/zoeken?q=schulden", "/kleindorp/begroting-2025/x/activiteiten/", "//a//b/", "/%ff", "/static/../site.go",
		"/kleindorp/begroting-2025/bestuur-en-dienstverlening/indicatoren/aantal"} {
		f.Add(s)
	}
	fx := newFixture(f, generate.Small)
	f.Fuzz(func(t *testing.T, target string) {
		u, err := url.Parse(target)
		if err != nil || u.Path == "" || u.Path[0] != '/' {
			return
		}
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL = &url.URL{Path: u.Path, RawQuery: u.RawQuery}
		rec := httptest.NewRecorder()
		fx.h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%q: status %d\n%s", target, rec.Code, fx.logs.String())
		}
	})
}

// FuzzSearch: any query is answered without panic, and every hit matches.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"jeugdzorg", "schulden", "Jeugdzorg aanbieders", "ë", "", "   ", "a", "6.71", "zorg zorg zorg", "\xff\xfe"} {
		f.Add(s)
	}
	fx := newFixture(f, generate.Small)
	srv := fx.h.(*server)
	d, err := srv.document(f.Context(), mustOrg(f, srv, fx.org.Slug), fx.doc.Slug())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, h := range d.idx.search.search(q) {
			if h.score <= 0 || h.entry.url == "" {
				t.Fatalf("%q: bad hit %+v", q, h)
			}
			_ = snippet(h.entry.text, q)
		}
	})
}

func mustOrg(t testing.TB, s *server, slug string) *orgEntry {
	t.Helper()
	o, err := s.org(t.Context(), slug)
	if err != nil {
		t.Fatal(err)
	}
	return o
}
