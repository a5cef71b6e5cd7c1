package importer

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"grip"
)

// The shapes of finance tables that begroting websites of other gemeenten
// export (see testdata/README.md: each fixture imitates a public vendor
// format with made-up texts and figures). Every fixture's arithmetic is
// consistent, so the lines must add up to the printed totals exactly.

// shape is what one fixture must give.
type shape struct {
	file  string
	kind  grip.DocumentKind
	year  int
	lines int // finance lines
	// totals: printed totals, "side stage year" → euros
	totals map[string]int64
	// some lines: "taakveld side stage year" → euros
	some map[string]int64
	// notes that must be there ("severity|part|part"), and the number of
	// warnings in all
	notes    []string
	warnings int
	// variance lines: their number and sum (euros, positive = voordeel)
	variances   int
	varianceSum int64
}

var shapes = []shape{
	{
		file: "cells-per-line-begroting.txt", kind: grip.KindBegroting, year: 2022, lines: 21,
		totals: map[string]int64{
			"lasten realisatie 2020": 30_412_000, "baten na-wijziging 2021": 8_300_000,
			"saldo primitief 2022": -23_698_000, "lasten meerjarenraming 2025": 32_900_000,
		},
		some: map[string]int64{
			"4.3 lasten primitief 2022": 1_020_000, "6.81 baten primitief 2022": 410_000,
			"6.71 lasten primitief 2022": 4_310_000, "6.72 baten primitief 2022": 0,
		},
		notes: []string{
			"info|kolom 2021 zonder label|begroting na wijziging",
			"info|mutatie van reserves|Onttrekking aan reserves",
		},
	},
	{
		file: "lasten-baten-blocks-begroting.txt", kind: grip.KindBegroting, year: 2022, lines: 43,
		totals: map[string]int64{
			"lasten realisatie 2020": 26_000_000, "baten primitief 2021": 9_350_000,
			"lasten meerjarenraming 2025": 28_660_000,
		},
		some: map[string]int64{
			"6.3 lasten primitief 2022": 11_800_000, "6.5 baten realisatie 2020": 85_000,
			"6.72 baten primitief 2021": 40_000, "6.1 baten meerjarenraming 2024": 60_000,
		},
		notes: []string{
			"info|lasten staan negatief",
			"info|cel minder|Subtotaal Baten|6.5 Arbeidsparticipatie",
			"info|cel minder|6.72 Maatwerkdienstverlening 18-",
			"info|mutatie van reserves|0.10 Toevoegingen",
		},
	},
	{
		file: "saldo-lasten-min-baten-begroting.txt", kind: grip.KindBegroting, year: 2021, lines: 40,
		totals: map[string]int64{
			"lasten primitief 2021": 98_400_000, "baten primitief 2021": 21_300_000,
			"saldo primitief 2021": -77_100_000, "saldo meerjarenraming 2024": -74_400_000,
		},
		some: map[string]int64{
			"6.1 saldo primitief 2021": -6_500_000, "6.82 saldo meerjarenraming 2024": -600_000,
		},
		notes: []string{
			"info|lasten − baten (positief is een nadeel)",
			"info|baten staan negatief",
			"info|tabel met mutaties",
			"info|zoals de eerdere tabel van dit programma",
		},
	},
	{
		file: "label-year-pairs-begroting.txt", kind: grip.KindBegroting, year: 2025, lines: 0,
		totals: map[string]int64{
			"lasten realisatie 2023": 41_205_000, "saldo realisatie 2023": -31_086_000,
			"baten primitief 2025": 9_900_000, "saldo meerjarenraming 2026": -33_200_000,
		},
		notes: []string{"info|lasten − baten"},
	},
	{
		file: "pipe-rows-begroting.txt", kind: grip.KindBegroting, year: 2025, lines: 28,
		totals: map[string]int64{
			"lasten realisatie 2023": 12_400_000, "baten primitief 2025": 3_000_000,
			"saldo meerjarenraming 2026": -10_300_000,
		},
		some: map[string]int64{
			"6.21 saldo primitief 2025": -1_000_000, "6.711 saldo realisatie 2023": -1_700_000,
			"6.752 saldo meerjarenraming 2026": -3_230_000, "6.792 saldo realisatie 2023": -40_000,
			"6.821 saldo primitief 2024": -60_000, "6.821 saldo meerjarenraming 2026": -70_000,
		},
		notes: []string{"info|lasten staan negatief", "info|mutatie van reserves|200", "info|in de export verschoven|Jeugdbescherming"},
	},
	{
		file: "spaced-rows-begroting.txt", kind: grip.KindBegroting, year: 2023, lines: 20,
		totals: map[string]int64{
			"lasten realisatie 2021": 10_010_735, "baten primitief 2022": 5_780_000,
			"saldo primitief 2023": -4_152_800, "lasten meerjarenraming 2024": 10_006_200,
		},
		some: map[string]int64{
			"6.3 lasten realisatie 2021": 7_820_115, "6.5 baten meerjarenraming 2024": 80_000,
			"6.1 lasten primitief 2023": 1_295_500,
		},
	},
	{
		file: "jaarverslag-stages-verschil.txt", kind: grip.KindJaarverslag, year: 2022, lines: 15,
		totals: map[string]int64{
			"lasten primitief 2022": 10_000, "lasten na-wijziging 2022": 10_600,
			"baten realisatie 2022": 2_780, "saldo realisatie 2022": -7_670,
		},
		some: map[string]int64{
			"6.1 saldo na-wijziging 2022": -1_600, "6.2 saldo realisatie 2022": -1_180,
			"6.72 saldo primitief 2022": -1_900,
		},
		notes:    []string{"warning|noemt geen eenheid", "warning|subtotaal klopt niet|6.71 Maatwerkdienstverlening 18+|€ 50.000,00 N|Totaal -40.000"},
		warnings: 3, variances: 5, varianceSum: 160_000,
	},
}

func TestFinanceShapes(t *testing.T) {
	cat := catalog(t)
	for _, s := range shapes {
		t.Run(s.file, func(t *testing.T) {
			res, err := Read(s.file, readTestdata(t, s.file), Options{Org: "GM9990", OrgName: "Lindewaard", Taakvelden: cat})
			if err != nil {
				t.Fatal(err)
			}
			doc := res.Document
			if doc.Kind != s.kind || doc.Year != s.year {
				t.Errorf("read as %s %d, want %s %d", doc.Kind, doc.Year, s.kind, s.year)
			}
			if err := grip.ValidateDocument(doc, cat); err != nil {
				t.Errorf("validate: %v", err)
			}
			if len(doc.Programmes) != 1 {
				t.Fatalf("%d programmes", len(doc.Programmes))
			}
			p := doc.Programmes[0]
			if len(p.FinanceLines) != s.lines || res.Report.Counts.FinanceLines != s.lines {
				t.Errorf("%d finance lines, want %d", len(p.FinanceLines), s.lines)
			}
			totals := map[string]int64{}
			for _, tt := range p.Totals {
				side := string(tt.Side)
				if side == "" {
					side = "saldo"
				}
				totals[fmt.Sprintf("%s %s %d", side, tt.Stage, tt.Year)] = int64(tt.Amount) / 100
			}
			for k, want := range s.totals {
				if got, ok := totals[k]; !ok || got != want {
					t.Errorf("total %s = %d (%v), want %d", k, got, ok, want)
				}
			}
			lines := map[string]int64{}
			for _, l := range p.FinanceLines {
				lines[fmt.Sprintf("%s %s %s %d", l.Taakveld, l.Side, l.Stage, l.Year)] = int64(l.Amount) / 100
				if l.Side != grip.SaldoSide && l.Amount < 0 {
					t.Errorf("negative %s stored: %+v", l.Side, l)
				}
			}
			if _, ok := lines["6.821 saldo realisatie 2023"]; ok {
				t.Errorf("shifted row read from the left")
			}
			for k, want := range s.some {
				if got, ok := lines[k]; !ok || got != want {
					t.Errorf("line %s = %d (%v), want %d", k, got, ok, want)
				}
			}
			// The lines add up to every printed total they can be
			// compared with: the arithmetic of the fixtures is exact.
			sums := map[string]int64{}
			for _, l := range p.FinanceLines {
				sums[fmt.Sprintf("%s %s %d", l.Side, l.Stage, l.Year)] += int64(l.Amount) / 100
				sums[fmt.Sprintf("saldo* %s %d", l.Stage, l.Year)] += int64(l.Net()) / 100
			}
			for k, want := range totals {
				key := k
				if strings.HasPrefix(k, "saldo ") {
					key = "saldo* " + strings.TrimPrefix(k, "saldo ")
				}
				got, ok := sums[key]
				if !ok {
					continue // a year the table gives no taakvelden for
				}
				if strings.HasPrefix(k, "lasten") || strings.HasPrefix(k, "baten") {
					if _, hasSaldo := sums["saldo "+strings.SplitN(k, " ", 2)[1]]; hasSaldo {
						continue
					}
				}
				if got != want {
					t.Errorf("lines %s add up to %d, printed total %d", k, got, want)
				}
			}
			var vsum int64
			for _, v := range p.VarianceLines {
				vsum += int64(v.Amount) / 100
				if v.Taakveld == "" {
					t.Errorf("variance line without taakveld: %+v", v)
				}
			}
			if len(p.VarianceLines) != s.variances || vsum != s.varianceSum {
				t.Errorf("%d variance lines adding up to %d, want %d and %d", len(p.VarianceLines), vsum, s.variances, s.varianceSum)
			}
			for _, n := range s.notes {
				parts := strings.Split(n, "|")
				if !hasNote(res.Report.Notes, grip.Severity(parts[0]), parts[1:]...) {
					t.Errorf("no note %q", n)
				}
			}
			var warnings []string
			for _, n := range res.Report.Notes {
				if n.Severity == grip.SeverityWarning {
					warnings = append(warnings, fmt.Sprintf("%d %s %s", n.Line, n.Message, n.Text))
				}
			}
			sort.Strings(warnings)
			if len(warnings) != s.warnings {
				t.Errorf("%d warnings, want %d:\n%s", len(warnings), s.warnings, strings.Join(warnings, "\n"))
			}
		})
	}
}

// TestGridUncertain: where the reader cannot be sure it says so with the
// line, and leaves the values out rather than guess.
func TestGridUncertain(t *testing.T) {
	cat := catalog(t)
	read := func(text string) *Result {
		t.Helper()
		res, err := Read("lindewaard-begroting-2022.txt", []byte(text), Options{Org: "GM9990", OrgName: "Lindewaard", Kind: grip.KindBegroting, Year: 2022, Taakvelden: cat})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	cellLines := func(toks ...string) string { return strings.Join(toks, "\n\n") + "\n" }

	// A row with a cell less and no subtotal to place it by.
	res := read(cellLines("Programma 6 Sociaal domein", "(bedragen x € 1.000)", "2022", "2023", "2024",
		"Lasten", "6.1", "Samenkracht en burgerparticipatie", "100", "110", "120",
		"6.3", "Inkomensregelingen", "200", "210"))
	if !hasNote(res.Report.Notes, grip.SeverityWarning, "2 bedragen", "3 kolommen", "6.3 Inkomensregelingen 200 210") {
		t.Errorf("short row not reported: %+v", res.Report.Notes)
	}
	if n := len(res.Document.Programmes[0].FinanceLines); n != 3 {
		t.Errorf("%d lines, want the 3 of 6.1", n)
	}

	// A row with more amounts than columns.
	res = read(cellLines("Programma 6 Sociaal domein", "(bedragen x € 1.000)", "2022", "2023",
		"Lasten", "6.1", "Samenkracht en burgerparticipatie", "100", "110", "120",
		"6.3", "Inkomensregelingen", "200", "210"))
	if !hasNote(res.Report.Notes, grip.SeverityWarning, "3 bedragen", "2 kolommen", "100 110 120") {
		t.Errorf("long row not reported: %+v", res.Report.Notes)
	}
	if n := len(res.Document.Programmes[0].FinanceLines); n != 2 {
		t.Errorf("%d lines, want the 2 of 6.3", n)
	}

	// A "|" row with its empty cells at the end and no total to check.
	res = read("Programma 6 Sociaal domein\n(bedragen x € 1.000) | 2022 | 2023 | 2024 |\n6.1 Samenkracht en burgerparticipatie | -10 | -11 | -12 |\n6.3 Inkomensregelingen | -20 | -21 | |\n")
	if !hasNote(res.Report.Notes, grip.SeverityWarning, "verschoven", "6.3 Inkomensregelingen") {
		t.Errorf("padded row not reported: %+v", res.Report.Notes)
	}

	// Two placements fit the subtotal: reported, not guessed.
	res = read(cellLines("Programma 6 Sociaal domein", "(bedragen x € 1.000)", "2022", "2023",
		"Baten", "6.1", "Samenkracht en burgerparticipatie", "5",
		"6.3", "Inkomensregelingen", "5",
		"Subtotaal Baten", "5", "5"))
	if !hasNote(res.Report.Notes, grip.SeverityWarning, "1 bedragen", "6.1 Samenkracht") || !hasNote(res.Report.Notes, grip.SeverityWarning, "1 bedragen", "6.3 Inkomensregelingen") {
		t.Errorf("ambiguous rows not reported: %+v", res.Report.Notes)
	}

	// A saldo-only table with nothing to learn the sign from.
	res = read(cellLines("Programma 6 Sociaal domein", "Taakveld (bedragen x € 1.000)", "2022", "2023",
		"6.1 Samenkracht en burgerparticipatie", "-100", "-110"))
	if !hasNote(res.Report.Notes, grip.SeverityWarning, "teken van het saldo niet vast te stellen") {
		t.Errorf("unknown saldo sign not reported: %+v", res.Report.Notes)
	}

	// Rows numbered by the gemeente itself (7.1 is Volksgezondheid in Iv3).
	res = read(cellLines("Programma 7 Sociaal domein", "(bedragen x € 1.000)", "2022", "2023",
		"Lasten", "7.1 Maatschappelijke ondersteuning", "-100", "-110",
		"7.2 Kwetsbare groepen", "-50", "-60"))
	if !hasNote(res.Report.Notes, grip.SeverityWarning, "eigen nummering", "7.1") || len(res.Document.Programmes[0].FinanceLines) != 0 {
		t.Errorf("own numbering taken as Iv3: %d lines, notes %+v", len(res.Document.Programmes[0].FinanceLines), res.Report.Notes)
	}
}

// TestMultCaptions: the spellings of "amounts in thousands".
func TestMultCaptions(t *testing.T) {
	for _, s := range []string{"(bedragen x € 1.000)", "Bedragen x € 1.000", "(x € 1.000)", "Bedragen in € 1.000", "(€ x 1.000)", "bedragen * 1.000", "x 1000", "Bedragen in duizenden euro's", "Taakveld (bedragen x € 1.000)", "(x €1.000)"} {
		if !multCaption(s) {
			t.Errorf("%q not read as thousands", s)
		}
	}
	for _, s := range []string{"Begroting 2021", "1.000 inwoners", "Lasten"} {
		if multCaption(s) {
			t.Errorf("%q read as thousands", s)
		}
	}
}

func TestCountYears(t *testing.T) {
	for s, want := range map[string]int{"Rekening 2020 | Begroting 2021 | 2022": 3, "12021 2019": 1, "1975 2099 20x1": 1, "": 0, "2021": 1} {
		if got := countYears(s, 5); got != want {
			t.Errorf("countYears(%q) = %d, want %d", s, got, want)
		}
	}
}

// BenchmarkReadShapes parses the six finance-shape fixtures (tables one
// cell per line and with "|" rows).
func BenchmarkReadShapes(b *testing.B) {
	opt := Options{Org: "GM9990", OrgName: "Lindewaard", Taakvelden: catalog(b)}
	var files [][]byte
	size := 0
	for _, s := range shapes {
		data := readTestdata(b, s.file)
		files = append(files, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range files {
			if _, err := Read(shapes[i].file, data, opt); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestHeadingAfterFinance: a page that starts with its finance table and
// names its programme only above the explanation of the variances is one
// programme, and a programme with only variance lines is not dropped.
func TestHeadingAfterFinance(t *testing.T) {
	text := strings.Join([]string{"Wat heeft het gekost?", "(bedragen x € 1.000)", "Begroting 2022", "Rekening 2022",
		"6.1 Samenkracht en burgerparticipatie", "-100", "-90", "Totaal", "-100", "-90",
		"PROGRAMMA 6 SOCIAAL DOMEIN", "-/- = nadeel", "6.1 Samenkracht en burgerparticipatie",
		"Minder inhuur", "10.000", "Totaal", "10.000"}, "\n\n")
	res, err := Read("lindewaard-jaarverslag-2022.txt", []byte(text), Options{Org: "GM9990", OrgName: "Lindewaard", Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Document
	if len(d.Programmes) != 1 {
		t.Fatalf("%d programmes", len(d.Programmes))
	}
	p := d.Programmes[0]
	if p.Number != "6" || len(p.FinanceLines) != 2 || len(p.VarianceLines) != 1 || p.VarianceLines[0].Amount != 1_000_000 || p.VarianceLines[0].Taakveld != "6.1" {
		t.Errorf("programme %q: %d lines, variances %+v", p.Number, len(p.FinanceLines), p.VarianceLines)
	}
	for _, n := range res.Report.Notes {
		if n.Severity == grip.SeverityWarning && !strings.Contains(n.Message, "teken van het saldo niet vast te stellen") {
			t.Errorf("warning: %+v", n)
		}
	}
}

// TestNumberedGoalTree: a goal tree printed as a table with numbered cells
// that ran together ("P4 1. … P4 1.1 … 1.1.1 - …").
func TestNumberedGoalTree(t *testing.T) {
	name := "numbered-doelenboom-jaarverslag.txt"
	res, err := Read(name, readTestdata(t, name), Options{Org: "GM9990", OrgName: "Lindewaard", Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Report.Counts
	if c.Themes != 2 || c.Goals != 3 || c.Activities != 5 || c.ActivityLinks != 6 {
		t.Errorf("counts %+v", c)
	}
	p := res.Document.Programmes[0]
	if len(p.Goals) != 2 || p.Goals[0].Title != "Inwoners redden zich op eigen kracht" || len(p.Goals[0].Children) != 2 || p.Goals[0].Children[1].Title != "Schulden voorkomen" {
		t.Errorf("goals %+v", p.Goals)
	}
	var respijt *grip.Activity
	for i, a := range p.Activities {
		if strings.Contains(a.Title, "respijtzorg") {
			respijt = &p.Activities[i]
		}
	}
	if respijt == nil || len(respijt.GoalKeys) != 2 || !strings.HasSuffix(respijt.Title, "1.000 inwoners per jaar") {
		t.Errorf("respijtzorg activity %+v", respijt)
	}
	if got := strings.Join(res.Organisation.Settings.LevelNames, "|"); !strings.HasPrefix(got, "kerndoel|operationeel doel") {
		t.Errorf("level names %q", got)
	}
	if err := grip.ValidateDocument(res.Document, catalog(t)); err != nil {
		t.Error(err)
	}
}
