package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"grip"
	"grip/importer"
	"grip/iv3"
	"grip/store"
)

// BenchmarkImportTwenterand is a whole import of the Twenterand kadernota:
// parse, then write it with Store.Apply into SQLite (each round replaces the
// document of the round before, as re-importing does).
func BenchmarkImportTwenterand(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "twenterand-kadernota-2020-sociaal-domein.txt"))
	if err != nil {
		b.Fatal(err)
	}
	cat, err := iv3.NewCatalog()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(b.TempDir(), "grip.db"), cat)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	opt := importer.Options{Taakvelden: cat}
	first := true
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		res, err := importer.Read("twenterand-kadernota-2020-sociaal-domein.txt", data, opt)
		if err != nil {
			b.Fatal(err)
		}
		batch := grip.Batch{Documents: []*grip.Document{res.Document}}
		if first {
			batch.Organisations = []grip.Organisation{res.Organisation}
			first = false
		}
		if err := db.Apply(ctx, "bench", batch); err != nil {
			b.Fatal(err)
		}
	}
}
