package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagMistakesGiveOneDutchLine: a wrong option gives one line in Dutch
// that names the option and what was expected, exit status 2, and no help
// text dumped on stderr.
func TestFlagMistakesGiveOneDutchLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"stats", "--bogus"}, "onbekende optie --bogus"},
		{[]string{"check", "--org"}, "optie --org heeft een waarde nodig"},
		{[]string{"import", "--year", "abc", "x.txt"}, `--year "abc" is ongeldig: verwacht een geheel getal`},
		{[]string{"stats", "--json=misschien"}, `--json "misschien" is ongeldig: verwacht true of false`},
	} {
		code, out, errs := gripWith(t, "", db, c.args...)
		if code != 2 {
			t.Errorf("grip %v: exit %d, want 2", c.args, code)
		}
		if out != "" {
			t.Errorf("grip %v wrote to stdout: %q", c.args, out)
		}
		if lines := strings.Count(strings.TrimSpace(errs), "\n") + 1; lines != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("grip %v: stderr %q, want one line with %q", c.args, errs, c.want)
		}
		for _, en := range []string{"flag", "provided", "invalid", "needs an argument"} {
			if strings.Contains(errs, en) {
				t.Errorf("grip %v: English in %q", c.args, errs)
			}
		}
	}
	// Before the command too.
	code, _, errs := gripWith(t, "", db, "--nope", "stats")
	if code != 2 || !strings.Contains(errs, "onbekende optie --nope") || strings.Contains(errs, "Commando's:") {
		t.Errorf("grip --nope stats: exit %d, %q", code, errs)
	}
}

// TestCommandHelpIsClean: the options list shows Dutch value names, the
// one-letter -o as -o, and no "(standaard 0)" or a second default after a
// usage that names its own.
func TestCommandHelpIsClean(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	for _, cmd := range commands() {
		code, out, _ := gripWith(t, "", db, cmd.name, "--help")
		if code != 0 {
			t.Errorf("grip %s --help: exit %d", cmd.name, code)
		}
		opts := out[strings.Index(out, "Opties:"):]
		for _, bad := range []string{" string\n", " int\n", " uint\n", "(standaard 0)", "--o "} {
			if strings.Contains(opts, bad) {
				t.Errorf("grip %s --help options contain %q:\n%s", cmd.name, bad, opts)
			}
		}
	}
	_, out, _ := gripWith(t, "", db, "variance", "--help")
	if !strings.Contains(out, "jaar (standaard het jaar van het document)\n") {
		t.Errorf("grip variance --help: --year has a second default:\n%s", out)
	}
	_, out, _ = gripWith(t, "", db, "export", "--help")
	if !strings.Contains(out, "\n  -o BESTAND\n") {
		t.Errorf("grip export --help does not show -o BESTAND:\n%s", out)
	}
}

// TestArgumentMistakesNameTheCommandOnce: "grip load: grip load verwacht" said
// the command twice.
func TestArgumentMistakesNameTheCommandOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	for _, args := range [][]string{{"load"}, {"import"}, {"serve", "extra"}, {"demo", "extra"}} {
		code, _, errs := gripWith(t, "", db, args...)
		if code == 0 {
			t.Errorf("grip %v: exit 0", args)
		}
		if strings.HasPrefix(errs, "grip "+args[0]+": grip "+args[0]) {
			t.Errorf("grip %v: %q names the command more than once", args, errs)
		}
	}
}

// TestLoadNamesWhatIsWrongWithTheFile: a missing file, a directory and an
// empty file each get their own message, exit 1, and the database stays empty.
func TestLoadNamesWhatIsWrongWithTheFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "grip.db")
	mustRun(t, db, "migrate")
	empty := filepath.Join(dir, "leeg.json")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ file, want string }{
		{filepath.Join(dir, "weg.json"), "weg.json: bestand niet gevonden"},
		{dir, "is een map: verwacht een bestand van grip export"},
		{empty, "leeg.json:1:1: het bestand is leeg"},
	} {
		code, _, errs := gripWith(t, "", db, "load", c.file)
		if code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("grip load %s: exit %d, %q; want %q", c.file, code, errs, c.want)
		}
	}
	if out := mustRun(t, db, "stats", "--json"); !strings.Contains(out, `"documents": []`) && !strings.Contains(out, `"documents":[]`) {
		t.Errorf("a failed load wrote something: %s", out)
	}
}

// TestImportRefusesUnknownGemeenteCode: a GM code that is neither in CBS's
// list nor stored is a typo, not a new gemeente: one message, exit 1, nothing
// written. A known code in lower case is fine.
func TestImportRefusesUnknownGemeenteCode(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	file := filepath.Join("..", "..", "demo", "documents", "hulst-jaarverslag-2021-programma-06-sociaal-domein.txt")
	code, _, errs := gripWith(t, "", db, "import", "--org", "GM9876", file)
	if code != 1 || !strings.Contains(errs, "--org GM9876: er is geen gemeente met die CBS-code") {
		t.Errorf("import --org GM9876: exit %d, %q", code, errs)
	}
	if out := mustRun(t, db, "stats", "--json"); !strings.Contains(out, `"documents": []`) {
		t.Errorf("refused import wrote something: %s", out)
	}
	if out := mustRun(t, db, "import", "--dry-run", "--org", "gm0677", file); !strings.Contains(out, "van Hulst (GM0677)") {
		t.Errorf("import --org gm0677: %s", out)
	}
}

// TestImportSaysHowManyInDutch: "Opgeslagen: 1 document.", not "document(en)".
func TestImportSaysHowManyInDutch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	file := filepath.Join("..", "..", "demo", "documents", "hulst-jaarverslag-2021-programma-06-sociaal-domein.txt")
	out := mustRun(t, db, "import", file)
	if !strings.Contains(out, "Opgeslagen: 1 document.\n") || strings.Contains(out, "(en)") {
		t.Errorf("import said:\n%s", out)
	}
}

// TestExportToDirectoryAndLoadCounts: export -o DIR names the directory; a
// load of one organisation says "1 organisatie, 1 document".
func TestExportToDirectoryAndLoadCounts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "grip.db")
	file := filepath.Join("..", "..", "demo", "documents", "hulst-jaarverslag-2021-programma-06-sociaal-domein.txt")
	mustRun(t, db, "import", file)
	code, _, errs := gripWith(t, "", db, "export", "-o", dir)
	if code != 1 || !strings.Contains(errs, "is een map: geef een bestandsnaam") {
		t.Errorf("export -o DIR: exit %d, %q", code, errs)
	}
	out := filepath.Join(dir, "hulst.json")
	mustRun(t, db, "export", "-o", out)
	if got := mustRun(t, filepath.Join(dir, "ander.db"), "load", out); !strings.HasSuffix(got, "geladen: 1 organisatie, 1 document\n") {
		t.Errorf("load said %q", got)
	}
}

// TestHelpHasExamples: the README promises examples in `grip COMMAND --help`.
func TestHelpHasExamples(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	for _, name := range []string{"demo", "import", "serve", "stats", "export", "load", "migrate", "generate",
		"check", "indicators", "variance", "reserves", "compare", "iv3", "org"} {
		_, out, _ := gripWith(t, "", db, name, "--help")
		if !strings.Contains(out, "\nVoorbeeld") {
			t.Errorf("grip %s --help has no examples:\n%s", name, out)
		}
	}
}

// TestHelpTextIsWrapped: the explanation of a command reads in a terminal of
// 80 columns (the synopsis and option lines may be longer).
func TestHelpTextIsWrapped(t *testing.T) {
	for _, c := range append(commands(), directionHelp()) {
		lines := strings.Split(c.usage, "\n")
		for _, l := range lines[1:] {
			if len([]rune(l)) > 80 {
				t.Errorf("grip %s --help: line of %d characters: %q", c.name, len([]rune(l)), l)
			}
		}
	}
}
