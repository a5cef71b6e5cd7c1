package grip_test

import (
	"math"
	"strings"
	"testing"

	"grip"
	"grip/iv3"
	"grip/store/storetest"
)

func TestValidateDocument(t *testing.T) {
	cat, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if err := grip.ValidateDocument(storetest.Document("GM0183", grip.KindKadernota, 2020, 2), cat); err != nil {
		t.Fatalf("valid document: %v", err)
	}
	for _, tc := range []struct {
		name   string
		change func(d *grip.Document)
		want   []string
	}{
		{"duplicate proposal year", func(d *grip.Document) {
			d.Programmes[0].Proposals[3].Amounts[1].Year = d.Programmes[0].Proposals[3].Amounts[0].Year
		},
			[]string{"programmes[0].proposals[3].amounts[1].year", "twee keer"}},
		{"unknown taakveld", func(d *grip.Document) { d.Programmes[0].FinanceLines[1].Taakveld = "6.71a" },
			[]string{"programmes[0].finance_lines[1].taakveld", `"6.71a"`, "boekjaar 2020", "Iv3-taakveldenlijst"}},
		{"taakveld of another year", func(d *grip.Document) { d.Iv3Year = 2023; d.Programmes[0].FinanceLines[0].Taakveld = "6.81" },
			[]string{}},
		{"no list for year", func(d *grip.Document) { d.Iv3Year = 2099 }, []string{"geen officiële Iv3-taakveldenlijst", "2099"}},
		{"duplicate goal key", func(d *grip.Document) { d.Programmes[0].Goals[1].Children[0].Key = "t1" },
			[]string{"programmes[0].goals[1].children[0].key", `"t1"`, "programmes[0].goals[0]"}},
		{"duplicate programme key", func(d *grip.Document) { d.Programmes[1].Key = "p6" }, []string{"programmes[1].key"}},
		{"unknown goal link", func(d *grip.Document) { d.Programmes[0].Activities[2].GoalKeys[1] = "nope" },
			[]string{"programmes[0].activities[2].goal_keys[1]", `"nope"`}},
		{"goal of another programme", func(d *grip.Document) { d.Programmes[1].Activities[0].GoalKeys = []string{"t1.d1"} },
			[]string{"programmes[1].activities[0].goal_keys[0]"}},
		{"unknown reserve", func(d *grip.Document) { d.Programmes[0].Proposals[0].FundingReserve = "x" },
			[]string{"programmes[0].proposals[0].funding_reserve"}},
		{"unknown proposal", func(d *grip.Document) { d.Programmes[0].Reserves[0].Mutations[0].ProposalKey = "x" },
			[]string{"programmes[0].reserves[0].mutations[0].proposal_key"}},
		{"unknown activity", func(d *grip.Document) { d.Programmes[0].Progress[1].ActivityKey = "x" },
			[]string{"programmes[0].progress[1].activity_key"}},
		{"unknown variance goal", func(d *grip.Document) { d.Programmes[0].VarianceLines[0].GoalKey = "x" },
			[]string{"programmes[0].variance_lines[0].goal_key"}},
		{"bad kind", func(d *grip.Document) { d.Kind = "begrooting" }, []string{"kind", "begrooting", "kadernota"}},
		{"bad status", func(d *grip.Document) { d.Status = "klaar" }, []string{"status"}},
		{"bad stage and side", func(d *grip.Document) {
			d.Programmes[0].FinanceLines[0].Stage = "x"
			d.Programmes[0].FinanceLines[0].Side = "y"
		},
			[]string{"finance_lines[0].stage", "finance_lines[0].side"}},
		{"saldo line valid", func(d *grip.Document) {
			d.Programmes[0].FinanceLines = append(d.Programmes[0].FinanceLines, grip.FinanceLine{Key: "s1", Taakveld: "6.3",
				Side: grip.SaldoSide, Stage: grip.StageMeerjarenraming, Year: 2030, Amount: -884_300_000})
			d.Programmes[0].Totals = []grip.PrintedTotal{{Stage: grip.StageMeerjarenraming, Year: 2030, Amount: -884_300_000}}
		}, []string{}},
		{"saldo next to lasten", func(d *grip.Document) {
			f := d.Programmes[0].FinanceLines[0]
			f.Key, f.Side = "s1", grip.SaldoSide
			d.Programmes[0].FinanceLines = append(d.Programmes[0].FinanceLines, f)
		}, []string{"finance_lines[8].side", "al lasten of baten", "finance_lines[0]"}},
		{"bad total", func(d *grip.Document) {
			d.Programmes[0].Totals = []grip.PrintedTotal{{Stage: "x", Year: 2020, Side: "netto"}}
		}, []string{"totals[0].side", "totals[0].stage"}},
		{"bad unit", func(d *grip.Document) { d.Programmes[0].Indicators[0].Unit = "procent" }, []string{"indicators[0].unit"}},
		{"bad measurement", func(d *grip.Document) { d.Programmes[0].Indicators[0].Measurements[1].Kind = "x" },
			[]string{"indicators[0].measurements[1].kind"}},
		{"year out of range", func(d *grip.Document) { d.Year = 20201 }, []string{"year", "20201"}},
		{"missing key", func(d *grip.Document) { d.Programmes[0].Developments[0].Key = "" }, []string{"developments[0].key", "ontbreekt"}},
		{"bad date", func(d *grip.Document) { d.AdoptedOn = "2-7-2019" }, []string{"adopted_on", "JJJJ-MM-DD"}},
		{"NUL in text", func(d *grip.Document) { d.Programmes[0].Goals[2].Children[1].Title = "a\x00b" },
			[]string{"programmes[0].goals[2].children[1].title", "NUL"}},
		{"invalid UTF-8", func(d *grip.Document) { d.Source.Notes[1].Message = "\xff" }, []string{"source.notes[1].message", "UTF-8"}},
		{"NaN", func(d *grip.Document) { nan := math.NaN(); d.Programmes[0].Indicators[1].Measurements[0].Value = &nan },
			[]string{"indicators[1].measurements[0].value", "eindig"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := storetest.Document("GM0183", grip.KindKadernota, 2020, 1)
			tc.change(d)
			err := grip.ValidateDocument(d, cat)
			if len(tc.want) == 0 {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			if grip.ErrorCode(err) != grip.EInvalid {
				t.Fatalf("got %v, want an invalid error", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message lacks %q:\n%s", w, err)
				}
			}
		})
	}
	d := storetest.Document("GM0183", grip.KindKadernota, 2020, 1)
	d.Programmes[0].Proposals[0].Amounts[1].Year = 2020
	err = grip.ValidateDocumentAt(d, cat, "documents[4]")
	if !strings.Contains(grip.ErrorMessage(err), "documents[4].programmes[0].proposals[0].amounts[1].year") {
		t.Errorf("ValidateDocumentAt: %v", err)
	}
}
