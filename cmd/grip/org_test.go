package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"grip"
)

// TestDemoUsesGlobalDB: `grip --db F demo` loads into F, not a temporary
// database, and fills in the gemeenten's inhabitants from the national figures.
func TestDemoUsesGlobalDB(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := runGrip(t, db, "demo", "--serve=false")
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Database: "+db) {
		t.Errorf("demo did not use --db: %s", out)
	}
	code, out, errOut = runGrip(t, db, "org", "--org", "GM0164", "--json")
	if code != 0 {
		t.Fatalf("org: exit %d: %s", code, errOut)
	}
	var got struct{ Organisations []grip.Organisation }
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Organisations) != 1 || got.Organisations[0].Inhabitants == 0 || got.Organisations[0].Province != "Overijssel" {
		t.Errorf("Hengelo after demo = %+v, want inhabitants and province from the national figures", got.Organisations)
	}
}

func TestOrgSet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "org.db")
	seedDocument(t, db)
	code, out, errOut := runGrip(t, db, "org", "set", "--org", "gm0164", "--variance-threshold", "€ 50.000", "--levels", "Ambitie, actielijn")
	if code != 0 {
		t.Fatalf("org set: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"GM0164 Hengelo bijgewerkt", "ambitie › actielijn › subdoel", "€ 50.000"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	s := openStore(t, db)
	o, err := s.Organisation(context.Background(), "GM0164")
	if err != nil {
		t.Fatal(err)
	}
	if o.Settings.VarianceThreshold != grip.Euros(50_000) || strings.Join(o.Settings.LevelNames, ",") != "ambitie,actielijn" {
		t.Errorf("stored settings = %+v", o.Settings)
	}
	audit, err := s.Audit(context.Background(), "GM0164", 1)
	if err != nil || len(audit) != 1 || audit[0].Actor != "test" || !strings.Contains(audit[0].After, "5000000") {
		t.Errorf("audit = %+v, %v; want the change by test", audit, err)
	}
	s.Close()

	bad := []struct {
		args []string
		want string
	}{
		{[]string{"org", "set", "--org", "GM0164", "--variance-threshold", "25,5"}, "hele euro's"},
		{[]string{"org", "set", "--org", "GM0164", "--variance-threshold", "2.50"}, "hele euro's"},
		{[]string{"org", "set", "--org", "GM0164", "--levels", "doel,,subdoel"}, "niveau 2 is leeg"},
		{[]string{"org", "set", "--org", "GM0164"}, "geef minstens een van"},
		{[]string{"org", "set", "--variance-threshold", "1"}, "verwacht --org"},
		{[]string{"org", "set", "--org", "GM9999", "--name", "X"}, "GM9999 bestaat niet"},
		{[]string{"org", "wis"}, "onbekend subcommando"},
	}
	for _, b := range bad {
		code, _, errOut := runGrip(t, db, b.args...)
		if code == 0 || !strings.Contains(errOut, b.want) {
			t.Errorf("grip %s: exit %d, stderr %q; want an error with %q", strings.Join(b.args, " "), code, errOut, b.want)
		}
	}
	// Nothing changed by the bad calls.
	s = openStore(t, db)
	defer s.Close()
	o2, err := s.Organisation(context.Background(), "GM0164")
	if err != nil {
		t.Fatal(err)
	}
	if o2.Settings.VarianceThreshold != o.Settings.VarianceThreshold || o2.Name != "Hengelo" {
		t.Errorf("bad input changed the organisation: %+v", o2)
	}
}

func openStore(t *testing.T, path string) grip.Store {
	t.Helper()
	a := &app{dsn: path}
	s, err := a.store(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}
