package analysis

import (
	"fmt"
	"strings"
	"testing"

	"grip"
	"grip/demo"
	"grip/iv3"
)

func catalog(t testing.TB) *iv3.Catalog {
	t.Helper()
	c, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fp(v float64) *float64 { return &v }

// sample is a small begroting with one of each problem Check looks for.
func sample() *grip.Document {
	return &grip.Document{
		Organisation: "GM0164", Kind: grip.KindBegroting, Year: 2019, Title: "Begroting 2019",
		Source: &grip.Source{FileName: "x.txt", Notes: []grip.SourceNote{{Line: 7, Severity: grip.SeverityWarning, Message: "tabel niet gelezen"}}},
		Programmes: []grip.Programme{{
			Key: "p6", Title: "Sociaal domein",
			Goals: []grip.Goal{
				{Key: "t1", Title: "Jeugd", Children: []grip.Goal{{Key: "g1", Title: "Kinderen groeien veilig op", Line: 10}, {Key: "g2", Title: "Minder jeugdhulp", Line: 11}}},
				{Key: "t2", Title: "Werk", Children: []grip.Goal{{Key: "g3", Title: "Meer mensen aan het werk", Line: 20}}},
			},
			Activities: []grip.Activity{
				{Key: "a1", Title: "Versterken sociale infrastructuur/voorliggend veld", GoalKeys: []string{"g1"}, Line: 30},
				{Key: "a2", Title: "Verstevigen sociale infrastructuur/voorliggend veld", GoalKeys: []string{"g2"}, Line: 31},
				{Key: "a3", Title: "Schuldhulpverlening uitbreiden", GoalKeys: []string{"g3"}, Line: 32},
			},
			Proposals: []grip.Proposal{
				{Key: "v1", Title: "Scheidingsloket", Funding: "dekking reserve Sociaal Domein", FundingReserve: "rsd",
					Amounts: []grip.ProposalAmount{{Year: 2020, Amount: grip.Euros(50_000)}}, GoalKeys: []string{"g1"}, Line: 40},
				{Key: "v2", Title: "Actieplan laaggeletterdheid", Amounts: []grip.ProposalAmount{{Year: 2020, Amount: grip.Euros(25_000)}, {Year: 2020, Amount: grip.Euros(30_000)}}, Line: 41},
			},
			Indicators: []grip.Indicator{
				{Key: "i1", Name: "Aantal banen per 1.000 inwoners", GoalKeys: []string{"g3"}, Direction: grip.HigherIsBetter, Line: 50,
					Measurements: []grip.Measurement{{Year: 2017, Kind: grip.Realised, Value: fp(868.8)}, {Year: 2019, Kind: grip.Planned, Value: fp(900)}}},
				{Key: "i2", Name: "Jongeren met jeugdhulp (%)", GoalKeys: []string{"g2"}, Line: 51,
					Measurements: []grip.Measurement{{Year: 2016, Kind: grip.Realised, Value: fp(9.5), Raw: "9,5%"}}},
				{Key: "i3", Name: "Jongeren met jeugdhulp (%)", GoalKeys: []string{"g2"}, Line: 52,
					Measurements: []grip.Measurement{{Year: 2016, Kind: grip.Realised, Value: fp(8.6), Raw: "8,6%"}}},
			},
			FinanceLines: []grip.FinanceLine{
				{Key: "f1", Taakveld: "6.1", Side: grip.Lasten, Stage: grip.StagePrimitief, Year: 2019, Amount: grip.Euros(12_075_000), Line: 60},
				{Key: "f2", Taakveld: "6.1", Side: grip.Baten, Stage: grip.StagePrimitief, Year: 2019, Amount: grip.Euros(741_000), Line: 60},
				{Key: "f3", Taakveld: "6.2", Side: grip.Lasten, Stage: grip.StagePrimitief, Year: 2019, Amount: grip.Euros(4_385_000), Line: 61},
				{Key: "f4", Taakveld: "6.2", Side: grip.Lasten, Stage: grip.StageMeerjarenraming, Year: 2020, Amount: grip.Euros(6_131_000), Line: 61},
				{Key: "f5", Taakveld: "6.99", Side: grip.Lasten, Stage: grip.StagePrimitief, Year: 2019, Amount: grip.Euros(1_000), Line: 62},
			},
			Totals: []grip.PrintedTotal{
				{Stage: grip.StagePrimitief, Year: 2019, Side: grip.Lasten, Amount: grip.Euros(16_000_000), Label: "Totaal programma", Line: 63},
				{Stage: grip.StagePrimitief, Year: 2019, Side: grip.Baten, Amount: grip.Euros(741_000), Label: "Totaal programma", Line: 63},
				{Stage: grip.StagePrimitief, Year: 2019, Amount: -grip.Euros(15_719_000), Label: "Totaal programma", Line: 63},
			},
			VarianceLines: []grip.VarianceLine{
				{Key: "d1", Title: "Jeugd", Amount: -grip.Euros(2_429_339), Line: 70},
				{Key: "d2", Title: "Werk", Amount: grip.Euros(100_000), Line: 71},
				{Key: "d3", Title: "Totaal", Amount: -grip.Euros(2_000_000), Total: true, Line: 72},
			},
		}},
	}
}

func codes(fs []Finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[f.Code]++
	}
	return m
}

func TestCheckSample(t *testing.T) {
	doc := sample()
	fs := Check(doc, grip.Organisation{Code: "GM0164", Name: "Hengelo"}, catalog(t))
	got := codes(fs)
	want := map[string]int{
		CodeImportNote: 1, CodeTotalMismatch: 1, CodeSaldoMismatch: 1, CodeVarianceTotal: 1, CodeYearJump: 1,
		CodeNearDuplicate: 1, CodeIndicatorRepeated: 1, CodeYearTwice: 1, CodeGoalNoIndicator: 1,
		CodeNoTarget: 2, CodeNoFunding: 1, CodeTaakveldInvalid: 1, CodeThemeNoMoney: 1,
	}
	for code, n := range want {
		if got[code] != n {
			t.Errorf("%s: %d findings, want %d", code, got[code], n)
		}
	}
	// Of the 11 mandatory indicators, the sample has Banen and Jongeren met jeugdhulp.
	if got[CodeMandatoryMissing] != 9 {
		t.Errorf("mandatory missing = %d, want 9", got[CodeMandatoryMissing])
	}
	if !HasErrors(fs) || fs[0].Severity != grip.SeverityError {
		t.Errorf("want errors first, got %+v", fs[0])
	}
	for _, f := range fs {
		if f.Code == CodeNearDuplicate {
			if f.Place.Key != "a1" || f.Place.Line != 30 || !strings.Contains(f.Message, "Verstevigen") {
				t.Errorf("near duplicate finding = %+v", f)
			}
		}
		if f.Code == CodeTotalMismatch && !strings.Contains(f.Message, "€ 16.461.000") {
			t.Errorf("total finding = %s", f.Message)
		}
		if f.Code == CodeGoalNoIndicator && f.Place.Key != "g1" {
			t.Errorf("goal without indicator = %+v, want g1", f.Place)
		}
		if f.Message == "" || f.Place.Document != "begroting-2019" {
			t.Errorf("finding without message or document: %+v", f)
		}
	}
}

func TestCheckCleanDocumentHasNoErrors(t *testing.T) {
	doc := sample()
	p := &doc.Programmes[0]
	p.Totals = nil
	p.VarianceLines = nil
	p.FinanceLines = p.FinanceLines[:3]
	p.Proposals = p.Proposals[:1]
	doc.Source = nil
	fs := Check(doc, grip.Organisation{}, catalog(t))
	if HasErrors(fs) {
		t.Errorf("unexpected errors: %+v", fs)
	}
}

func TestSimilarity(t *testing.T) {
	a, b := "Versterken sociale infrastructuur/voorliggend veld", "Verstevigen sociale infrastructuur/voorliggend veld"
	if s := Similarity(a, b); s < NearDuplicateThreshold {
		t.Errorf("Similarity = %.2f, want ≥ %.2f", s, NearDuplicateThreshold)
	}
	if s := Similarity(a, "Versterken voorliggend veld"); s >= NearDuplicateThreshold {
		t.Errorf("different titles similar: %.2f", s)
	}
	if s := Similarity("Scheidingsloket", "scheidingsloket!"); s != 1 {
		t.Errorf("normalised equal titles: %.2f", s)
	}
}

func TestVariance(t *testing.T) {
	p := &grip.Programme{Key: "p6",
		FinanceLines: []grip.FinanceLine{
			{Taakveld: "6.72", Side: grip.Lasten, Stage: grip.StageNaWijziging, Year: 2021, Amount: grip.Euros(10_000_000)},
			{Taakveld: "6.72", Side: grip.Lasten, Stage: grip.StageRealisatie, Year: 2021, Amount: grip.Euros(12_429_339)},
			{Taakveld: "6.3", Side: grip.Baten, Stage: grip.StageNaWijziging, Year: 2021, Amount: grip.Euros(40_000_000)},
			{Taakveld: "6.3", Side: grip.Baten, Stage: grip.StageRealisatie, Year: 2021, Amount: grip.Euros(40_010_000)},
		},
		VarianceLines: []grip.VarianceLine{{Taakveld: "6.72", Title: "Jeugd", Amount: -grip.Euros(2_429_339), Explanation: "Meer jeugdigen met een indicatie."}},
	}
	r := Variance(p, 2021, grip.StageNaWijziging, grip.StageRealisatie, grip.Euros(25_000))
	if len(r.Rows) != 2 {
		t.Fatalf("rows = %+v", r.Rows)
	}
	bySide := map[string]VarianceRow{}
	for _, row := range r.Rows {
		bySide[row.Taakveld] = row
	}
	j := bySide["6.72"]
	if j.Effect != -grip.Euros(2_429_339) || j.VN != "N" || !j.NeedsExplanation || j.Missing || j.Explanation == "" {
		t.Errorf("6.72 row = %+v", j)
	}
	w := bySide["6.3"]
	if w.Effect != grip.Euros(10_000) || w.VN != "V" || w.NeedsExplanation {
		t.Errorf("6.3 row = %+v", w)
	}
	if r.Effect != r.ToSaldo-r.FromSaldo || r.Effect != -grip.Euros(2_419_339) {
		t.Errorf("effect %v, saldi %v → %v", r.Effect, r.FromSaldo, r.ToSaldo)
	}
	if r.Printed == nil || !r.Printed.AddsUp {
		t.Errorf("printed = %+v", r.Printed)
	}
}

func TestReserveForecast(t *testing.T) {
	doc := &grip.Document{Kind: grip.KindKadernota, Year: 2020, Programmes: []grip.Programme{{
		Key: "p",
		Reserves: []grip.Reserve{{Key: "rsd", Name: "reserve Sociaal Domein", BalanceYear: 2020, Balance: grip.Euros(100_000),
			Mutations: []grip.ReserveMutation{{Year: 2021, Amount: grip.Euros(10_000), Description: "storting"}}}},
		Proposals: []grip.Proposal{
			{Key: "v1", Title: "Scheidingsloket", FundingReserve: "rsd", Amounts: []grip.ProposalAmount{{Year: 2020, Amount: grip.Euros(50_000)}}},
			{Key: "v2", Title: "Laaggeletterdheid", FundingReserve: "rsd", Amounts: []grip.ProposalAmount{
				{Year: 2020, Amount: grip.Euros(25_000)}, {Year: 2021, Amount: grip.Euros(25_000)}, {Year: 2022, Amount: grip.Euros(25_000), FromReserve: grip.Euros(20_000)}}},
			{Key: "v3", Title: "Elders gedekt", Funding: "algemene middelen", Amounts: []grip.ProposalAmount{{Year: 2020, Amount: grip.Euros(1_000_000)}}},
		},
	}}}
	fs := ReserveForecasts(doc)
	if len(fs) != 1 {
		t.Fatalf("forecasts = %d", len(fs))
	}
	f := fs[0]
	var ends []string
	for _, y := range f.Years {
		ends = append(ends, fmt.Sprintf("%d:%d", y.Year, y.End/100))
	}
	if got := strings.Join(ends, " "); got != "2020:25000 2021:10000 2022:-10000" {
		t.Errorf("ends = %s", got)
	}
	if f.RunsOut != 2022 || !strings.Contains(f.Conclusion, "2022") || len(f.Chart) != 3 {
		t.Errorf("forecast = %+v", f)
	}
}

func TestReserveUnknownBalance(t *testing.T) {
	doc := &grip.Document{Kind: grip.KindKadernota, Year: 2020, Programmes: []grip.Programme{{Key: "p",
		Reserves:  []grip.Reserve{{Key: "rsd", Name: "reserve Sociaal Domein"}},
		Proposals: []grip.Proposal{{Key: "v1", Title: "Scheidingsloket", FundingReserve: "rsd", Amounts: []grip.ProposalAmount{{Year: 2020, Amount: grip.Euros(50_000)}, {Year: 2021, Amount: grip.Euros(25_000)}}}},
	}}}
	f := ReserveForecasts(doc)[0]
	if f.BalanceKnown || f.RunsOut != 0 || !strings.Contains(f.Conclusion, "€ 75.000") || !strings.Contains(f.Conclusion, "2020-2021") {
		t.Errorf("forecast = %+v", f)
	}
}

func TestIndicatorStatus(t *testing.T) {
	cases := []struct {
		r, p float64
		d    grip.Direction
		want Status
	}{
		{910, 900, grip.HigherIsBetter, StatusOnTrack},
		{850, 900, grip.HigherIsBetter, StatusAttention},
		{700, 900, grip.HigherIsBetter, StatusOffTrack},
		{5.0, 5.8, grip.LowerIsBetter, StatusOnTrack},
		{6.2, 5.8, grip.LowerIsBetter, StatusAttention},
		{8, 5.8, grip.LowerIsBetter, StatusOffTrack},
		{101, 100, "", StatusOnTrack},
		{96, 100, "", StatusOnTrack},
		{92, 100, "", StatusDeviation},
		{50, 100, "", StatusDeviation},
		{150, 100, "", StatusDeviation},
	}
	for _, c := range cases {
		if got := Assess(c.r, c.p, c.d); got != c.want {
			t.Errorf("Assess(%v, %v, %q) = %s, want %s", c.r, c.p, c.d, got, c.want)
		}
	}
	in := &grip.Indicator{Key: "i", Name: "Bijstand", Direction: grip.LowerIsBetter, Measurements: []grip.Measurement{
		{Year: 2017, Kind: grip.Realised, Value: fp(506)}, {Year: 2018, Kind: grip.Realised, Value: fp(497)},
		{Year: 2018, Kind: grip.Planned, Value: fp(480)}, {Year: 2019, Kind: grip.Planned, Word: "n.n.b."}}}
	begroting := Indicator(&grip.Indicator{Key: "b", Name: "Re-integratietrajecten", Direction: grip.HigherIsBetter, Measurements: []grip.Measurement{
		{Year: 2017, Kind: grip.Realised, Value: fp(212)}, {Year: 2018, Kind: grip.Planned, Value: fp(300)}, {Year: 2019, Kind: grip.Planned, Value: fp(300)}}})
	if begroting.Status != StatusOffTrack || begroting.StatusYear != 2018 || begroting.StatusBasis != "realisatie 2017 tegen streefwaarde 2018" {
		t.Errorf("begroting indicator = %+v", begroting)
	}
	r := Indicator(in)
	if r.Status != StatusAttention || r.StatusYear != 2018 || r.Trend != "dalend" || r.Better == nil || !*r.Better || len(r.Years) != 3 {
		t.Errorf("report = %+v", r)
	}
}

func TestGripView(t *testing.T) {
	doc := sample()
	doc.Programmes[0].Indicators[0].Measurements = append(doc.Programmes[0].Indicators[0].Measurements,
		grip.Measurement{Year: 2019, Kind: grip.Realised, Value: fp(700)})
	v := GripView(doc, grip.Organisation{Settings: grip.OrgSettings{LevelNames: []string{"doelenboom", "doel"}}})
	if len(v) != 1 || len(v[0].Themes) != 2 {
		t.Fatalf("view = %+v", v)
	}
	werk := v[0].Themes[1]
	if werk.Level != "doelenboom" || werk.Status != StatusOffTrack || werk.Children[0].Level != "doel" || len(werk.Children[0].Activities) != 1 {
		t.Errorf("theme Werk = %+v", werk)
	}
	jeugd := v[0].Themes[0]
	if jeugd.Children[0].Money == nil || jeugd.Children[0].Money.Proposals[2020] != grip.Euros(50_000) {
		t.Errorf("goal g1 money = %+v", jeugd.Children[0].Money)
	}
}

func demoRows(t testing.TB, year int, basis grip.Iv3Basis) []grip.Iv3Row {
	t.Helper()
	dss, err := demo.Iv3Datasets()
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range dss {
		if ds.Year != year || ds.Basis != basis {
			continue
		}
		mun := map[string]grip.Iv3Municipality{}
		for _, m := range ds.Municipalities {
			mun[m.Code] = m
		}
		rows := make([]grip.Iv3Row, 0, len(ds.Figures))
		for _, f := range ds.Figures {
			rows = append(rows, grip.Iv3Row{Year: year, Basis: basis, Iv3Municipality: mun[f.Organisation],
				Taakveld: f.Taakveld, Lasten: f.Lasten, Baten: f.Baten})
		}
		return rows
	}
	t.Fatalf("no demo dataset %d %s", year, basis)
	return nil
}

func TestCompareHengeloSizeClass(t *testing.T) {
	tv := catalog(t)
	rows := demoRows(t, 2023, grip.Iv3Begroting)
	jr := demoRows(t, 2023, grip.Iv3Jaarrekening)
	q := CompareQuery{Org: "GM0164", Taakveld: "6.72", Year: 2023, Basis: grip.Iv3Begroting, Set: SetSizeClass}
	c, err := Compare(q, rows, jr, tv)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Comparable || len(c.Codes) != 5 {
		t.Fatalf("codes = %+v, comparable %v", c.Codes, c.Comparable)
	}
	// Hengelo 2023 begroting 6.72 + 6.72a..d: 0 + 3.831 + 3.842 + 3.302 + 1.256 = 12.231 (× € 1.000); 82.311 inwoners.
	if c.Org == nil || c.Org.Amount != grip.Euros(12_231_000) || c.Org.PerInhabitant != perInhabitant(grip.Euros(12_231_000), 82311) {
		t.Fatalf("org = %+v", c.Org)
	}
	if c.Org.PerInhabitant != 14859 { // € 148,59
		t.Errorf("per inhabitant = %v, want € 148,59", c.Org.PerInhabitant)
	}
	if c.SetLabel != "gemeenten met 50.000 tot 100.000 inwoners" || c.Count < 50 || c.Count > 100 {
		t.Errorf("set %q count %d", c.SetLabel, c.Count)
	}
	if !(c.Min <= c.Q1 && c.Q1 <= c.Median && c.Median <= c.Q3 && c.Q3 <= c.Max) {
		t.Errorf("quartiles out of order: %v %v %v %v %v", c.Min, c.Q1, c.Median, c.Q3, c.Max)
	}
	if c.Org.Rank < 1 || c.Org.Rank > c.Count || c.Other == nil || c.Other.Basis != grip.Iv3Jaarrekening {
		t.Errorf("rank %d of %d, other %+v", c.Org.Rank, c.Count, c.Other)
	}
	all, err := Compare(CompareQuery{Org: "GM0164", Taakveld: "6.1", Year: 2023, Basis: grip.Iv3Begroting}, rows, nil, tv)
	if err != nil {
		t.Fatal(err)
	}
	if all.Count != 342 || all.Org.Amount != grip.Euros(12_782_000) {
		t.Errorf("all: count %d, Hengelo 6.1 %v", all.Count, all.Org.Amount)
	}
}

func TestCompareNotComparable(t *testing.T) {
	tv := catalog(t)
	rows := demoRows(t, 2025, grip.Iv3Begroting)
	c, err := Compare(CompareQuery{Org: "GM0164", Taakveld: "6.72", Year: 2025, Basis: grip.Iv3Begroting}, rows, nil, tv)
	if err != nil {
		t.Fatal(err)
	}
	if c.Comparable || c.Count != 0 || !strings.Contains(c.Note, "bestaat niet") || !strings.Contains(c.Note, "6.711") {
		t.Errorf("comparison = %+v", c)
	}
	s := Series(tv, "6.2", []int{2022, 2023, 2024, 2025})
	if !s[0].Comparable || s[1].Comparable || s[3].Comparable {
		t.Errorf("series 6.2 = %+v", s)
	}
	s = Series(tv, "6.3", []int{2023, 2024, 2025})
	for _, y := range s {
		if !y.Comparable {
			t.Errorf("6.3 not comparable in %d: %s", y.Year, y.Note)
		}
	}
}

func TestQuantile(t *testing.T) {
	v := []grip.Cents{1, 2, 3, 4, 5}
	if quantile(v, 1) != 2 || quantile(v, 2) != 3 || quantile(v, 3) != 4 {
		t.Errorf("quartiles of 1..5 = %v %v %v", quantile(v, 1), quantile(v, 2), quantile(v, 3))
	}
	v = []grip.Cents{10, 20, 30, 40}
	if quantile(v, 2) != 25 || quantile(v, 1) != 18 { // 17.5 rounds to 18
		t.Errorf("quartiles of 10..40 = %v %v", quantile(v, 1), quantile(v, 2))
	}
}

func TestRewording(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Versterken sociale infrastructuur/voorliggend veld", "Verstevigen sociale infrastructuur/voorliggend veld", true},
		{"Aanbesteden van buurthuizen in West", "Aanbesteden van buurthuizen in Noord", false},
		{"Inkoop jeugdhulp 2020", "Inkoop jeugdhulp 2021", false},
		{"Verlenging innovatiefonds voor 1 jaar", "Verlengen innovatiefonds voor 1 jaar", true},
	} {
		pairs := similarPairs([]string{c.a, c.b}, 0.7)
		if got := len(pairs) == 1; got != c.want {
			t.Errorf("%q / %q: near-duplicate %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
