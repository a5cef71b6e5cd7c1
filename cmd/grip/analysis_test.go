package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"grip"
	"grip/store"
	"grip/store/storetest"
)

// runGrip runs the grip command with a database and returns exit code, stdout and stderr.
func runGrip(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"--db", db, "--as", "test"}, args...), strings.NewReader(""), &out, &errb,
		func(string) string { return "" })
	return code, out.String(), errb.String()
}

func fptr(v float64) *float64 { return &v }

// seedDocument stores a small begroting with a few problems.
func seedDocument(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	a := &app{}
	cat, err := a.taakvelden()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, path, cat)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	org := grip.Organisation{Code: "GM0164", Name: "Hengelo", Kind: grip.OrgGemeente, Slug: "hengelo",
		Settings: grip.OrgSettings{VarianceThreshold: grip.Euros(25_000)}}
	doc := &grip.Document{Organisation: "GM0164", Kind: grip.KindJaarverslag, Year: 2021, Title: "Jaarverslag 2021",
		Programmes: []grip.Programme{{Key: "p6", Title: "Sociaal domein",
			Goals: []grip.Goal{{Key: "t1", Title: "Jeugd", Children: []grip.Goal{{Key: "g1", Title: "Veilig opgroeien"}}}},
			Activities: []grip.Activity{
				{Key: "a1", Title: "Versterken sociale infrastructuur/voorliggend veld", GoalKeys: []string{"g1"}},
				{Key: "a2", Title: "Verstevigen sociale infrastructuur/voorliggend veld", GoalKeys: []string{"g1"}},
			},
			Indicators: []grip.Indicator{{Key: "i1", Name: "Jongeren met jeugdhulp", GoalKeys: []string{"g1"}, Direction: grip.LowerIsBetter,
				Measurements: []grip.Measurement{{Year: 2021, Kind: grip.Realised, Value: fptr(9.5)}, {Year: 2021, Kind: grip.Planned, Value: fptr(8.0)}}}},
			FinanceLines: []grip.FinanceLine{
				{Key: "f1", Taakveld: "6.72", Side: grip.Lasten, Stage: grip.StageNaWijziging, Year: 2021, Amount: grip.Euros(10_000_000), GoalKeys: []string{"t1"}},
				{Key: "f2", Taakveld: "6.72", Side: grip.Lasten, Stage: grip.StageRealisatie, Year: 2021, Amount: grip.Euros(12_429_339), GoalKeys: []string{"t1"}},
			},
			VarianceLines: []grip.VarianceLine{
				{Key: "d1", Title: "Doelenboom Jeugd", Taakveld: "6.72", Amount: -grip.Euros(2_429_339)},
				{Key: "d2", Title: "Totaal", Amount: -grip.Euros(2_000_000), Total: true},
			},
			Reserves: []grip.Reserve{{Key: "rsd", Name: "reserve Sociaal Domein", BalanceYear: 2021, Balance: grip.Euros(60_000),
				Mutations: []grip.ReserveMutation{{Year: 2022, Amount: -grip.Euros(75_000), Description: "innovatiefonds"}}}},
		}}}
	if err := db.Apply(ctx, "test", grip.Batch{Organisations: []grip.Organisation{org}, Documents: []*grip.Document{doc}}); err != nil {
		t.Fatal(err)
	}
}

func TestCheckCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	seedDocument(t, db)
	code, out, errs := runGrip(t, db, "check", "--org", "GM0164")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (an error finding); stderr %s", code, errs)
	}
	for _, want := range []string{"FOUT", "verschillenanalyse tellen op tot € 2.429.339 N", "Verstevigen", "verplichte beleidsindicator"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runGrip(t, db, "check", "--json", "--min-severity", "error")
	var res struct {
		Documents []struct {
			Document string
			Findings []struct{ Code, Severity string }
		}
		Errors bool
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if code != 1 || !res.Errors || len(res.Documents) != 1 || len(res.Documents[0].Findings) != 1 || res.Documents[0].Findings[0].Code != "verschillen-totaal" {
		t.Errorf("json result = %+v (exit %d)", res, code)
	}
	if code, _, errs := runGrip(t, db, "check", "--min-severity", "x"); code != 1 || !strings.Contains(errs, "onbekend") {
		t.Errorf("bad severity: exit %d, %s", code, errs)
	}
}

func TestAnalysisCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	seedDocument(t, db)
	code, out, errs := runGrip(t, db, "variance", "--org", "GM0164")
	if code != 0 || !strings.Contains(out, "€ 2.429.339") || !strings.Contains(out, "N") {
		t.Errorf("variance: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, errs = runGrip(t, db, "reserves", "--org", "GM0164")
	if code != 0 || !strings.Contains(out, "raakt in 2022 uitgeput") {
		t.Errorf("reserves: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, errs = runGrip(t, db, "indicators", "--org", "GM0164")
	if code != 0 || !strings.Contains(out, "uit koers") {
		t.Errorf("indicators: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = runGrip(t, db, "indicators", "--org", "GM0164", "--json")
	if code != 0 || !json.Valid([]byte(out)) || !strings.Contains(out, `"status": "uit-koers"`) {
		t.Errorf("indicators --json: exit %d\n%s", code, out)
	}
	if code, _, errs := runGrip(t, db, "variance", "--org", "GM9999"); code != 1 || errs == "" {
		t.Errorf("unknown org: exit %d, %q", code, errs)
	}
}

func TestIv3ImportAndCompare(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	seedDocument(t, db)
	code, out, errs := runGrip(t, db, "iv3", "import", "--demo")
	if code != 0 || !strings.Contains(out, "2023 jaarrekening: 342 gemeenten") || !strings.Contains(out, "1 organisatie(s) aangevuld") {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = runGrip(t, db, "iv3", "import", "--demo")
	if code != 0 || strings.Contains(out, "aangevuld") {
		t.Errorf("second import changed organisations again:\n%s", out)
	}
	code, out, errs = runGrip(t, db, "compare", "--org", "GM0164", "--with", "size-class", "--taakveld", "6.72", "--year", "2023", "--json")
	if code != 0 {
		t.Fatalf("compare: exit %d\n%s", code, errs)
	}
	var c struct {
		Comparable bool
		Org        struct {
			Amount        int64
			PerInhabitant int64 `json:"per_inhabitant"`
			Rank          int
		}
		Count  int
		Median int64
		Other  *struct{ Basis string }
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	// Hengelo 2023 begroting, 6.72 + 6.72a..d: € 12.231.000 for 82.311 inwoners.
	if !c.Comparable || c.Org.Amount != 1_223_100_000 || c.Org.PerInhabitant != 14859 || c.Count != 60 || c.Other == nil || c.Other.Basis != "jaarrekening" {
		t.Errorf("comparison = %+v", c)
	}
	// The groups also have their Dutch names.
	_, en, _ := runGrip(t, db, "compare", "--org", "GM0164", "--with", "province", "--taakveld", "6.1")
	_, nl, _ := runGrip(t, db, "compare", "--org", "GM0164", "--with", "provincie", "--taakveld", "6.1")
	if en != nl || !strings.Contains(nl, "gemeenten in Overijssel") {
		t.Errorf("--with provincie:\n%s\nwant as province:\n%s", nl, en)
	}
	code, out, _ = runGrip(t, db, "compare", "--org", "GM0164", "--taakveld", "6.72", "--year", "2025")
	if code != 0 || !strings.Contains(out, "bestaat niet in de Iv3-indeling van 2025") {
		t.Errorf("2025 6.72: exit %d\n%s", code, out)
	}
	code, out, _ = runGrip(t, db, "compare", "--org", "GM0164", "--taakveld", "6.2", "--series", "2023,2024,2025")
	if code != 0 || !strings.Contains(out, "2024 (vergelijkbaar): € 123,55 per inwoner") || !strings.Contains(out, "2025 (NIET vergelijkbaar)") || !strings.Contains(out, "6.21 Toegang") {
		t.Errorf("series: exit %d\n%s", code, out)
	}
	code, out, _ = runGrip(t, db, "iv3", "list")
	if code != 0 || strings.Count(out, "342 gemeenten") != 4 {
		t.Errorf("list: %s", out)
	}
	if code, _, errs := runGrip(t, db, "iv3", "import", "nope.csv"); code != 1 || !strings.Contains(errs, "jaar") {
		t.Errorf("bad file name: exit %d %s", code, errs)
	}
}

// indicatorStatus returns status, direction and rule of one indicator in
// the output of `grip indicators --json`.
func indicatorStatus(t *testing.T, out, key string) (status, direction, rule string) {
	t.Helper()
	type ind struct{ Key, Status, Direction, Rule string }
	type goal struct {
		Indicators []ind
		Children   []goal
	}
	var res struct {
		Programmes []struct {
			Themes   []goal
			Unlinked []ind `json:"unlinked_indicators"`
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	var find func(gs []goal) *ind
	find = func(gs []goal) *ind {
		for _, g := range gs {
			for i := range g.Indicators {
				if g.Indicators[i].Key == key {
					return &g.Indicators[i]
				}
			}
			if in := find(g.Children); in != nil {
				return in
			}
		}
		return nil
	}
	for _, p := range res.Programmes {
		if in := find(append(p.Themes, goal{Indicators: p.Unlinked})); in != nil {
			return in.Status, in.Direction, in.Rule
		}
	}
	t.Fatalf("indicator %s not in output", key)
	return "", "", ""
}

// TestIndicatorDirectionCommand sets the direction of an indicator of the
// real Twenterand kadernota end to end: the document is written back, the
// audit log names who did it, and grip indicators then judges the indicator.
// On SQLite and, when GRIP_TEST_POSTGRES is set, on PostgreSQL in a fresh schema.
func TestIndicatorDirectionCommand(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testIndicatorDirection(t, filepath.Join(t.TempDir(), "grip.db")) })
	t.Run("postgres", func(t *testing.T) { testIndicatorDirection(t, storetest.FreshPostgres(t)) })
}

func testIndicatorDirection(t *testing.T, db string) {
	if code, _, errs := runGrip(t, db, "import", importDocs[0]); code != 0 {
		t.Fatalf("import: exit %d\n%s", code, errs)
	}
	const key = "aantal-aanvragen-bijzondere-bijstand"
	_, out, _ := runGrip(t, db, "indicators", "--org", "GM1700", "--doc", "kadernota-2020", "--json")
	// 471 applications in 2018 against 248 for 2019: more says nothing about good or bad.
	if status, dir, rule := indicatorStatus(t, out, key); status != "afwijking" || dir != "" || !strings.Contains(rule, "grip indicators direction") {
		t.Fatalf("before: status %q, direction %q, rule %q", status, dir, rule)
	}
	// The mandatory indicator gets the law's direction and says so.
	if _, dir, rule := indicatorStatus(t, out, "personen-met-een-bijstandsuitkering-per-1000-inwoners"); dir != "lager-is-beter" ||
		!strings.HasPrefix(rule, `Richting volgens de verplichte beleidsindicator "Personen met een bijstandsuitkering": lager is beter.`) {
		t.Errorf("mandatory default: direction %q, rule %q", dir, rule)
	}

	// Flags before and after the direction; --as after the subcommand.
	code, out, errs := runGrip(t, db, "indicators", "direction", "--org", "gm1700", "--doc", "kadernota-2020",
		"--indicator", key, "lager-is-beter", "--as", "beleidsadviseur")
	if code != 0 {
		t.Fatalf("direction: exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{`indicator "Aantal aanvragen bijzondere bijstand"`, "richting: onbekend → lager is beter",
		"status:   afwijking (geen oordeel): 90% boven de streefwaarde (realisatie 2018 tegen streefwaarde 2019) → uit koers: 90% boven"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = runGrip(t, db, "indicators", "--org", "GM1700", "--json")
	if status, dir, rule := indicatorStatus(t, out, key); status != "uit-koers" || dir != "lager-is-beter" || !strings.HasPrefix(rule, "Lager is beter.") {
		t.Errorf("after: status %q, direction %q, rule %q", status, dir, rule)
	}
	_, out, _ = runGrip(t, db, "indicators", "--org", "GM1700")
	if !strings.Contains(out, "• Aantal aanvragen bijzondere bijstand — uit koers: 90% boven de streefwaarde (realisatie 2018 tegen streefwaarde 2019), lager is beter, trend") ||
		!strings.Contains(out, "• Personen met een bijstandsuitkering (per 1000 inwoners) — onbekend, lager is beter (volgens de verplichte beleidsindicator), trend") {
		t.Errorf("text output:\n%s", out)
	}

	s, err := store.Open(context.Background(), db, mustCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	es, err := s.Audit(context.Background(), "GM1700", 10)
	s.Close()
	if err != nil || len(es) < 2 {
		t.Fatalf("audit: %+v, %v", es, err)
	}
	if e := es[0]; e.Actor != "beleidsadviseur" || e.Action != "document.replace" || e.Entity != "document kadernota-2020" ||
		strings.Count(e.Before, `"direction":"lager-is-beter"`) != 0 || strings.Count(e.After, `"direction":"lager-is-beter"`) != 1 {
		t.Errorf("audit entry: actor %q action %q entity %q, lager-is-beter before %d after %d", e.Actor, e.Action, e.Entity,
			strings.Count(e.Before, `"direction":"lager-is-beter"`), strings.Count(e.After, `"direction":"lager-is-beter"`))
	}

	// The same again changes nothing and writes no audit entry.
	code, out, _ = runGrip(t, db, "indicators", "direction", "--org", "GM1700", "--doc", "kadernota-2020", "--indicator", key, "lager-is-beter")
	if code != 0 || !strings.Contains(out, "niets gewijzigd") {
		t.Errorf("again: exit %d\n%s", code, out)
	}
	// By the name's slug, back to unknown.
	code, out, _ = runGrip(t, db, "indicators", "direction", "--org", "GM1700", "--doc", "kadernota-2020",
		"--indicator", "Aantal aanvragen bijzondere bijstand", "onbekend")
	if code != 0 || !strings.Contains(out, "richting: lager is beter → onbekend") {
		t.Errorf("by name: exit %d\n%s", code, out)
	}
	s, err = store.Open(context.Background(), db, mustCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	es2, err := s.Audit(context.Background(), "GM1700", 10)
	s.Close()
	if err != nil || len(es2) != len(es)+1 || es2[0].Actor != "test" {
		t.Errorf("audit after unchanged and cleared: %d entries (was %d), %v", len(es2), len(es), err)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--org", "GM1701", "--doc", "kadernota-2020", "--indicator", key, "lager-is-beter"}, `organisatie "GM1701" is niet opgeslagen; bedoelt u: GM1700 Twenterand?`},
		{[]string{"--org", "GM1700", "--doc", "kadernota-2021", "--indicator", key, "lager-is-beter"}, `geen document "kadernota-2021"; bedoelt u: kadernota-2020`},
		{[]string{"--org", "GM1700", "--doc", "kadernota-2020", "--indicator", "bijzondere bijstand", "lager-is-beter"}, "bedoelt u: aantal-aanvragen-bijzondere-bijstand (Aantal aanvragen bijzondere bijstand)"},
		{[]string{"--org", "GM1700", "--doc", "kadernota-2020", "--indicator", key, "beter"}, `richting "beter" is onbekend: kies hoger-is-beter, lager-is-beter of onbekend`},
		{[]string{"--org", "GM1700", "--doc", "kadernota-2020", "--indicator", key}, "geef precies één richting"},
		{[]string{"--org", "GM1700", "--indicator", key, "lager-is-beter"}, "geef --org, --doc en --indicator"},
	} {
		code, _, errs := runGrip(t, db, append([]string{"indicators", "direction"}, c.args...)...)
		if code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, errs, c.want)
		}
	}
	if code, out, _ := runGrip(t, db, "indicators", "direction", "--help"); code != 0 || !strings.Contains(out, "--indicator") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}

func TestFindIndicator(t *testing.T) {
	doc := &grip.Document{Kind: grip.KindBegroting, Year: 2019, Programmes: []grip.Programme{
		{Key: "p6", Indicators: []grip.Indicator{{Key: "banen", Name: "Banen"}, {Key: "bijstand", Name: "Personen met een bijstandsuitkering"}}},
		{Key: "p7", Indicators: []grip.Indicator{{Key: "banen", Name: "Banen in de zorg"}}},
	}}
	if in, err := findIndicator(doc, "bijstand"); err != nil || in.Key != "bijstand" {
		t.Errorf("by key: %+v, %v", in, err)
	}
	if in, err := findIndicator(doc, "Personen met een bijstandsuitkering"); err != nil || in.Key != "bijstand" {
		t.Errorf("by name: %+v, %v", in, err)
	}
	if _, err := findIndicator(doc, "banen"); grip.ErrorCode(err) != grip.EInvalid || !strings.Contains(grip.ErrorMessage(err), "p6/banen, p7/banen") {
		t.Errorf("ambiguous key: %v", err)
	}
	if in, err := findIndicator(doc, "p7/banen"); err != nil || in.Name != "Banen in de zorg" {
		t.Errorf("scoped key: %+v, %v", in, err)
	}
	if _, err := findIndicator(doc, "uitkering"); grip.ErrorCode(err) != grip.ENotFound || !strings.Contains(grip.ErrorMessage(err), "bedoelt u: bijstand (Personen met een bijstandsuitkering)") {
		t.Errorf("unknown: %v", err)
	}
}
