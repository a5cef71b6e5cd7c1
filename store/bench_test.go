package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"grip"
	"grip/store"
	"grip/store/storetest"
)

// benchScale makes storetest's document the size of a large real programme:
// 21 goals in three levels, 50 activities (100 links), 30 proposals with 120
// amounts, 25 indicators with 100 measurements, 40 finance lines.
const benchScale = 5

// BenchmarkStore measures writing (Apply, which replaces the document and
// writes its audit entry) and reading (Document) a realistic document.
// Reference in the same run: encoding the document as JSON and decoding it
// again, the least any store must do.
//
//	go test ./store -run '^$' -bench Store -benchtime 2s
func BenchmarkStore(b *testing.B) {
	ctx := context.Background()
	doc := storetest.Document("GM1700", grip.KindKadernota, 2020, benchScale)
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
		b.Run(name+"/apply", func(b *testing.B) {
			db := open(b)
			if err := db.PutOrganisation(ctx, "bench", storetest.Organisation("GM1700", "Twenterand")); err != nil {
				b.Fatal(err)
			}
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
			db := open(b)
			if err := db.Apply(ctx, "bench", grip.Batch{Organisations: []grip.Organisation{storetest.Organisation("GM1700", "Twenterand")},
				Documents: []*grip.Document{doc}}); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := db.Document(ctx, "GM1700", doc.ID); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/iv3-dataset", func(b *testing.B) {
			db := open(b)
			ds := storetest.Iv3Dataset(2023, grip.Iv3Begroting, 342, 102)
			for b.Loop() {
				if err := db.PutIv3Dataset(ctx, "bench", ds); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
