package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"grip/iv3"
	"grip/store"
)

// exportFixture is a grip export built by grip/store/storetest (see exchange/testdata/README.md).
var exportFixture = filepath.Join("..", "..", "exchange", "testdata", "export.json")

// gripWith runs grip with stdin, a database and an actor, returning exit code, stdout and stderr.
func gripWith(t *testing.T, stdin, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"--db", db, "--as", "tester"}, args...), strings.NewReader(stdin), &out, &errb,
		func(string) string { return "" })
	return code, out.String(), errb.String()
}

func mustRun(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, out, errs := gripWith(t, "", db, args...)
	if code != 0 {
		t.Fatalf("grip %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

func TestMigrateCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	out := mustRun(t, db, "migrate")
	if !strings.HasPrefix(out, "schemaversie ") {
		t.Fatalf("migrate: %q", out)
	}
	if again := mustRun(t, db, "migrate"); again != out {
		t.Fatalf("second migrate: %q, first %q", again, out)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("database not created: %v", err)
	}
}

func TestExportLoadRoundTripThroughCLI(t *testing.T) {
	want, err := os.ReadFile(exportFixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "grip.db")
	out := mustRun(t, db, "load", exportFixture)
	if !strings.Contains(out, "3 organisaties, 4 documenten") {
		t.Errorf("load said %q", out)
	}
	if got := mustRun(t, db, "export"); got != string(want) {
		t.Fatal("export after load is not byte-identical to the loaded file")
	}
	file := filepath.Join(dir, "export.json")
	mustRun(t, db, "export", "-o", file)
	got, err := os.ReadFile(file)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("export -o: %v, identical=%v", err, bytes.Equal(got, want))
	}
	// Load from stdin into a second empty database, export again.
	db2 := filepath.Join(dir, "second.db")
	if code, _, errs := gripWith(t, string(want), db2, "load", "-"); code != 0 {
		t.Fatalf("load -: %s", errs)
	}
	if got := mustRun(t, db2, "export"); got != string(want) {
		t.Fatal("export → load - → export is not byte-identical")
	}
	one := mustRun(t, db, "export", "--org", "GM0164")
	if !strings.Contains(one, `"code": "GM0164"`) || strings.Contains(one, "GM1700") {
		t.Errorf("export --org GM0164 holds other organisations")
	}
	code, _, errs := gripWith(t, "", db, "export", "--org", "GM9999")
	if code != 1 || !strings.Contains(errs, "GM9999 bestaat niet") {
		t.Errorf("export --org GM9999: exit %d, %q", code, errs)
	}
	// The audit log names the actor.
	s, err := store.Open(context.Background(), db, mustCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	es, err := s.Audit(context.Background(), "GM1700", 10)
	if err != nil || len(es) == 0 || es[0].Actor != "tester" {
		t.Fatalf("audit after load: %+v, %v", es, err)
	}
}

// TestRealDocumentsRoundTrip imports the three real documents, exports them,
// loads the export into an empty database and exports again: same bytes.
func TestRealDocumentsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "grip.db")
	for _, f := range importDocs {
		mustRun(t, db, "import", f)
	}
	file := filepath.Join(dir, "real.json")
	mustRun(t, db, "export", "-o", file)
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o644 {
		t.Errorf("export -o made a file with mode %v", fi.Mode().Perm())
	}
	second := filepath.Join(dir, "second.db")
	mustRun(t, second, "load", file)
	if got := mustRun(t, second, "export"); got != string(want) {
		t.Fatal("real documents: export → load → export is not byte-identical")
	}
	if strings.Count(string(want), `"kind": "`) < 3 {
		t.Fatalf("export holds too little:\n%.500s", want)
	}
}

func mustCatalog(t *testing.T) *iv3.Catalog {
	t.Helper()
	c, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestStatsCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	mustRun(t, db, "migrate")
	if out := mustRun(t, db, "stats", "--json"); strings.TrimSpace(out) != `{
  "documents": []
}` {
		t.Errorf("stats --json on an empty database: %q", out)
	}
	if out := mustRun(t, db, "stats"); !strings.Contains(out, "nog geen documenten") {
		t.Errorf("stats on an empty database: %q", out)
	}
	mustRun(t, db, "load", exportFixture)
	var got struct {
		Documents []struct {
			Organisation string         `json:"organisation"`
			Name         string         `json:"name"`
			Kind         string         `json:"kind"`
			Year         int            `json:"year"`
			Counts       map[string]int `json:"counts"`
		} `json:"documents"`
	}
	out := mustRun(t, db, "stats", "--json")
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	if len(got.Documents) != 4 {
		t.Fatalf("stats --json: %d documents, want 4", len(got.Documents))
	}
	d := got.Documents[1]
	if d.Organisation != "GM1700" || d.Name != "Twenterand" || d.Kind != "kadernota" || d.Year != 2020 {
		t.Errorf("second document: %+v", d)
	}
	for _, k := range []string{"themes", "goals", "subgoals", "activities", "activity_links", "proposals", "developments",
		"indicators", "measurements", "finance_lines", "variance_lines", "progress_entries"} {
		if _, ok := d.Counts[k]; !ok {
			t.Errorf("counts lack %q", k)
		}
	}
	if d.Counts["themes"] != 4 || d.Counts["subgoals"] != 12 || d.Counts["activity_links"] != 21 {
		t.Errorf("counts: %v", d.Counts)
	}
	text := mustRun(t, db, "stats")
	if !strings.Contains(text, "GM1700") || !strings.Contains(text, "Twenterand") || !strings.Contains(text, "kadernota") {
		t.Errorf("stats table:\n%s", text)
	}
}

func TestLoadBadInputWritesNothing(t *testing.T) {
	good, err := os.ReadFile(exportFixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "grip.db")
	// One organisation is already there: its state must survive every failed load.
	one := filepath.Join(dir, "one.json")
	mustRun(t, db, "migrate") // creates the database
	if err := os.WriteFile(one, []byte(strings.Replace(string(good), `"title": "Programmabegroting 2019"`, `"title": "Begroting 2019"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "load", one)
	before := mustRun(t, db, "export")

	edit := func(old, new string) string {
		if !strings.Contains(string(good), old) {
			t.Fatalf("fixture lacks %q", old)
		}
		return strings.Replace(string(good), old, new, 1)
	}
	for _, tc := range []struct {
		name, content string
		want          []string
	}{
		{"malformed", `{"format": "grip-export", "version": 1,,}`, []string{"bad.json:1:40", "ongeldige JSON"}},
		{"unknown field", edit(`"kind": "begroting",`, `"kind": "begroting", "soort": "x",`), []string{"bad.json:", "documents[0].soort", "onbekend veld"}},
		{"wrong type", edit(`"year": 2019,`, `"year": "2019",`), []string{"documents[0].year", "verwacht een geheel getal, gevonden de tekst \"2019\""}},
		{"unknown taakveld", edit(`"taakveld": "6.1"`, `"taakveld": "6.99"`), []string{"documents[0].programmes[0].finance_lines[0].taakveld", `"6.99"`, "boekjaar 2019"}},
		{"duplicate year", edit(`"year": 2020,
                  "amount": 7623456`, `"year": 2019,
                  "amount": 7623456`), []string{"documents[0].programmes[0].proposals[0].amounts[1].year", "twee keer"}},
		{"unknown organisation", edit(`"organisation": "TWENTE"`, `"organisation": "GM0001"`), []string{"bad.json", "documents[3].organisation", "GM0001", "niet in het bestand en niet in de database"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, "bad.json")
			if err := os.WriteFile(file, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errs := gripWith(t, "", db, "load", file)
			if code != 1 || out != "" {
				t.Fatalf("exit %d, stdout %q; want 1 and nothing", code, out)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("message lacks %q:\n%s", w, errs)
				}
			}
			if strings.Contains(errs, "interne fout") || strings.Contains(errs, "unmarshal") {
				t.Errorf("message shows internals: %s", errs)
			}
			if after := mustRun(t, db, "export"); after != before {
				t.Fatal("the failed load changed the database")
			}
		})
	}
	code, _, errs := gripWith(t, "", db, "load", filepath.Join(dir, "missing.json"))
	if code != 1 || !strings.Contains(errs, "missing.json") {
		t.Errorf("load of a missing file: exit %d, %q", code, errs)
	}
	code, _, errs = gripWith(t, "", db, "load")
	if code != 1 || !strings.Contains(errs, "verwacht één bestand") {
		t.Errorf("load without a file: exit %d, %q", code, errs)
	}
}

func TestBadDatabase(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("geen database"), 0o644)
	// A missing SQLite file in a missing folder: the writing migrate says the
	// folder is missing, the reading stats and export that the database is.
	missing := filepath.Join(dir, "missing", "grip.db")
	for _, tc := range []struct{ dsn, cmd, want string }{
		{missing, "migrate", "kan niet worden geopend: de map"},
		{missing, "stats", "bestaat niet; grip import, grip load of grip demo maakt er een"},
		{missing, "export", "bestaat niet; grip import, grip load of grip demo maakt er een"},
		{notDB, "", "geen SQLite-database"},
		{"postgres://grip@127.0.0.1:1/grip?connect_timeout=2", "", "geen verbinding met PostgreSQL op 127.0.0.1:1"},
	} {
		cmds := []string{"migrate", "stats", "export"}
		if tc.cmd != "" {
			cmds = []string{tc.cmd}
		}
		for _, cmd := range cmds {
			code, _, errs := gripWith(t, "", tc.dsn, cmd)
			if code != 1 || !strings.Contains(errs, tc.want) || strings.Count(errs, "\n") != 1 {
				t.Errorf("grip --db %s %s: exit %d, %q; want one line with %q", tc.dsn, cmd, code, errs, tc.want)
			}
		}
	}
}

func TestFoundationHelp(t *testing.T) {
	for cmd, want := range map[string]string{
		"migrate": "schemaversie", "export": "grip export [--org CODE] [-o BESTAND]",
		"load": "grip load BESTAND", "stats": "grip stats [--json]",
	} {
		code, out, _ := gripWith(t, "", "unused.db", cmd, "--help")
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("grip %s --help: exit %d, lacks %q:\n%s", cmd, code, want, out)
		}
	}
}
