package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"grip"
	"grip/store"
	"grip/store/storetest"
)

var importDocs = []string{
	"../../importer/testdata/twenterand-kadernota-2020-sociaal-domein.txt",
	"../../importer/testdata/hengelo-begroting-2019-programma-6-sociaal-domein.txt",
	"../../importer/testdata/hulst-jaarverslag-2021-programma-06-sociaal-domein.txt",
}

func storedDocs(t *testing.T, db string) map[string]grip.DocumentInfo {
	t.Helper()
	ctx := context.Background()
	a := &app{}
	cat, err := a.taakvelden()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, db, cat)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out := map[string]grip.DocumentInfo{}
	orgs, err := s.Organisations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orgs {
		infos, err := s.Documents(ctx, o.Code)
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range infos {
			out[o.Code+" "+string(i.Kind)] = i
		}
	}
	return out
}

// TestImportCommand runs grip import end to end on SQLite and, when
// GRIP_TEST_POSTGRES is set, on PostgreSQL in a fresh schema.
func TestImportCommand(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testImportCommand(t, filepath.Join(t.TempDir(), "grip.db")) })
	t.Run("postgres", func(t *testing.T) { testImportCommand(t, storetest.FreshPostgres(t)) })
}

func testImportCommand(t *testing.T, db string) {

	// --dry-run reports and writes nothing.
	code, out, errs := runGrip(t, db, append([]string{"import", "--dry-run"}, importDocs...)...)
	if code != 0 || !strings.Contains(out, "Proefimport") || !strings.Contains(out, "thema's 6, doelen 16, subdoelen 35") {
		t.Fatalf("dry run: %d %s %s", code, out, errs)
	}
	if !strings.Contains(out, "regel 692") || !strings.Contains(out, "2020 € 337.400") {
		t.Errorf("report lacks the duplicate year note or the totals:\n%s", out)
	}
	if docs := storedDocs(t, db); len(docs) != 0 {
		t.Errorf("dry run wrote %d documents", len(docs))
	}

	// A bad file among good ones: nothing is written.
	bad := filepath.Join(t.TempDir(), "kapot.pdf")
	if err := os.WriteFile(bad, []byte("%PDF-1.4 ..."), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runGrip(t, db, "import", importDocs[0], bad)
	if code == 0 || !strings.Contains(errs, "PDF wordt nog niet ondersteund") {
		t.Errorf("bad file: %d %q", code, errs)
	}
	if docs := storedDocs(t, db); len(docs) != 0 {
		t.Errorf("failed import wrote %d documents", len(docs))
	}

	// The real import, as JSON.
	code, out, errs = runGrip(t, db, append([]string{"import", "--json"}, importDocs...)...)
	if code != 0 {
		t.Fatalf("import: %d %s", code, errs)
	}
	var run struct {
		Files []struct {
			File         string         `json:"file"`
			Organisation string         `json:"organisation"`
			Counts       map[string]int `json:"counts"`
			Notes        []grip.SourceNote
		} `json:"files"`
		Written bool `json:"written"`
	}
	if err := json.Unmarshal([]byte(out), &run); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if !run.Written || len(run.Files) != 3 || run.Files[0].Counts["subgoals"] != 35 || run.Files[0].Counts["activity_links"] == 0 || run.Files[1].Counts["finance_lines"] == 0 {
		t.Errorf("json report = %+v", run)
	}
	for _, k := range []string{"themes", "goals", "subgoals", "activities", "activity_links", "proposals", "developments", "indicators", "measurements", "finance_lines", "variance_lines", "progress_entries", "reserves"} {
		if _, ok := run.Files[0].Counts[k]; !ok {
			t.Errorf("counts lacks %q", k)
		}
	}
	docs := storedDocs(t, db)
	if len(docs) != 3 || docs["GM1700 kadernota"].Counts.Subgoals != 35 || docs["GM0164 begroting"].Counts.FinanceLines == 0 || docs["GM0677 jaarverslag"].Counts.ProgressEntries != 3 {
		t.Errorf("stored = %+v", docs)
	}

	// Importing again replaces: still three documents, same counts.
	code, _, errs = runGrip(t, db, "import", importDocs[0])
	if code != 0 {
		t.Fatalf("re-import: %s", errs)
	}
	again := storedDocs(t, db)
	if len(again) != 3 || again["GM1700 kadernota"].Counts != docs["GM1700 kadernota"].Counts {
		t.Errorf("after re-import: %+v", again)
	}

	// stats --json uses the same counts keys.
	code, out, _ = runGrip(t, db, "stats", "--json")
	if code != 0 || !strings.Contains(out, `"subgoals": 35`) {
		t.Errorf("stats: %s", out)
	}

	// Options after the files.
	code, out, errs = runGrip(t, db, "import", importDocs[2], "--dry-run", "--json")
	if code != 0 || !strings.Contains(out, `"written": false`) {
		t.Errorf("options after files: %d %s %s", code, out, errs)
	}

	// Overrides and a clear message without files.
	code, _, errs = runGrip(t, db, "import")
	if code == 0 || !strings.Contains(errs, "verwacht een of meer bestanden") {
		t.Errorf("no files: %q", errs)
	}
	code, _, errs = runGrip(t, db, "import", "--kind", "nota", importDocs[2])
	if code == 0 || !strings.Contains(errs, "onbekend") {
		t.Errorf("bad kind: %q", errs)
	}
}

// TestImportSetsLevelNames: grip import names the goal-tree levels of an
// organisation with the document's words, on a new organisation and on a
// stored one without names; names a user set stay.
func TestImportSetsLevelNames(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "grip.db")
	a := &app{}
	cat, err := a.taakvelden()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, db, cat)
	if err != nil {
		t.Fatal(err)
	}
	// Twenterand stored without level names (as grip iv3 import leaves it),
	// Hulst with names of its own.
	hulst := storetest.Organisation("GM0677", "Hulst")
	hulst.Settings.LevelNames = []string{"beleidsveld"}
	for _, o := range []grip.Organisation{storetest.Organisation("GM1700", "Twenterand"), hulst} {
		if err := s.PutOrganisation(ctx, "test", o); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if code, _, errs := runGrip(t, db, append([]string{"import"}, importDocs...)...); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	s, err = store.Open(ctx, db, cat)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for code, want := range map[string]string{"GM1700": "doelenboom|doel|subdoel", "GM0677": "beleidsveld", "GM0164": ""} {
		o, err := s.Organisation(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(o.Settings.LevelNames, "|"); got != want {
			t.Errorf("%s: level names %q, want %q", code, got, want)
		}
	}
}
