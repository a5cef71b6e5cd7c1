package analysis

import (
	"strings"
	"testing"

	"grip"
)

func TestMandatoryDefaultDirection(t *testing.T) {
	cases := []struct {
		name      string
		mandatory bool
		own       grip.Direction
		want      grip.Direction
		def       string // the mandatory indicator the default came from
	}{
		{"Personen met een bijstandsuitkering (per 1000 inwoners)", true, "", grip.LowerIsBetter, "Personen met een bijstandsuitkering"},
		{"Aantal banen (per 1000 inwoners in de leeftijd 15-64 jaar)", true, "", grip.HigherIsBetter, "Banen"},
		{"Netto arbeidsparticipatie (Het percentage van de werkzame beroepsbevolking ten opzichte van de beroepsbevolking)", true, "", grip.HigherIsBetter, "Netto arbeidsparticipatie"},
		{"Jeugdwerkloosheid", true, "", grip.LowerIsBetter, "Werkloze jongeren"},
		{"Aantal werkloze jongeren (Percentage werkeloze jongeren 16-22 jaar)", true, "", grip.LowerIsBetter, "Werkloze jongeren"},
		{"Het aantal kinderen in uitkeringsgezinnen (percentage kinderen tot 18 jaar)", true, "", grip.LowerIsBetter, "Kinderen in uitkeringsgezin"},
		{"Jongeren met een delict voor de rechter", true, "", grip.LowerIsBetter, "Jongeren met een delict voor de rechter"},
		// No agreed direction: left unknown.
		{"Jongeren t/m 18 jaar met jeugdhulp", true, "", "", ""},
		{"Wmo-cliënten met een maatwerkarrangement", true, "", "", ""},
		{"Personen met een lopend reïntegratietraject (15-65 jr. per 1000 inw.)", true, "", "", ""},
		// Not marked mandatory: the loose words must not give a direction.
		{"Aantal aanvragen bijzondere bijstand", false, "", "", ""},
		// The document's own direction wins.
		{"Personen met een bijstandsuitkering", true, grip.HigherIsBetter, grip.HigherIsBetter, ""},
	}
	for _, c := range cases {
		in := &grip.Indicator{Name: c.name, Mandatory: c.mandatory, Direction: c.own}
		d, m := IndicatorDirection(in)
		got := ""
		if m != nil {
			got = m.Name
		}
		if d != c.want || got != c.def {
			t.Errorf("%q: direction %q from %q, want %q from %q", c.name, d, got, c.want, c.def)
		}
		rule := IndicatorRule(in)
		switch {
		case c.def != "":
			want := "Richting volgens de verplichte beleidsindicator \"" + c.def + "\": " + directionWords(c.want) + "."
			if !strings.HasPrefix(rule, want) {
				t.Errorf("%q: rule %q, want it to start with %q", c.name, rule, want)
			}
		case c.want == "":
			if !strings.HasPrefix(rule, "Richting onbekend") || !strings.Contains(rule, "grip indicators direction") {
				t.Errorf("%q: rule %q", c.name, rule)
			}
		}
	}
}

func TestIndicatorDefaultJudged(t *testing.T) {
	// Hengelo's bijstand indicator: 497 against 480, lower is better by law.
	in := &grip.Indicator{Key: "b", Name: "Personen met een bijstandsuitkering", Mandatory: true, Unit: grip.UnitPer10000,
		Measurements: []grip.Measurement{
			{Year: 2017, Kind: grip.Realised, Value: fp(506)}, {Year: 2018, Kind: grip.Realised, Value: fp(497)},
			{Year: 2018, Kind: grip.Planned, Value: fp(480)}}}
	r := Indicator(in)
	if r.Status != StatusAttention || r.Direction != grip.LowerIsBetter || !r.DirectionDefault || r.Better == nil || !*r.Better {
		t.Errorf("report = %+v", r)
	}
	if r.Deviation != "3,5% boven de streefwaarde" {
		t.Errorf("deviation = %q", r.Deviation)
	}
	if got := r.StatusText(); got != "aandacht: 3,5% boven de streefwaarde (realisatie en streefwaarde 2018)" {
		t.Errorf("status text = %q", got)
	}
	if got := r.DirectionText(); got != "lager is beter (volgens de verplichte beleidsindicator)" {
		t.Errorf("direction text = %q", got)
	}
	in.Mandatory = false
	r = Indicator(in)
	if r.Status != StatusOnTrack || r.Direction != "" || r.DirectionDefault || r.Better != nil {
		t.Errorf("not mandatory: %+v", r)
	}
}

func TestIndicatorWithoutDirection(t *testing.T) {
	// Twenterand: more applications for bijzondere bijstand than planned is
	// no judgement.
	r := Indicator(&grip.Indicator{Key: "a", Name: "Aantal aanvragen bijzondere bijstand", Unit: grip.UnitCount, GoalKeys: []string{"g"},
		Measurements: []grip.Measurement{{Year: 2018, Kind: grip.Realised, Value: fp(1210)}, {Year: 2019, Kind: grip.Planned, Value: fp(1000)}}})
	if r.Status != StatusDeviation || r.Deviation != "21% boven de streefwaarde" || r.Status.Label() != "afwijking (geen oordeel)" {
		t.Errorf("report = %+v", r)
	}
	if !strings.Contains(r.Rule, "grip indicators direction") {
		t.Errorf("rule = %q", r.Rule)
	}
	// A goal with a deviation and an indicator on track shows the deviation;
	// with one aandacht the aandacht.
	doc := &grip.Document{Programmes: []grip.Programme{{Key: "p", Goals: []grip.Goal{{Key: "g", Title: "Doel"}},
		Indicators: []grip.Indicator{
			{Key: "a", Name: "Aanvragen", GoalKeys: []string{"g"}, Measurements: []grip.Measurement{
				{Year: 2018, Kind: grip.Realised, Value: fp(80)}, {Year: 2018, Kind: grip.Planned, Value: fp(100)}}},
			{Key: "b", Name: "Banen", GoalKeys: []string{"g"}, Direction: grip.HigherIsBetter, Measurements: []grip.Measurement{
				{Year: 2018, Kind: grip.Realised, Value: fp(100)}, {Year: 2018, Kind: grip.Planned, Value: fp(100)}}},
		}}}}
	v := GripView(doc, grip.Organisation{})
	if g := v[0].Themes[0]; g.Status != StatusDeviation {
		t.Errorf("goal status = %s", g.Status)
	}
	doc.Programmes[0].Indicators[1].Measurements[0].Value = fp(95)
	if g := GripView(doc, grip.Organisation{})[0].Themes[0]; g.Status != StatusAttention {
		t.Errorf("goal status = %s", g.Status)
	}
	if !strings.Contains(v[0].Rule, "afwijking (geen oordeel)") {
		t.Errorf("programme rule = %q", v[0].Rule)
	}
}

func TestDeviation(t *testing.T) {
	cases := []struct {
		r, p float64
		u    grip.Unit
		want string
	}{
		{100, 100, grip.UnitCount, "gelijk aan de streefwaarde"},
		{120, 100, grip.UnitCount, "20% boven de streefwaarde"},
		{97.5, 100, grip.UnitCount, "2,5% onder de streefwaarde"},
		{9.5, 8, grip.UnitPercentage, "1,5 procentpunten (19%) boven de streefwaarde"},
		// 12,5% rounds half away from zero, as amounts do (fmt rounded it to even: 12%).
		{7, 8, grip.UnitPercentage, "1 procentpunt (13%) onder de streefwaarde"},
		{3, 0, grip.UnitCount, "3 boven de streefwaarde 0"},
		// Values are written as the site writes them: grouped, with the unit.
		{12000, 0, grip.UnitCount, "12.000 boven de streefwaarde 0"},
		{-1500, 0, grip.UnitEuro, "€ 1.500 onder de streefwaarde 0"},
		{2350, 100, grip.UnitCount, "2.250% boven de streefwaarde"},
		{100.01, 100, grip.UnitCount, "minder dan 0,1% boven de streefwaarde"},
	}
	for _, c := range cases {
		if got := Deviation(c.r, c.p, c.u); got != c.want {
			t.Errorf("Deviation(%v, %v, %s) = %q, want %q", c.r, c.p, c.u, got, c.want)
		}
	}
}
