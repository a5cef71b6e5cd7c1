package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalysisCommandsRefuseUserMistakes: extra arguments, a taakveld code
// that no year's list knows and a year the document does not have are the
// user's mistakes: one Dutch message naming the value and what was
// expected, exit 1.
func TestAnalysisCommandsRefuseUserMistakes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	seedDocument(t, db)
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"iv3", "list", "extra"}, []string{`onverwacht argument "extra"`}},
		{[]string{"compare", "--org", "GM0164", "--taakveld", "9.99"}, []string{`taakveld "9.99" bestaat in geen enkele Iv3-indeling`, "verwacht een code zoals 6.72"}},
		{[]string{"compare", "--org", "GM0164", "--taakveld", "6.99", "--series", "2023,2024"}, []string{`taakveld "6.99"`, "6.1, ", "6.72"}},
		{[]string{"variance", "--org", "GM0164", "--year", "1850"}, []string{"--year 1850 komt niet voor in document jaarverslag-2021", "verwacht een van de jaren 2021"}},
	} {
		code, out, errs := runGrip(t, db, c.args...)
		if code != 1 || out != "" {
			t.Errorf("grip %v: exit %d, stdout %q; want exit 1 and nothing on stdout", c.args, code, out)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("grip %v: more than one line: %q", c.args, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("grip %v: stderr %q lacks %q", c.args, errs, w)
			}
		}
	}
	// The year the document has is still fine, and so is a code that exists
	// in some year's list but not in the one asked (the comparison says so).
	if code, out, errs := runGrip(t, db, "variance", "--org", "GM0164", "--year", "2021"); code != 0 {
		t.Errorf("variance --year 2021: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := runGrip(t, db, "iv3", "list", "--json"); code != 2 && !strings.Contains(errs, "onbekende optie --json") {
		t.Errorf("iv3 list --json: exit %d, %q", code, errs)
	}
}

// TestCheckTakesDutchSeverities: --min-severity accepts the words the
// output uses (info, waarschuwing, fout) as well as the English ones, and the
// summary counts in proper Dutch.
func TestCheckTakesDutchSeverities(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	seedDocument(t, db)
	_, en, _ := runGrip(t, db, "check", "--min-severity", "error")
	_, nl, _ := runGrip(t, db, "check", "--min-severity", "fout")
	if en != nl || !strings.Contains(nl, "FOUT") || strings.Contains(nl, "waarschuwing ") {
		t.Errorf("--min-severity fout:\n%s\nwant as error:\n%s", nl, en)
	}
	_, w, _ := runGrip(t, db, "check", "--min-severity", "Waarschuwing")
	_, we, _ := runGrip(t, db, "check", "--min-severity", "warning")
	if w != we || strings.Contains(w, "  info ") {
		t.Errorf("--min-severity waarschuwing:\n%s\nwant as warning:\n%s", w, we)
	}
	if strings.Contains(nl, "(en)") || !strings.Contains(nl, ": 1 fout, ") {
		t.Errorf("summary not in Dutch counts:\n%s", nl)
	}
	code, _, errs := runGrip(t, db, "check", "--min-severity", "ernstig")
	if code != 1 || !strings.Contains(errs, "kies info, waarschuwing of fout") {
		t.Errorf("--min-severity ernstig: exit %d, %q", code, errs)
	}
}

// TestIndicatorDirectionFlagMistakeIsDutch: a wrong option of `grip
// indicators direction` gives the Dutch sentence, not Go's flag error.
func TestIndicatorDirectionFlagMistakeIsDutch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"indicators", "direction", "--bogus"}, "onbekende optie --bogus"},
		{[]string{"indicators", "direction", "--indicator"}, "optie --indicator heeft een waarde nodig, bijvoorbeeld --indicator=SLEUTEL"},
	} {
		code, _, errs := runGrip(t, db, c.args...)
		if code == 0 || !strings.Contains(errs, c.want) {
			t.Errorf("grip %v: exit %d, %q; want %q", c.args, code, errs, c.want)
		}
		for _, en := range []string{"flag", "provided", "needs an argument"} {
			if strings.Contains(errs, en) {
				t.Errorf("grip %v: English in %q", c.args, errs)
			}
		}
	}
}

// TestAnalysisHelpNamesValuesInDutch: the options of the analysis commands
// name their values as the other commands do (ERNST, GROEP, BASIS, MAAT,
// JAREN), and check's synopsis gives the Dutch severities.
func TestAnalysisHelpNamesValuesInDutch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	for cmd, wants := range map[string][]string{
		"check":   {"[--min-severity info|waarschuwing|fout]", "\n  --min-severity ERNST\n"},
		"compare": {"\n  --with GROEP\n", "\n  --basis BASIS\n", "\n  --measure MAAT\n", "\n  --series JAREN\n"},
	} {
		_, out, _ := runGrip(t, db, cmd, "--help")
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("grip %s --help lacks %q:\n%s", cmd, w, out)
			}
		}
		if strings.Contains(out, " TEKST\n") {
			t.Errorf("grip %s --help still names a value TEKST:\n%s", cmd, out)
		}
	}
	_, out, _ := runGrip(t, db, "indicators", "direction", "--help")
	if !strings.Contains(out, "\n  --indicator SLEUTEL\n") || !strings.Contains(out, "\nVoorbeeld") {
		t.Errorf("grip indicators direction --help:\n%s", out)
	}
}
