package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"grip"
	"grip/generate"
	"grip/store"
)

// BenchmarkLargeDocument is BenchmarkStore for an Amsterdam-size begroting
// from package generate (12 programmes, 400 goals, 2.000 activities, 600
// indicators with ten years of values, finance lines for every taakveld).
//
//	go test ./store -run '^$' -bench LargeDocument -benchtime 5x
func BenchmarkLargeDocument(b *testing.B) {
	ctx := context.Background()
	org, doc, err := generate.Gemeente(generate.Options{Size: generate.Large, Seed: 1}, catalog(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("reference-json", func(b *testing.B) {
		for b.Loop() {
			data, err := json.Marshal(doc)
			if err != nil {
				b.Fatal(err)
			}
			var d grip.Document
			if err := json.Unmarshal(data, &d); err != nil {
				b.Fatal(err)
			}
		}
	})
	stores := map[string]func(b *testing.B) *store.DB{"sqlite": func(b *testing.B) *store.DB { return openSQLite(b) }}
	if os.Getenv("GRIP_TEST_POSTGRES") != "" {
		stores["postgres"] = func(b *testing.B) *store.DB { return openPostgres(b) }
	}
	for _, name := range []string{"sqlite", "postgres"} {
		open, ok := stores[name]
		if !ok {
			continue
		}
		db := open(b)
		if err := db.Apply(ctx, "bench", grip.Batch{Organisations: []grip.Organisation{org}, Documents: []*grip.Document{doc}}); err != nil {
			b.Fatal(err)
		}
		b.Run(name+"/apply", func(b *testing.B) {
			title := doc.Title
			for i := 0; b.Loop(); i++ {
				// A changed title makes every Apply a real replace (an equal
				// document would be left as it is).
				doc.Title = fmt.Sprintf("%s (%d)", title, i)
				if err := db.Apply(ctx, "bench", grip.Batch{Documents: []*grip.Document{doc}}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/read", func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Document(ctx, org.Code, doc.ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
