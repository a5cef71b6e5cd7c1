package store_test

import (
	"context"
	"testing"

	"grip"
	"grip/store"
	"grip/store/storetest"
)

// openPostgres opens a store in a fresh schema of the test database.
func openPostgres(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), storetest.FreshPostgres(t), catalog(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestPostgres(t *testing.T) {
	storetest.PostgresDSN(t)
	storetest.Run(t, func(t *testing.T) grip.Store { return openPostgres(t) })
}
