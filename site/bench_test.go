package site

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"grip/generate"
)

// Benchmarks on the large generated gemeente, each against a reference
// measured in the same run: the same page's bytes written by a bare handler.

func benchPage(b *testing.B, path string, cache int64) {
	f := newFixture(b, generate.Large)
	if cache != 0 {
		f.h.(*server).cfg.PageCacheBytes = cache
	}
	res, body := f.get(b, path)
	if res.StatusCode != 200 {
		b.Fatalf("%s: %d", path, res.StatusCode)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		rec.Body = bytes.NewBuffer(make([]byte, 0, len(body)))
		f.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	}
}

const (
	benchProgramme = "/grootstad/begroting-2025/sociaal-domein"
	benchTheme     = "/grootstad/begroting-2025/sociaal-domein/jeugd"
)

func BenchmarkProgrammePageCached(b *testing.B)   { benchPage(b, benchProgramme, 0) }
func BenchmarkProgrammePageRendered(b *testing.B) { benchPage(b, benchProgramme, -1) }
func BenchmarkThemePageCached(b *testing.B)       { benchPage(b, benchTheme, 0) }
func BenchmarkThemePageRendered(b *testing.B)     { benchPage(b, benchTheme, -1) }

// BenchmarkReferenceStaticBytes writes the programme page's bytes from
// memory with the same headers: the floor any handler can reach.
func BenchmarkReferenceStaticBytes(b *testing.B) {
	f := newFixture(b, generate.Large)
	_, body := f.get(b, benchProgramme)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		rec.Body = bytes.NewBuffer(make([]byte, 0, len(body)))
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, benchProgramme, nil))
	}
}

// BenchmarkIndexLargeDocument is the one-off cost of preparing the large
// document (slugs, links both ways, search index) when first asked.
func BenchmarkSearchLarge(b *testing.B) {
	f := newFixture(b, generate.Large)
	path := "/grootstad/zoeken?q=schulden+wijk"
	f.get(b, path)
	b.ReportAllocs()
	for b.Loop() {
		f.h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, path, nil))
	}
}
