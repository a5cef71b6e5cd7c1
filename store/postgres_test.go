package store_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"grip"
	"grip/store"
	"grip/store/storetest"
)

// postgresDSN returns the test database's DSN from GRIP_TEST_POSTGRES; it
// skips the test when none is configured, and fails it when CI=true.
func postgresDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("GRIP_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("GRIP_TEST_POSTGRES is not set, and CI=true: the PostgreSQL tests must run in CI")
		}
		t.Skip("PostgreSQL tests skipped: set GRIP_TEST_POSTGRES, e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
	}
	return dsn
}

// openPostgres opens a store in a fresh schema of the test database, dropped
// when the test ends, so tests do not see each other.
func openPostgres(t testing.TB) *store.DB {
	t.Helper()
	dsn := postgresDSN(t)
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	schema := "grip_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema: %v", err)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := store.Open(ctx, u.String(), catalog(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestPostgres(t *testing.T) {
	postgresDSN(t)
	storetest.Run(t, func(t *testing.T) grip.Store { return openPostgres(t) })
}
