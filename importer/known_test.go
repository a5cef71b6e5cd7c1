package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"grip"
	"grip/iv3"
)

const (
	twenterandFile = "twenterand-kadernota-2020-sociaal-domein.txt"
	hengeloFile    = "hengelo-begroting-2019-programma-6-sociaal-domein.txt"
	hulstFile      = "hulst-jaarverslag-2021-programma-06-sociaal-domein.txt"
)

func catalog(t testing.TB) *iv3.Catalog {
	t.Helper()
	c, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readDoc(t testing.TB, name string) *Result {
	t.Helper()
	res, err := Read(name, readTestdata(t, name), Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return res
}

func hasNote(notes []grip.SourceNote, sev grip.Severity, parts ...string) bool {
	for _, n := range notes {
		if sev != "" && n.Severity != sev {
			continue
		}
		ok := true
		for _, p := range parts {
			if !strings.Contains(n.Message+" "+n.Text, p) {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func TestTwenterandKadernota(t *testing.T) {
	res := readDoc(t, twenterandFile)
	doc := res.Document
	if res.Organisation.Code != "GM1700" || res.Organisation.Name != "Twenterand" || res.Organisation.Slug != "twenterand" {
		t.Errorf("organisation = %+v", res.Organisation)
	}
	if doc.Kind != grip.KindKadernota || doc.Year != 2020 {
		t.Errorf("kind, year = %s %d", doc.Kind, doc.Year)
	}
	c := res.Report.Counts
	if c.Themes != 6 || c.Goals != 16 || c.Subgoals != 35 {
		t.Errorf("themes/goals/subgoals = %d/%d/%d, want 6/16/35", c.Themes, c.Goals, c.Subgoals)
	}
	if len(doc.Programmes) != 1 {
		t.Fatalf("programmes = %d", len(doc.Programmes))
	}
	p := doc.Programmes[0]
	var themes []string
	for _, g := range p.Goals {
		themes = append(themes, g.Title)
	}
	want := "Sociale Zaken|Maatschappelijke ondersteuning|Gezondheidszorg|Onderwijs|Jeugd|Ontwikkelprogramma Transformatie Sociaal Domein"
	if strings.Join(themes, "|") != want {
		t.Errorf("themes = %q", strings.Join(themes, "|"))
	}
	links := map[string]int{}
	for _, a := range p.Activities {
		if _, dup := links[a.Title]; dup {
			t.Errorf("activity %q twice", a.Title)
		}
		links[a.Title] = len(a.GoalKeys)
		for _, k := range a.GoalKeys {
			if p.FindGoal(k) == nil {
				t.Errorf("activity %q links to unknown goal %q", a.Title, k)
			}
		}
	}
	if links["Tegengaan eenzaamheid"] != 7 {
		t.Errorf("Tegengaan eenzaamheid links = %d, want 7", links["Tegengaan eenzaamheid"])
	}
	if links["Inloopfunctie GGZ"] != 4 {
		t.Errorf("Inloopfunctie GGZ links = %d, want 4", links["Inloopfunctie GGZ"])
	}
	if len(p.Proposals) != 9 {
		var ts []string
		for _, pr := range p.Proposals {
			ts = append(ts, pr.Title)
		}
		t.Fatalf("proposals = %d, want 9: %q", len(p.Proposals), ts)
	}
	withMoney := 0
	for _, pr := range p.Proposals {
		if len(pr.Amounts) > 0 {
			withMoney++
		}
	}
	if withMoney != 8 {
		t.Errorf("proposals with money = %d, want 8", withMoney)
	}
	totals := grip.ProposalTotals(p.Proposals)
	for year, want := range map[int]grip.Cents{2020: grip.Euros(337400), 2021: grip.Euros(171800), 2022: grip.Euros(121800), 2023: grip.Euros(114400)} {
		if totals[year] != want {
			t.Errorf("total %d = %s, want %s", year, totals[year], want)
		}
	}
	var reserve grip.Cents
	for _, pr := range p.Proposals {
		for _, a := range pr.Amounts {
			if a.Year == 2020 && pr.FundingReserve == "reserve-sociaal-domein" {
				reserve += a.FromReserve
			}
		}
	}
	if reserve != grip.Euros(250000) {
		t.Errorf("from reserve Sociaal Domein 2020 = %s, want € 250.000,00", reserve)
	}
	byTitle := map[string]grip.Proposal{}
	for _, pr := range p.Proposals {
		byTitle[pr.Title] = pr
		if err := pr.Validate(); err != nil {
			t.Errorf("proposal %q: %v", pr.Title, err)
		}
	}
	if pr := byTitle["Uitvoeren transformatieprogramma sociaal domein (Innovatiefonds)"]; len(pr.GoalKeys) != 5 || pr.Total(2020) != grip.Euros(75000) {
		t.Errorf("Innovatiefonds: %d links, 2020 %s; want 5 links, € 75.000", len(pr.GoalKeys), pr.Total(2020))
	}
	if pr, ok := byTitle["Tweede jongereninloop Vriezenveen"]; !ok || pr.Total(2020) != grip.Euros(25000) || pr.Total(2021) != grip.Euros(25000) {
		t.Errorf("Tweede jongereninloop Vriezenveen = %+v", pr)
	}
	if pr := byTitle["Uitrol regionale meldpunt loverboyproblematiek / mensenhandel Twente"]; len(pr.Amounts) != 4 || pr.Amounts[0].Note != "financiering door gemeente Enschede" {
		t.Errorf("loverboy proposal amounts = %+v", pr.Amounts)
	}
	if pr := byTitle["Inzet van wettelijke regelingen (m.n. minimabeleid)"]; pr.Recurrence != grip.Structureel || pr.Total(2021) != grip.Euros(100000) {
		t.Errorf("minimabeleid = %+v", pr)
	}
	if !hasNote(res.Report.Notes, grip.SeverityWarning, "Expertisecentrum", "2021 twee keer") {
		t.Errorf("duplicate 2021 row of the Expertisecentrum proposal not reported")
	}
	// Indicators: values, peildatum and footnotes.
	var found int
	for _, in := range p.Indicators {
		switch in.Name {
		case "Aantal uitkeringsgerechtigden (participatiewet)":
			found++
			m := in.Measurements
			if len(m) != 5 || m[3].Year != 2017 || *m[3].Value != 511 || m[3].AsOf != "01-7" || m[0].Kind != grip.Planned || m[2].Kind != grip.Realised {
				t.Errorf("%s = %+v", in.Name, m)
			}
			if in.Source != "CIV" {
				t.Errorf("source = %q", in.Source)
			}
		case "Aantal individueel ondersteunde mantelzorgers":
			found++
			if m := in.Measurements[0]; *m.Value != 250 || !strings.HasPrefix(m.Footnote, "In 2018 is er op een andere manier") {
				t.Errorf("%s 2020 = %+v", in.Name, m)
			}
		case "Aantal peuters dat wordt bereikt (zowel reguliere peuters als doelgroeppeuters (VVE))":
			found++
			if m := in.Measurements[0]; m.Word != "n.n.b." || m.Value != nil {
				t.Errorf("%s = %+v", in.Name, m)
			}
		case "Minimaal aantal inwoners uit Twenterand die staan ingeschreven op www.hartslagnu.nl":
			found++
			if m := in.Measurements[0]; *m.Value != 1000 {
				t.Errorf("%s = %+v", in.Name, m)
			}
		case "Mate waarin hulpverlening bij tijdelijk huisverbod wordt aangeboden (%)":
			found++
			if in.Unit != grip.UnitPercentage || *in.Measurements[0].Value != 100 {
				t.Errorf("%s = %+v", in.Name, in)
			}
		}
	}
	if found != 5 {
		t.Errorf("found %d of 5 known indicators", found)
	}
	if doc.Source == nil || len(doc.Source.Notes) != len(res.Report.Notes) || doc.Source.Format != "text" {
		t.Errorf("source = %+v", doc.Source)
	}
	checkKeys(t, doc)
}

func TestHengeloBegroting(t *testing.T) {
	res := readDoc(t, hengeloFile)
	doc := res.Document
	if res.Organisation.Code != "GM0164" || doc.Kind != grip.KindBegroting || doc.Year != 2019 {
		t.Errorf("recognised %s %s %d", res.Organisation.Code, doc.Kind, doc.Year)
	}
	if len(doc.Programmes) != 1 {
		t.Fatalf("programmes = %d", len(doc.Programmes))
	}
	p := doc.Programmes[0]
	if p.Number != "6" || p.Title != "Sociaal domein" {
		t.Errorf("programme = %q %q", p.Number, p.Title)
	}
	if strings.Join(p.PortfolioHolders, "|") != "van Wakeren|ten Heuw|Bruggink" {
		t.Errorf("portefeuillehouders = %q", p.PortfolioHolders)
	}
	// The header's other fields are fields, not the Inleiding's text; the
	// chapter heading above the programme ("5.2 Beleidsprogramma’s") is skipped.
	if strings.Join(p.Sectors, "|") != "Sociaal" || strings.Join(p.OfficialContacts, "|") != "Katja Boerrigter" {
		t.Errorf("sectors %q, official contacts %q", p.Sectors, p.OfficialContacts)
	}
	for _, sec := range p.Sections {
		for _, w := range []string{"Beleidsprogramma", "sector", "Aanspreekpunt", "Boerrigter"} {
			if strings.Contains(sec.Body, w) {
				t.Errorf("section %s holds header text %q: %.80q", sec.Kind, w, sec.Body)
			}
		}
	}
	if !hasNote(res.Report.Notes, grip.SeverityInfo, "hoofdstukkop", "5.2 Beleidsprogramma") {
		t.Errorf("skipped chapter heading not reported")
	}
	if len(p.Principles) != 10 || len(p.PolicyNotes) != 13 || len(p.Partners) != 7 {
		t.Errorf("principles %d, policy notes %d, partners %d; want 10, 13, 7", len(p.Principles), len(p.PolicyNotes), len(p.Partners))
	}
	if !strings.HasPrefix(p.MainObjective, "Iedereen in Hengelo moet kunnen mee doen.") {
		t.Errorf("main objective = %.60q", p.MainObjective)
	}
	codes := map[string]bool{}
	var lasten, baten grip.Cents
	saldoYears := map[int]grip.Cents{}
	var saldo63 grip.Cents
	for _, fl := range p.FinanceLines {
		if fl.Amount < 0 && fl.Side != grip.SaldoSide {
			t.Errorf("negative stored lasten or baten %+v", fl)
		}
		switch {
		case fl.Year == 2019 && fl.Stage == grip.StagePrimitief && fl.Side != grip.SaldoSide:
			codes[fl.Taakveld] = true
			if fl.Side == grip.Lasten {
				lasten += fl.Amount
			} else {
				baten += fl.Amount
			}
		case fl.Stage == grip.StageMeerjarenraming && fl.Side == grip.SaldoSide:
			// The meerjarenraming prints only the saldo: kept as saldo
			// (baten - lasten), not as lasten or baten.
			saldoYears[fl.Year] += fl.Amount
			if fl.Taakveld == "6.3" && fl.Year == 2020 {
				saldo63 = fl.Amount
			}
		default:
			t.Errorf("unexpected line %+v", fl)
		}
	}
	if len(codes) != 10 {
		t.Errorf("taakvelden = %d, want 10: %v", len(codes), codes)
	}
	if lasten != grip.Euros(131330000) || baten != grip.Euros(45389000) || baten-lasten != grip.Euros(-85941000) {
		t.Errorf("lasten %s baten %s saldo %s", lasten, baten, baten-lasten)
	}
	if saldo63 != grip.Euros(-8843000) {
		t.Errorf("6.3 saldo 2020 = %s, want -€ 8.843.000", saldo63)
	}
	// The lines of 2021 and 2022 add up to 2.000 and 1.000 more than the
	// printed totals (rounding in the source); the totals are kept as
	// printed, so that the checks report the difference.
	if saldoYears[2020] != grip.Euros(-84068000) || saldoYears[2021] != grip.Euros(-82192000) || saldoYears[2022] != grip.Euros(-81242000) {
		t.Errorf("saldo 2020-2022 = %v", saldoYears)
	}
	var totals []string
	for _, tot := range p.Totals {
		totals = append(totals, fmt.Sprintf("%s %d %s %d %s %d", tot.Stage, tot.Year, tot.Side, tot.Amount/100, tot.Label, tot.Line))
	}
	wantTotals := []string{
		"primitief 2019 lasten 131330000 Totaal programma 43",
		"primitief 2019 baten 45389000 Totaal programma 43",
		"primitief 2019  -85941000 Totaal programma 43",
		"meerjarenraming 2020  -84068000 Totaal programma 43",
		"meerjarenraming 2021  -82194000 Totaal programma 43",
		"meerjarenraming 2022  -81243000 Totaal programma 43",
	}
	if strings.Join(totals, "\n") != strings.Join(wantTotals, "\n") {
		t.Errorf("totals:\n%s\nwant:\n%s", strings.Join(totals, "\n"), strings.Join(wantTotals, "\n"))
	}
	if hasNote(res.Report.Notes, grip.SeverityWarning, "tellen niet op") || hasNote(res.Report.Notes, grip.SeverityInfo, "alleen het saldo") {
		t.Errorf("the importer reports what the checks report, or notes the saldo guess: %+v", res.Report.Notes)
	}
	var sixtwo, sixsix int
	for _, fl := range p.FinanceLines {
		if fl.Taakveld == "6.2" && fl.Side == grip.Baten {
			sixtwo++
		}
		if fl.Taakveld == "6.6" && fl.Side == grip.Baten && fl.Year == 2019 {
			sixsix++
			if fl.Amount != 0 {
				t.Errorf("6.6 baten = %s", fl.Amount)
			}
		}
	}
	if sixtwo != 0 || sixsix != 1 {
		t.Errorf("6.2 has %d baten lines (want none), 6.6 has %d (want one of 0)", sixtwo, sixsix)
	}
	// Indicators.
	byName := map[string][]grip.Indicator{}
	for _, in := range p.Indicators {
		byName[in.Name] = append(byName[in.Name], in)
	}
	if got := byName["aantal afgeronde schuldhulpverleningstrajecten"]; len(got) != 2 {
		t.Errorf("repeated row: %d indicators", len(got))
	}
	if !hasNote(res.Report.Notes, grip.SeverityWarning, "aantal afgeronde schuldhulpverleningstrajecten", "twee keer") {
		t.Errorf("repeated indicator row not reported")
	}
	if in := byName["Ingekochte re-integratietrajecten"]; len(in) != 1 || len(in[0].Measurements) != 6 || *in[0].Measurements[0].Value != 212 || in[0].Measurements[0].Year != 2017 || in[0].Measurements[0].Kind != grip.Realised || in[0].Measurements[5].Year != 2022 {
		t.Errorf("Ingekochte re-integratietrajecten = %+v", in)
	}
	if in := byName["Aantal unieke cliënten die binnen een kalenderjaar een Wmo-voorziening hebben gehad"]; len(in) != 1 || *in[0].Measurements[0].Value != 6362 || *in[0].Measurements[2].Value != 6400 {
		t.Errorf("unieke cliënten = %+v", in)
	}
	if in := byName["Uitstroom naar werk (incl. zelfstandig ondernemerschap) aantal en %)"]; len(in) != 1 || in[0].Measurements[1].Raw != "340 (47,5%)" {
		t.Errorf("uitstroom = %+v", in)
	}
	if in := byName["Aantal banen (per 1000 inwoners in de leeftijd 15-64 jaar)"]; len(in) != 1 || !in[0].Mandatory || in[0].Unit != grip.UnitPer1000 || *in[0].Measurements[1].Value != 868.8 || in[0].Measurements[1].AsOf != "2016" {
		t.Errorf("banen = %+v", in)
	}
	if in := byName["Aantal beschutte werkplekken"]; len(in) != 1 || len(in[0].Measurements) != 4 || in[0].Measurements[1].Word != "N.B." {
		t.Errorf("beschutte werkplekken = %+v", in)
	}
	if !hasNote(res.Report.Notes, grip.SeverityWarning, "14 | 26", "1 | 426", "142 | 6") {
		t.Errorf("ambiguous cell 1426 not reported with its candidates")
	}
	kengetallen := 0
	for _, in := range p.Indicators {
		if in.Group == "Verplichte kengetallen" {
			kengetallen++
		}
	}
	if kengetallen != 11 || len(p.Indicators) != 26 {
		t.Errorf("kengetallen %d, indicators %d; want 11, 26", kengetallen, len(p.Indicators))
	}
	checkKeys(t, doc)
}

func TestHulstJaarverslag(t *testing.T) {
	res := readDoc(t, hulstFile)
	doc := res.Document
	if res.Organisation.Code != "GM0677" || doc.Kind != grip.KindJaarverslag || doc.Year != 2021 {
		t.Errorf("recognised %s %s %d", res.Organisation.Code, doc.Kind, doc.Year)
	}
	p := doc.Programmes[0]
	if p.Number != "06" || p.Title != "Sociaal domein" {
		t.Errorf("programme %q %q", p.Number, p.Title)
	}
	if !strings.Contains(p.MainObjective, "Het bestrijden van eenzaamheid") || strings.Count(p.MainObjective, "\n- ") != 8 {
		t.Errorf("programme objectives = %q", p.MainObjective)
	}
	if len(p.Goals) != 3 || len(p.Progress) != 3 {
		t.Fatalf("speerpunten %d, progress %d", len(p.Goals), len(p.Progress))
	}
	titles := []string{"Van transitie van de jeugdzorg naar transformatie & innovatie", "Vroegsignalering van schulden", "Van beschermd wonen (BW) naar beschermd thuis"}
	for i, e := range p.Progress {
		if e.Title != titles[i] || e.GoalKey != p.Goals[i].Key {
			t.Errorf("speerpunt %d = %q (%s)", i, e.Title, e.GoalKey)
		}
		if e.Plan == "" || e.Realisation == "" || e.Planning == "" || e.Indicator == "" || e.Resources == "" || e.Risks == "" {
			t.Errorf("speerpunt %q incomplete: %+v", e.Title, e)
		}
	}
	e := p.Progress[1]
	if !strings.HasPrefix(e.Plan, "- We ontvangen vroegsignalen") || !strings.HasPrefix(e.Realisation, "We ontvangen sinds november 2021") {
		t.Errorf("plan/realisation = %q / %q", e.Plan, e.Realisation)
	}
	if !strings.Contains(e.Resources, "Nog te bepalen.") || !strings.Contains(e.Risks, "Druk bij de uitvoering") {
		t.Errorf("resources/risks = %q / %q", e.Resources, e.Risks)
	}
	var values []float64
	for _, in := range p.Indicators {
		if len(in.GoalKeys) == 1 && in.GoalKeys[0] == p.Goals[1].Key && len(in.Measurements) == 1 {
			values = append(values, *in.Measurements[0].Value)
			if in.Measurements[0].Year != 2021 || in.Measurements[0].Kind != grip.Realised {
				t.Errorf("measurement %+v", in.Measurements[0])
			}
		}
	}
	if len(values) != 3 || values[0] != 32 || values[1] != 0 || values[2] != 0 {
		t.Errorf("vroegsignalen = %v, want 32 / 0 / 0", values)
	}
	if strings.Contains(p.Progress[2].Risks, "Deze pagina is gebouwd") {
		t.Errorf("website footer in risks")
	}
	checkKeys(t, doc)
}

// checkKeys checks that keys are unique per kind and links resolve.
func checkKeys(t *testing.T, doc *grip.Document) {
	t.Helper()
	for i := range doc.Programmes {
		p := &doc.Programmes[i]
		seen := map[string]bool{}
		grip.WalkGoals(p.Goals, func(g *grip.Goal, _ int, _ []*grip.Goal) bool {
			if seen["g"+g.Key] {
				t.Errorf("goal key %q twice", g.Key)
			}
			seen["g"+g.Key] = true
			return true
		})
		check := func(kind, key string, links []string) {
			if key == "" || seen[kind+key] {
				t.Errorf("%s key %q empty or twice", kind, key)
			}
			seen[kind+key] = true
			for _, k := range links {
				if p.FindGoal(k) == nil {
					t.Errorf("%s %q links to unknown goal %q", kind, key, k)
				}
			}
		}
		for _, a := range p.Activities {
			check("a", a.Key, a.GoalKeys)
		}
		for _, x := range p.Proposals {
			check("p", x.Key, x.GoalKeys)
		}
		for _, x := range p.Developments {
			check("d", x.Key, x.GoalKeys)
		}
		for _, x := range p.Indicators {
			check("i", x.Key, x.GoalKeys)
		}
		for _, x := range p.FinanceLines {
			check("f", x.Key, x.GoalKeys)
		}
		for _, x := range p.Progress {
			check("r", x.Key, nil)
		}
	}
}

func TestKnownDocumentsValidate(t *testing.T) {
	cat := catalog(t)
	for _, f := range []string{twenterandFile, hengeloFile, hulstFile} {
		res := readDoc(t, f)
		if err := grip.ValidateDocument(res.Document, cat); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		if err := res.Organisation.Validate(); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestOtherGemeenteWords reads a document written with other gemeenten'
// words: ambitie and actielijn, IST/SOLL, "Wat hebben we gedaan?", trends
// and conclusie, an indicator table with group rows, a taakveld table with
// lasten positive and a verschillenanalyse with V/N and a subtotal.
func TestOtherGemeenteWords(t *testing.T) {
	res, err := Read("dinkelland-stijl-jaarverslag-2021.txt", readTestdata(t, "dinkelland-stijl-jaarverslag-2021.txt"), Options{Org: "GM1774", Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	doc := res.Document
	if doc.Kind != grip.KindJaarverslag || doc.Year != 2021 || res.Organisation.Name != "Dinkelland" {
		t.Errorf("recognised %s %d %+v", doc.Kind, doc.Year, res.Organisation)
	}
	p := doc.Programmes[0]
	if p.Number != "3" || strings.Join(p.PortfolioHolders, "|") != "B. de Vries" {
		t.Errorf("programme %q holders %q", p.Number, p.PortfolioHolders)
	}
	c := res.Report.Counts
	if c.Themes != 2 || c.Goals != 3 || c.Activities != 3 || c.ActivityLinks != 4 {
		t.Errorf("counts %+v", c)
	}
	al := p.Goals[0].Children[0]
	kinds := []string{}
	for _, s := range al.Sections {
		kinds = append(kinds, string(s.Kind))
	}
	if al.Title != "Inwoners vinden werk" || strings.Join(kinds, ",") != "ist,soll,wat-willen-we-bereiken,wat-hebben-we-gedaan" {
		t.Errorf("actielijn %q sections %v", al.Title, kinds)
	}
	kinds = kinds[:0]
	for _, s := range p.Goals[0].Children[1].Sections {
		kinds = append(kinds, string(s.Kind))
	}
	if strings.Join(kinds, ",") != "trends-en-ontwikkelingen,conclusie" {
		t.Errorf("sections %v", kinds)
	}
	for _, a := range p.Activities {
		if a.Title == "Tegengaan eenzaamheid" && len(a.GoalKeys) != 2 {
			t.Errorf("Tegengaan eenzaamheid links %v", a.GoalKeys)
		}
	}
	if len(p.Indicators) != 3 || p.Indicators[0].Group != "Jeugdhulp" || p.Indicators[2].Group != "Werk en inkomen" || p.Indicators[2].Unit != grip.UnitPer1000 {
		t.Errorf("indicators %+v", p.Indicators)
	}
	if m := p.Indicators[1].Measurements; len(m) != 3 || m[1].Word != "n.v.t." || m[2].Kind != grip.Planned || m[2].Year != 2021 {
		t.Errorf("jeugdbescherming %+v", m)
	}
	var lasten, baten grip.Cents
	for _, fl := range p.FinanceLines {
		if fl.Stage != grip.StageRealisatie {
			t.Errorf("stage %s in a jaarverslag", fl.Stage)
		}
		if fl.Side == grip.Lasten {
			lasten += fl.Amount
		} else {
			baten += fl.Amount
		}
	}
	if lasten != grip.Euros(12110000) || baten != grip.Euros(8220000) {
		t.Errorf("lasten %s baten %s", lasten, baten)
	}
	if len(p.VarianceLines) != 3 || p.VarianceLines[0].Amount != -242933900 || grip.VN(p.VarianceLines[1].Amount) != "V" || !p.VarianceLines[2].Total ||
		!strings.HasPrefix(p.VarianceLines[0].Explanation, "De kosten van jeugdhulp") {
		t.Errorf("variance %+v", p.VarianceLines)
	}
	for _, n := range res.Report.Notes {
		if n.Severity == grip.SeverityWarning {
			t.Errorf("unexpected warning %+v", n)
		}
	}
	if err := grip.ValidateDocument(doc, catalog(t)); err != nil {
		t.Error(err)
	}
}

// TestFaultsReported: totals that do not add up and ambiguous taakveld
// cells are reported, not fixed.
func TestFaultsReported(t *testing.T) {
	text := "Begroting 2019 gemeente Hengelo\n\nProgramma 6 Sociaal domein\n\nVerschillenanalyse\n\nDoelenboom Jeugd N 1.000,00\nDoelenboom Wmo N 500,00\nTotaal programma N 1.400,00\n\n" +
		"LastenBatenSaldo\nTaakveldBegroting 2019Begroting 2019Begroting 2019\n6.1 Samenkracht en burgerparticipatie-1.00010-990\n6.5 Arbeidsparticipatie-11111-100\nTotaal-1.11121-1.090\n"
	res, err := Read("x.txt", []byte(text), Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	// The totals are kept as printed; package analysis reports the
	// variance total that does not add up (one finding, not an importer
	// note as well).
	if hasNote(res.Report.Notes, grip.SeverityWarning, "totaal klopt niet") {
		t.Errorf("variance total reported by the importer too: %+v", res.Report.Notes)
	}
	var vtot []string
	for _, v := range res.Document.Programmes[0].VarianceLines {
		vtot = append(vtot, fmt.Sprintf("%s %d %v", v.Title, v.Amount/100, v.Total))
	}
	if strings.Join(vtot, ",") != "Doelenboom Jeugd -1000 false,Doelenboom Wmo -500 false,Totaal programma -1400 true" {
		t.Errorf("variance lines %q", vtot)
	}
	var ftot []string
	for _, tot := range res.Document.Programmes[0].Totals {
		ftot = append(ftot, fmt.Sprintf("%s %d %s %d", tot.Stage, tot.Year, tot.Side, tot.Amount/100))
	}
	if strings.Join(ftot, ",") != "primitief 2019 lasten 1111,primitief 2019 baten 21,primitief 2019  -1090" {
		t.Errorf("finance totals %q", ftot)
	}
	// "-11111-100" reads as -111|11|-100 or -11|111|-100 or -1|111|1-100...: only
	// the first satisfies lasten + baten = saldo.
	var got []string
	for _, fl := range res.Document.Programmes[0].FinanceLines {
		got = append(got, fmt.Sprintf("%s %s %d", fl.Taakveld, fl.Side, fl.Amount/100))
	}
	if strings.Join(got, ",") != "6.1 lasten 1000,6.1 baten 10,6.5 lasten 111,6.5 baten 11" {
		t.Errorf("lines %q notes %+v", got, res.Report.Notes)
	}
}

// TestAmbiguousTaakveldCells: a run that reads two ways is reported with
// both candidates and left out; the total row decides when it can.
func TestAmbiguousTaakveldCells(t *testing.T) {
	head := "Begroting 2019 gemeente Hengelo\n\nProgramma 6 Sociaal domein\n\nLastenBatenSaldo\nTaakveldBegroting 2019Begroting 2019Begroting 2019Begroting 2020Begroting 2021\n"
	res, err := Read("x.txt", []byte(head+"6.1 Samenkracht en burgerparticipatie-1001-99123\n"), Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Document.Programmes[0].FinanceLines) != 0 || !hasNote(res.Report.Notes, grip.SeverityWarning, "-100 | 1 | -99 | 1 | 23", "-100 | 1 | -99 | 12 | 3") {
		t.Errorf("lines %+v notes %+v", res.Document.Programmes[0].FinanceLines, res.Report.Notes)
	}
	res, err = Read("x.txt", []byte(head+"6.1 Samenkracht en burgerparticipatie-1001-99123\n6.2 Wijkteams-100 1 -99 1 1\nTotaal programma-200 2 -198 13 4\n"), Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	var saldo2020 grip.Cents
	for _, fl := range res.Document.Programmes[0].FinanceLines {
		if fl.Taakveld == "6.1" && fl.Year == 2020 {
			saldo2020 = fl.Amount
		}
	}
	if saldo2020 != grip.Euros(12) || hasNote(res.Report.Notes, grip.SeverityWarning, "") {
		t.Errorf("6.1 2020 = %s, notes %+v", saldo2020, res.Report.Notes)
	}
}

// TestTablesWithColumns: a proposal table with a column per year and a
// variance table with begroting, realisatie, verschil and V/N columns, as
// a Word file or HTML page gives them.
func TestTablesWithColumns(t *testing.T) {
	text := "Kadernota 2022 gemeente Hulst\n\nProgramma 6 Sociaal domein\n\nSpeerpunt: Armoede\n\nVoorstellen\n\n" +
		"Voorstel\ti/s\t2022\t2023\t2024\t2025\n" +
		"Schuldhulp dichtbij\ts\t€ 40.000\t€ 40.000\t€ 40.000\t€ 40.000\n" +
		"Pilot vroegsignalering\ti\t€ 15.000\t-\t\t\n\n" +
		"Verschillenanalyse\n\n" +
		"Omschrijving\tBegroting na wijziging\tRealisatie\tVerschil\tV/N\n" +
		"Armoede\t1.000.000\t1.100.000\t100.000\tN\n" +
		"Totaal programma\t1.000.000\t1.100.000\t100.000\tN\n"
	res, err := Read("x.txt", []byte(text), Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Document.Programmes[0]
	if len(p.Proposals) != 2 || p.Proposals[0].Title != "Schuldhulp dichtbij" || len(p.Proposals[0].Amounts) != 4 || p.Proposals[0].Total(2025) != grip.Euros(40000) ||
		p.Proposals[0].Recurrence != grip.Structureel || len(p.Proposals[1].Amounts) != 1 || p.Proposals[1].Total(2022) != grip.Euros(15000) {
		t.Errorf("proposals %+v", p.Proposals)
	}
	if len(p.VarianceLines) != 2 || p.VarianceLines[0].Title != "Armoede" || p.VarianceLines[0].Amount != -grip.Euros(100000) || p.VarianceLines[0].GoalKey != "armoede" || !p.VarianceLines[1].Total {
		t.Errorf("variance %+v", p.VarianceLines)
	}
	for _, n := range res.Report.Notes {
		if n.Severity == grip.SeverityWarning {
			t.Errorf("warning %+v", n)
		}
	}
}

// TestLongIndicatorTable: a row per indicator and period, as the
// verplichte beleidsindicatoren of waarstaatjegemeente.nl are printed.
func TestLongIndicatorTable(t *testing.T) {
	text := "Begroting 2022 gemeente Hengelo\n\nProgramma 6 Sociaal domein\n\nVerplichte beleidsindicatoren\n\n" +
		"Naam indicator\tEenheid\tPeriode\tWaarde Hengelo\tWaarde Nederland\tBron\n" +
		"Banen\tper 1.000 inwoners 15-64 jaar\t2019\t756,2\t796,5\tLISA\n" +
		"Banen\tper 1.000 inwoners 15-64 jaar\t2020\t748,0\t792,3\tLISA\n" +
		"Jongeren met jeugdhulp\t%\t2e halfjaar 2020\t11,9%\t9,7%\tCBS\n" +
		"Cliënten met een maatwerkarrangement Wmo\tper 10.000 inwoners\t2020\t690\t680\tCBS\n"
	res, err := Read("x.txt", []byte(text), Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	in := res.Document.Programmes[0].Indicators
	if len(in) != 3 || len(in[0].Measurements) != 2 || *in[0].Measurements[1].Value != 748 || in[0].Unit != grip.UnitPer1000 || !in[0].Mandatory || in[0].Source != "LISA" {
		t.Fatalf("indicators %+v", in)
	}
	if m := in[1].Measurements[0]; m.Year != 2020 || m.AsOf != "2e halfjaar 2020" || *m.Value != 11.9 || in[1].Unit != grip.UnitPercentage {
		t.Errorf("jeugdhulp %+v unit %s", m, in[1].Unit)
	}
	if in[2].Unit != grip.UnitPer10000 {
		t.Errorf("wmo unit %s", in[2].Unit)
	}
}

// TestISTSOLLTable: IST and SOLL printed as two columns of a table.
func TestISTSOLLTable(t *testing.T) {
	text := "Programmabegroting 2022 gemeente Hulst\n\nProgramma 6 Sociaal domein\n\nAmbitie 1: Iedereen doet mee\n\n" +
		"Waar stonden we (IST)\tWaar gaan we naar toe (SOLL)\n" +
		"410 inwoners in de bijstand\t380 inwoners in de bijstand\n" +
		"Wachtlijst schuldhulp 3 maanden\tGeen wachtlijst\n"
	res, err := Read("x.txt", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Document.Programmes[0].Goals[0].Sections
	if len(s) != 2 || s[0].Kind != grip.SectionIST || s[1].Kind != grip.SectionSOLL || s[1].Body != "- 380 inwoners in de bijstand\n- Geen wachtlijst" {
		t.Errorf("sections %+v", s)
	}
}

// TestLevelNames: the recognised organisation names the goal-tree levels
// with the words the document used, so that the website says "doelenboom"
// or "speerpunt" rather than "thema".
func TestLevelNames(t *testing.T) {
	for _, tc := range []struct {
		file string
		want string
	}{
		{twenterandFile, "doelenboom|doel|subdoel"},
		{hulstFile, "speerpunt"},
		{hengeloFile, ""}, // no goal tree: the defaults stay
		{"dinkelland-stijl-jaarverslag-2021.txt", "ambitie|actielijn"},
	} {
		res := readDoc(t, tc.file)
		if got := strings.Join(res.Organisation.Settings.LevelNames, "|"); got != tc.want {
			t.Errorf("%s: level names %q, want %q", tc.file, got, tc.want)
		}
	}
	// A level the document does not name keeps its default name.
	text := "Begroting 2022 gemeente Hulst\n\nProgramma 6 Sociaal domein\n\nDoel: Iedereen doet mee\n\nSubdoel: Minder schulden\n\nDe schulden nemen af.\n"
	res, err := Read("x.txt", []byte(text), Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(res.Organisation.Settings.LevelNames, "|"); got != "thema|doel|subdoel" && got != "doel|subdoel" {
		t.Errorf("level names %q", got)
	}
}

// TestHeaderFieldsInCells: the header as a table of label and value cells
// (a Word or HTML export) fills the same fields.
func TestHeaderFieldsInCells(t *testing.T) {
	text := "Begroting 2022 gemeente Hengelo\n\nProgramma 6 Sociaal domein\n\n" +
		"Aanspreekpunt bestuurlijk\tWethouders Bruggink en Gerrits\n" +
		"Betrokken sector(en)\tSociaal, Publiekszaken\n" +
		"Aanspreekpunt ambtelijk\tKatja Boerrigter\n\nHoofddoelstelling\n\nIedereen doet mee.\n"
	res, err := Read("x.txt", []byte(text), Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Document.Programmes[0]
	if strings.Join(p.PortfolioHolders, "|") != "Bruggink|Gerrits" || strings.Join(p.Sectors, "|") != "Sociaal|Publiekszaken" ||
		strings.Join(p.OfficialContacts, "|") != "Katja Boerrigter" {
		t.Errorf("holders %q sectors %q contacts %q", p.PortfolioHolders, p.Sectors, p.OfficialContacts)
	}
	for _, sec := range p.Sections {
		if strings.Contains(sec.Body, "Boerrigter") || strings.Contains(sec.Body, "Publiekszaken") || strings.Contains(sec.Heading, "Aanspreekpunt") {
			t.Errorf("header text in a section: %+v", sec)
		}
	}
}
