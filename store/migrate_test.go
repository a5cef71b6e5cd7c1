package store

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadMigrations(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatalf("embedded migrations: %v", err)
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Errorf("migration %d is numbered %d: numbers must run 1, 2, 3 ... without gaps", i+1, m.version)
		}
	}
	file := &fstest.MapFile{Data: []byte("CREATE TABLE x (y INTEGER);")}
	for name, fsys := range map[string]fstest.MapFS{
		"share number": {"migrations/001_a.sql": file, "migrations/001_b.sql": file},
		"bad name":     {"migrations/001_a.sql": file, "migrations/2_b.sql": file},
		"none":         {"migrations/README": file},
	} {
		if _, err := readMigrations(fsys); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	ms, err = readMigrations(fstest.MapFS{"migrations/002_b.sql": file, "migrations/001_a.sql": file})
	if err != nil || len(ms) != 2 || ms[0].name != "a" || ms[1].version != 2 || !strings.Contains(ms[1].sql, "CREATE TABLE") {
		t.Errorf("readMigrations: %+v, %v", ms, err)
	}
}
