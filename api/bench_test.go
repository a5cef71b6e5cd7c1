package api_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"grip"
	"grip/api"
	"grip/generate"
	"grip/httpx"
)

// BenchmarkDocumentTree measures GET .../documents/{id} — the whole
// programme tree as JSON — on SQLite, for a small and a large (Amsterdam-size)
// generated gemeente, in-process through the API handler. References in the
// same run:
//
//	memory: the same response bytes written from memory behind the same
//	        middleware (request id, security headers, recovery), so the
//	        ratio sqlite/memory is the cost of the store read plus JSON;
//	store:  db.Document alone, to split that cost between store and JSON.
//
// Run: go test ./api -run '^$' -bench DocumentTree -benchtime 2s
func BenchmarkDocumentTree(b *testing.B) {
	for _, size := range []generate.Size{generate.Small, generate.Large} {
		b.Run(string(size), func(b *testing.B) {
			ctx := context.Background()
			db := openSQLite(b)
			org, doc, err := generate.Gemeente(generate.Options{Size: size, Seed: 1}, catalog(b))
			if err != nil {
				b.Fatal(err)
			}
			if err := db.Apply(ctx, "bench", grip.Batch{Organisations: []grip.Organisation{org}, Documents: []*grip.Document{doc}}); err != nil {
				b.Fatal(err)
			}
			h, err := api.New(api.Config{Store: db, Taakvelden: catalog(b)})
			if err != nil {
				b.Fatal(err)
			}
			path := fmt.Sprintf("/api/v1/organisations/%s/documents/%d", org.Code, doc.ID)
			serve := func(h http.Handler) *httptest.ResponseRecorder {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
				if rec.Code != 200 {
					b.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
				}
				return rec
			}
			body := serve(h).Body.Bytes()
			b.Logf("%s: %d bytes of JSON, %+v", size, len(body), doc.Counts())

			b.Run("sqlite", func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					serve(h)
				}
			})
			b.Run("memory", func(b *testing.B) {
				var mem http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Type", "application/json; charset=utf-8")
					_, _ = w.Write(body)
				})
				mem = httpx.RequestIDs(httpx.Recover(slog.New(slog.DiscardHandler), nil, httpx.SecurityHeaders(httpx.APIContentSecurityPolicy, mem)))
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					serve(mem)
				}
			})
			b.Run("store", func(b *testing.B) {
				for b.Loop() {
					if _, err := db.Document(ctx, org.Code, doc.ID); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
