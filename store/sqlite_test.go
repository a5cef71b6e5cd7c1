package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"grip"
	"grip/iv3"
	"grip/store"
	"grip/store/storetest"
)

func catalog(t testing.TB) *iv3.Catalog {
	t.Helper()
	c, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func openSQLite(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "grip.db"), catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) grip.Store { return openSQLite(t) })
}
