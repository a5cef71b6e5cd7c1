package analysis

import (
	"strings"
	"testing"

	"grip"
	"grip/importer"
)

// saldoDoc is a begroting whose meerjarenraming gives only the saldo per
// taakveld, as Hengelo's does, with the printed totals.
func saldoDoc() *grip.Document {
	l := func(key, tv string, side grip.Side, st grip.MoneyStage, y int, euros int64) grip.FinanceLine {
		return grip.FinanceLine{Key: key, Taakveld: tv, Side: side, Stage: st, Year: y, Amount: grip.Euros(euros), Line: 10}
	}
	return &grip.Document{Organisation: "GM0164", Kind: grip.KindBegroting, Year: 2019, Title: "Begroting 2019",
		Programmes: []grip.Programme{{Key: "p6", Title: "Sociaal domein",
			FinanceLines: []grip.FinanceLine{
				l("a", "6.3", grip.Lasten, grip.StagePrimitief, 2019, 51_913_000),
				l("b", "6.3", grip.Baten, grip.StagePrimitief, 2019, 43_374_000),
				l("c", "6.3", grip.SaldoSide, grip.StageMeerjarenraming, 2020, -8_843_000),
				l("d", "6.3", grip.SaldoSide, grip.StageMeerjarenraming, 2021, -9_177_000),
				l("e", "6.2", grip.Lasten, grip.StagePrimitief, 2019, 4_385_000),
				l("f", "6.2", grip.SaldoSide, grip.StageMeerjarenraming, 2020, -4_131_000),
				l("g", "6.2", grip.SaldoSide, grip.StageMeerjarenraming, 2021, -6_131_000),
			},
			Totals: []grip.PrintedTotal{
				{Stage: grip.StagePrimitief, Year: 2019, Side: grip.Lasten, Amount: grip.Euros(56_298_000), Label: "Totaal programma", Line: 20},
				{Stage: grip.StagePrimitief, Year: 2019, Side: grip.Baten, Amount: grip.Euros(43_374_000), Label: "Totaal programma", Line: 20},
				{Stage: grip.StagePrimitief, Year: 2019, Amount: grip.Euros(-12_924_000), Label: "Totaal programma", Line: 20},
				{Stage: grip.StageMeerjarenraming, Year: 2020, Amount: grip.Euros(-12_974_000), Label: "Totaal programma", Line: 20},
				// Printed wrongly: the lines give -15.308.000.
				{Stage: grip.StageMeerjarenraming, Year: 2021, Side: grip.SaldoSide, Amount: grip.Euros(-14_308_000), Label: "Totaal programma", Line: 20},
			},
		}},
	}
}

// TestSaldoLines: saldo lines count once, with their own sign, in the
// totals, the multi-year series, the variance and the money per goal.
func TestSaldoLines(t *testing.T) {
	d := saldoDoc()
	if err := grip.ValidateDocument(d, catalog(t)); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Check(d, grip.Organisation{}, catalog(t)) {
		switch f.Code {
		case CodeTotalMismatch, CodeSaldoMismatch, CodeYearJump:
			got = append(got, string(f.Severity)+" "+f.Code+": "+f.Message)
		}
	}
	want := []string{
		// 2021's printed saldo is a million off: an error, not rounding.
		"error totaal-klopt-niet: Het saldo (baten - lasten) van de regels van de meerjarenraming 2021 is -€ 15.308.000, maar het gedrukte totaal is -€ 14.308.000 (verschil -€ 1.000.000).",
		// 6.2 goes from -4.131.000 to -6.131.000: a jump of the saldo, not
		// of lasten read as a negative amount.
		"info meerjarige-sprong: Het saldo (baten - lasten) op taakveld 6.2 gaat van -€ 4.131.000 in 2020 naar -€ 6.131.000 in 2021 (-48%). Staat de reden in de tekst? (gemeld bij een verandering van meer dan 25% en meer dan € 100.000)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	p := &d.Programmes[0]
	var mj []grip.FinanceLine
	for _, l := range p.FinanceLines {
		if l.Year == 2020 {
			mj = append(mj, l)
		}
	}
	if s := grip.Saldo(mj); s != grip.Euros(-12_974_000) {
		t.Errorf("Saldo 2020 = %s", s)
	}
	if s := grip.Saldo(p.FinanceLines[:2]); s != grip.Euros(-8_539_000) {
		t.Errorf("Saldo 6.3 2019 = %s", s)
	}

	// Variance between two meerjarenraming years is not asked for; compare
	// a saldo line between stages of one year instead.
	p.FinanceLines = append(p.FinanceLines, grip.FinanceLine{Key: "h", Taakveld: "6.3", Side: grip.SaldoSide,
		Stage: grip.StageRealisatie, Year: 2020, Amount: grip.Euros(-8_000_000)})
	r := Variance(p, 2020, grip.StageMeerjarenraming, grip.StageRealisatie, 0)
	var row *VarianceRow
	for i := range r.Rows {
		if r.Rows[i].Taakveld == "6.3" {
			row = &r.Rows[i]
		}
	}
	if row == nil || row.Side != grip.SaldoSide || row.Effect != grip.Euros(843_000) || row.VN != "V" {
		t.Errorf("6.3 saldo row = %+v; want effect € 843.000 V (a smaller net expense)", row)
	}
	if r.FromSaldo != grip.Euros(-12_974_000) || r.ToSaldo != grip.Euros(-8_000_000) {
		t.Errorf("saldo from %s to %s", r.FromSaldo, r.ToSaldo)
	}

	p.FinanceLines[2].GoalKeys = []string{"t1"}
	p.FinanceLines[0].GoalKeys = []string{"t1"}
	m := MoneyPerGoal(p)["t1"]
	if m == nil || m.Saldo[grip.StageMeerjarenraming][2020] != grip.Euros(-8_843_000) || m.Lasten[grip.StageMeerjarenraming] != nil ||
		m.Lasten[grip.StagePrimitief][2019] != grip.Euros(51_913_000) {
		t.Errorf("money per goal = %+v", m)
	}
}

// TestVarianceTotalOneFinding: a variance table whose lines do not add up
// to the programme total gives one finding (the check), not an importer
// note as well; a taakveld table's total row is checked through Totals.
func TestVarianceTotalOneFinding(t *testing.T) {
	text := "Begroting 2019 gemeente Hengelo\n\nProgramma 6 Sociaal domein\n\nVerschillenanalyse\n\n" +
		"Doelenboom Jeugd N 1.000,00\nDoelenboom Wmo N 500,00\nTotaal programma N 1.400,00\n\n" +
		"LastenBatenSaldo\nTaakveldBegroting 2019Begroting 2019Begroting 2019\n" +
		"6.1 Samenkracht en burgerparticipatie-1.00010-990\n6.5 Arbeidsparticipatie-11111-100\nTotaal-1.12121-1.100\n"
	res, err := importer.Read("x.txt", []byte(text), importer.Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, f := range Check(res.Document, res.Organisation, catalog(t)) {
		got[f.Code] = append(got[f.Code], string(f.Severity)+": "+f.Message)
	}
	if n := len(got[CodeVarianceTotal]); n != 1 {
		t.Errorf("%d variance total findings, want 1: %q", n, got)
	}
	if n := len(got[CodeImportNote]); n != 0 {
		t.Errorf("importer notes: %q", got[CodeImportNote])
	}
	// Lasten 1.111 printed as 1.121 and saldo -1.090 as -1.100: both
	// reported, each once.
	if n := len(got[CodeTotalMismatch]); n != 1 || !strings.Contains(got[CodeTotalMismatch][0], "€ 1.121") {
		t.Errorf("total findings %q", got[CodeTotalMismatch])
	}
	if n := len(got[CodeSaldoMismatch]); n != 0 {
		t.Errorf("saldo findings %q", got[CodeSaldoMismatch])
	}
}
