// Package store keeps grip's data in SQLite or PostgreSQL.
package store

import (
	"context"

	"grip"
)

// Open opens (and migrates) the database named by dsn: a postgres:// URL, or
// a SQLite file path. Placeholder until the store lands.
func Open(ctx context.Context, dsn string, taakvelden grip.TaakveldCatalog) (grip.Store, error) {
	return nil, grip.Errorf(grip.EInternal, "store not yet implemented")
}
