package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"grip"
	"grip/store"
	"grip/store/storetest"
)

func TestOpenBadDSN(t *testing.T) {
	dir := t.TempDir()
	notSQLite := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notSQLite, []byte(strings.Repeat("dit is geen database\n", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ dsn, want string }{
		{filepath.Join(dir, "missing", "grip.db"), "de map"},
		{dir, "dat is een map"},
		{notSQLite, "geen SQLite-database"},
		{"postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", "geen verbinding met PostgreSQL op 127.0.0.1:1"},
		{"postgres://u:geheim@host:notaport/db", "PostgreSQL-URL is ongeldig"},
	} {
		_, err := store.Open(context.Background(), tc.dsn, catalog(t))
		if grip.ErrorCode(err) != grip.EInvalid || !strings.Contains(grip.ErrorMessage(err), tc.want) {
			t.Errorf("Open(%q) = %v; want a clear message with %q", tc.dsn, err, tc.want)
		}
		if strings.Contains(grip.ErrorMessage(err), "geheim") {
			t.Errorf("Open(%q) shows the password: %v", tc.dsn, err)
		}
	}
}

func TestReopenKeepsDataAndVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "grip.db")
	db, err := store.Open(ctx, path, catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	d := storetest.Document("GM1700", grip.KindKadernota, 2020, 1)
	if err := db.Apply(ctx, "t", grip.Batch{Organisations: []grip.Organisation{storetest.Organisation("GM1700", "Twenterand")}, Documents: []*grip.Document{d}}); err != nil {
		t.Fatal(err)
	}
	v1, _ := db.SchemaVersion(ctx)
	db.Close()
	db, err = store.Open(ctx, path, catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v2, _ := db.SchemaVersion(ctx)
	if v1 != v2 || v1 < 1 {
		t.Fatalf("schema version %d then %d", v1, v2)
	}
	got, err := db.Document(ctx, "GM1700", d.ID)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Equal(t, "document after reopen", got, d)
}
