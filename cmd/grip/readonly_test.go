package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A command that only reads must not turn a mistyped --db into a new, empty
// database: it says the file does not exist, exits 1 and creates nothing.
func TestReadCommandsDoNotCreateDatabase(t *testing.T) {
	for _, args := range [][]string{
		{"stats"},
		{"check"},
		{"check", "--org", "GM0164"},
		{"indicators", "--org", "GM0164"},
		{"variance", "--org", "GM0164"},
		{"reserves", "--org", "GM0164"},
		{"compare", "--org", "GM0164", "--taakveld", "6.72"},
		{"export"},
		{"serve", "--addr", "127.0.0.1:0"},
		{"org"},
		{"org", "--org", "GM0164"},
		{"iv3", "list"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "typo.db")
			code, out, errs := runGrip(t, db, args...)
			if code != 1 {
				t.Errorf("exit %d, want 1; stdout %q stderr %q", code, out, errs)
			}
			want := "database " + db + " bestaat niet; grip import, grip load of grip demo maakt er een"
			if !strings.Contains(errs, want) {
				t.Errorf("stderr %q, want it to contain %q", errs, want)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("%s exists after a read-only command (stat: %v)", db, err)
			}
		})
	}
}

// Commands that write still create and migrate a new database on first use,
// also the writing subcommands of commands that otherwise read.
func TestWriteCommandsCreateDatabase(t *testing.T) {
	for _, args := range [][]string{
		{"migrate"},
		{"org", "set", "--org", "GM0164", "--name", "Hengelo"},
		{"indicators", "direction", "--org", "GM0164", "--doc", "x", "--indicator", "y", "hoger-is-beter"},
		{"reserves", "balance", "--org", "GM0164", "--doc", "x", "--reserve", "y", "--year", "2024", "1000"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "new.db")
			code, out, errs := runGrip(t, db, args...)
			if strings.Contains(errs, "bestaat niet; grip import") {
				t.Errorf("a writing command refused a new database: exit %d, stderr %q", code, errs)
			}
			if _, err := os.Stat(db); err != nil {
				t.Errorf("%s not created: %v (exit %d, stdout %q, stderr %q)", db, err, code, out, errs)
			}
		})
	}
	// And once it exists, a reading command uses it.
	db := filepath.Join(t.TempDir(), "grip.db")
	if code, _, errs := runGrip(t, db, "migrate"); code != 0 {
		t.Fatalf("migrate: exit %d: %s", code, errs)
	}
	if code, out, errs := runGrip(t, db, "stats"); code != 0 {
		t.Errorf("stats on a migrated empty database: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}
