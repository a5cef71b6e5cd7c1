// Package generate makes a gemeente's programmabegroting out of thin air,
// deterministically from a seed, for benchmarks and load tests: "large" is
// Amsterdam-size (12 programmes, 60 themes, 400 goals, 2.000 activities, 600
// indicators with 10 years of values, finance lines for every taakveld and
// 10 years), "small" fits in a test.
package generate

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"grip"
)

// Size is how big the generated gemeente is.
type Size string

// Sizes.
const (
	Small Size = "small"
	Large Size = "large"
)

// Options choose what is generated. Zero values get defaults.
type Options struct {
	Size Size
	// Seed makes the output reproducible: the same options give the same gemeente.
	Seed uint64
	// Code is the CBS code of the organisation (default GM9999).
	Code string
	// Name is the gemeente's name (default "Grootstad" for large, "Kleindorp" for small).
	Name string
	// Year is the begroting year (default 2025); finance lines cover Year-6 to Year+3.
	Year int
}

// shape is the number of things to make.
type shape struct {
	programmes, themesPer, goals, subgoalsEvery, activities, proposals, indicators, developments, years int
}

func shapeOf(s Size) (shape, error) {
	switch s {
	case Large:
		// 400 goal-tree nodes below the themes: 320 goals and 80 subgoals.
		return shape{programmes: 12, themesPer: 5, goals: 320, subgoalsEvery: 4, activities: 2000, proposals: 120, indicators: 600, developments: 48, years: 10}, nil
	case Small, "":
		return shape{programmes: 2, themesPer: 2, goals: 8, subgoalsEvery: 4, activities: 20, proposals: 6, indicators: 8, developments: 3, years: 10}, nil
	}
	return shape{}, grip.Errorf(grip.EInvalid, "onbekende grootte %q: kies small of large", s)
}

// Gemeente returns the organisation and its generated programmabegroting.
// cat supplies the taakvelden of the year; every one of them gets lasten and
// baten for ten years.
func Gemeente(opt Options, cat grip.TaakveldCatalog) (grip.Organisation, *grip.Document, error) {
	sh, err := shapeOf(opt.Size)
	if err != nil {
		return grip.Organisation{}, nil, err
	}
	if opt.Code == "" {
		opt.Code = "GM9999"
	}
	if opt.Name == "" {
		opt.Name = "Grootstad"
		if opt.Size != Large {
			opt.Name = "Kleindorp"
		}
	}
	if opt.Year == 0 {
		opt.Year = 2025
	}
	org := grip.Organisation{Code: opt.Code, Name: opt.Name, Kind: grip.OrgGemeente, Slug: grip.Slugify(opt.Name),
		Province: "Noord-Holland", Inhabitants: 930000,
		Settings: grip.OrgSettings{LevelNames: []string{"thema", "doel", "subdoel"}, VarianceThreshold: grip.Euros(250000)}}
	if opt.Size != Large {
		org.Inhabitants = 25000
	}
	if err := org.Validate(); err != nil {
		return grip.Organisation{}, nil, err
	}
	tvs := cat.Taakvelden(opt.Year)
	if len(tvs) == 0 {
		return grip.Organisation{}, nil, grip.Errorf(grip.EInvalid, "geen taakvelden bekend voor %d", opt.Year)
	}
	g := &gen{r: rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15)), year: opt.Year}
	doc := &grip.Document{Organisation: opt.Code, Kind: grip.KindBegroting, Year: opt.Year,
		Title: fmt.Sprintf("Programmabegroting %d", opt.Year), Status: grip.StatusVastgesteld,
		PublishedOn: fmt.Sprintf("%d-09-20", opt.Year-1), AdoptedOn: fmt.Sprintf("%d-11-07", opt.Year-1)}
	for i := 0; i < sh.programmes; i++ {
		doc.Programmes = append(doc.Programmes, g.programme(i))
	}
	// Themes, then goals round-robin over the themes, every subgoalsEvery-th
	// goal with one subgoal.
	themeCount := sh.programmes * sh.themesPer
	type ref struct{ p, t int }
	var themes []ref
	for p := 0; p < sh.programmes; p++ {
		for t := 0; t < sh.themesPer; t++ {
			doc.Programmes[p].Goals = append(doc.Programmes[p].Goals, g.theme(p, t))
			themes = append(themes, ref{p, t})
		}
	}
	goalKeys := make([][]string, sh.programmes) // goal and subgoal keys per programme
	for i := 0; i < sh.goals; i++ {
		th := themes[i%themeCount]
		theme := &doc.Programmes[th.p].Goals[th.t]
		goal := g.goal(theme.Key, len(theme.Children))
		goalKeys[th.p] = append(goalKeys[th.p], goal.Key)
		if sh.subgoalsEvery > 0 && i%sh.subgoalsEvery == sh.subgoalsEvery-1 {
			sub := g.goal(goal.Key, 0)
			sub.Title = "Deelresultaat: " + sub.Title
			goal.Children = append(goal.Children, sub)
			goalKeys[th.p] = append(goalKeys[th.p], sub.Key)
		}
		theme.Children = append(theme.Children, goal)
	}
	for i := 0; i < sh.activities; i++ {
		p := i % sh.programmes
		a := grip.Activity{Key: fmt.Sprintf("a%d", i+1), Title: g.activityTitle(), Description: g.sentence(3),
			GoalKeys: g.pick(goalKeys[p], 1+g.r.IntN(3))}
		doc.Programmes[p].Activities = append(doc.Programmes[p].Activities, a)
	}
	for i := 0; i < sh.proposals; i++ {
		p := i % sh.programmes
		doc.Programmes[p].Proposals = append(doc.Programmes[p].Proposals, g.proposal(i, goalKeys[p]))
	}
	for i := 0; i < sh.developments; i++ {
		p := i % sh.programmes
		doc.Programmes[p].Developments = append(doc.Programmes[p].Developments, grip.Development{
			Key: fmt.Sprintf("o%d", i+1), Title: "Ontwikkeling: " + g.one(subjects), Text: g.sentence(4),
			GoalKeys: g.pick(goalKeys[p], 1)})
	}
	for i := 0; i < sh.indicators; i++ {
		p := i % sh.programmes
		doc.Programmes[p].Indicators = append(doc.Programmes[p].Indicators, g.indicator(i, goalKeys[p], sh.years))
	}
	// Every taakveld goes to one programme and one theme of it, with lasten
	// and baten for every year.
	for i, tv := range tvs {
		p := i % sh.programmes
		theme := doc.Programmes[p].Goals[(i/sh.programmes)%sh.themesPer].Key
		base := int64(200_000 + g.r.IntN(40_000_000))
		batenShare := int64(g.r.IntN(60))
		for y := opt.Year - 6; y < opt.Year-6+sh.years; y++ {
			stage := grip.StageRealisatie
			switch {
			case y == opt.Year:
				stage = grip.StagePrimitief
			case y > opt.Year:
				stage = grip.StageMeerjarenraming
			}
			growth := int64(100 + 2*(y-opt.Year) + g.r.IntN(5) - 2)
			lasten := grip.Cents(base * growth) // euros*100 = cents
			baten := grip.Cents(base * growth * batenShare / 100)
			for _, l := range []struct {
				side grip.Side
				amt  grip.Cents
			}{{grip.Lasten, lasten}, {grip.Baten, baten}} {
				prog := &doc.Programmes[p]
				prog.FinanceLines = append(prog.FinanceLines, grip.FinanceLine{
					Key:      fmt.Sprintf("f%d-%s-%s-%d", i+1, tv.Code, l.side, y),
					Taakveld: tv.Code, Label: tv.Code + " " + tv.Name, Side: l.side, Stage: stage, Year: y, Amount: l.amt,
					GoalKeys: []string{theme}})
			}
		}
	}
	return org, doc, nil
}

type gen struct {
	r    *rand.Rand
	year int
	seq  int
}

func (g *gen) one(list []string) string { return list[g.r.IntN(len(list))] }

// pick returns n distinct keys of list (fewer when the list is shorter).
func (g *gen) pick(list []string, n int) []string {
	if len(list) == 0 {
		return nil
	}
	n = min(n, len(list))
	seen := map[int]bool{}
	var out []string
	for len(out) < n {
		i := g.r.IntN(len(list))
		if !seen[i] {
			seen[i] = true
			out = append(out, list[i])
		}
	}
	return out
}

func (g *gen) sentence(n int) string {
	var parts []string
	for i := 0; i < n; i++ {
		parts = append(parts, fmt.Sprintf("%s %s %s.", g.one(openers), g.one(subjects), g.one(endings)))
	}
	return strings.Join(parts, " ")
}

func (g *gen) programme(i int) grip.Programme {
	name := programmeNames[i%len(programmeNames)]
	return grip.Programme{Key: fmt.Sprintf("p%d", i+1), Number: fmt.Sprint(i + 1), Title: name,
		PortfolioHolders: []string{"wethouder " + g.one(surnames), "wethouder " + g.one(surnames)},
		MainObjective:    "Inwoners van de gemeente krijgen de ondersteuning en voorzieningen die zij nodig hebben op het gebied van " + strings.ToLower(name) + ".",
		Sections: []grip.Section{
			{Kind: grip.SectionIntro, Body: g.sentence(3)},
			{Kind: grip.SectionAchieve, Body: g.sentence(2)},
			{Kind: grip.SectionDo, Body: g.sentence(2)},
			{Kind: grip.SectionCost, Body: "De lasten en baten per taakveld staan in de tabel. " + g.sentence(1)},
		},
		PolicyNotes: []string{"Beleidsnota " + strings.ToLower(name) + " " + fmt.Sprint(g.year-2) + "-" + fmt.Sprint(g.year+1)},
		Partners:    []grip.Partner{{Name: "Gemeenschappelijke regeling " + g.one(surnames), Text: g.sentence(1)}},
	}
}

func (g *gen) theme(p, t int) grip.Goal {
	g.seq++
	return grip.Goal{Key: fmt.Sprintf("t%d-%d", p+1, t+1), Title: themeNames[(p*5+t)%len(themeNames)],
		Sections: []grip.Section{
			{Kind: grip.SectionPerspective, Body: g.sentence(2)},
			{Kind: grip.SectionEffect, Body: g.sentence(1)},
		}}
}

func (g *gen) goal(parent string, n int) grip.Goal {
	g.seq++
	return grip.Goal{Key: fmt.Sprintf("%s.%d-%d", parent, n+1, g.seq),
		Title: fmt.Sprintf("%s %s %s", g.one(goalStarts), g.one(subjects), g.one(goalEnds)),
		Sections: []grip.Section{
			{Kind: grip.SectionIST, Body: g.sentence(1)},
			{Kind: grip.SectionSOLL, Body: g.sentence(1)},
		}}
}

func (g *gen) activityTitle() string {
	return fmt.Sprintf("%s %s in %s", g.one(actions), g.one(subjects), g.one(districts))
}

func (g *gen) proposal(i int, goals []string) grip.Proposal {
	rec := grip.Structureel
	if g.r.IntN(3) == 0 {
		rec = grip.Incidenteel
	}
	p := grip.Proposal{Key: fmt.Sprintf("v%d", i+1), Title: "Extra middelen " + g.one(subjects), Text: g.sentence(3),
		Recurrence: rec, GoalKeys: g.pick(goals, 1+g.r.IntN(4))}
	amt := grip.Euros(int64(25_000 * (1 + g.r.IntN(40))))
	years := 4
	if rec == grip.Incidenteel {
		years = 1 + g.r.IntN(2)
	}
	for y := 0; y < years; y++ {
		p.Amounts = append(p.Amounts, grip.ProposalAmount{Year: g.year + y, Amount: amt, Recurrence: rec})
	}
	if g.r.IntN(2) == 0 {
		p.Funding = "dekking reserve Sociaal Domein"
	} else {
		p.Funding = "dekking uit de algemene middelen"
	}
	return p
}

func (g *gen) indicator(i int, goals []string, years int) grip.Indicator {
	units := []grip.Unit{grip.UnitCount, grip.UnitPercentage, grip.UnitPer1000, grip.UnitPer10000}
	u := units[i%len(units)]
	in := grip.Indicator{Key: fmt.Sprintf("i%d", i+1), Name: fmt.Sprintf("%s %s", g.one(indicatorStarts), g.one(subjects)),
		Group: "Beleidsindicatoren", Unit: u, Source: g.one(sources), GoalKeys: g.pick(goals, 1+g.r.IntN(2)),
		Direction: grip.HigherIsBetter}
	if i%3 == 0 {
		in.Direction = grip.LowerIsBetter
	}
	v := float64(10 + g.r.IntN(900))
	if u == grip.UnitPercentage {
		v = float64(5 + g.r.IntN(80))
	}
	for y := g.year - 6; y < g.year-6+years; y++ {
		v = v * (0.95 + float64(g.r.IntN(11))/100)
		val := float64(int(v*10)) / 10
		m := grip.Measurement{Year: y, Kind: grip.Realised, Value: &val, Raw: strings.Replace(fmt.Sprint(val), ".", ",", 1)}
		if y >= g.year {
			m.Kind = grip.Planned
		}
		if y == g.year-1 && i%7 == 0 {
			m = grip.Measurement{Year: y, Kind: grip.Realised, Word: "n.n.b.", Raw: "n.n.b."}
		}
		if y == g.year-2 && i%5 == 0 {
			m.AsOf = "01-07"
			m.Footnote = "Stand op 1 juli."
		}
		in.Measurements = append(in.Measurements, m)
	}
	return in
}

var programmeNames = []string{"Bestuur en dienstverlening", "Veiligheid", "Verkeer en vervoer", "Economie en werk",
	"Onderwijs", "Sport, cultuur en recreatie", "Sociaal domein", "Werk en inkomen", "Zorg en welzijn",
	"Volksgezondheid en milieu", "Wonen en ruimtelijke ordening", "Financiën en belastingen"}

var themeNames = []string{"Dienstverlening", "Burgerzaken", "Raad en college", "Communicatie", "Informatievoorziening",
	"Openbare orde", "Brandweer", "Handhaving", "Crisisbeheersing", "Ondermijning",
	"Wegen", "Openbaar vervoer", "Parkeren", "Fietsen", "Verkeersveiligheid",
	"Bedrijvigheid", "Arbeidsmarkt", "Toerisme", "Markten", "Binnenstad",
	"Onderwijshuisvesting", "Leerlingenvervoer", "Voortijdig schoolverlaten", "Volwasseneneducatie", "Kinderopvang",
	"Sport", "Cultuur", "Musea", "Bibliotheken", "Evenementen",
	"Jeugd", "Maatschappelijke ondersteuning", "Wijkteams", "Transformatie", "Mantelzorg",
	"Participatie", "Inkomensregelingen", "Schuldhulpverlening", "Re-integratie", "Beschut werk",
	"Jeugdzorg", "Beschermd wonen", "Maatschappelijke opvang", "Ouderenzorg", "Welzijn",
	"Gezondheid", "Afval", "Riolering", "Klimaat", "Energietransitie",
	"Wonen", "Ruimtelijke ordening", "Grondexploitatie", "Monumenten", "Omgevingswet",
	"Algemene dekkingsmiddelen", "Belastingen", "Treasury", "Overhead", "Onvoorzien"}

var subjects = []string{"jeugdzorgaanbieders", "schuldhulpverlening", "mantelzorgers", "wijkteams", "statushouders",
	"laaggeletterdheid", "armoedebestrijding", "jongerenwerk", "eenzaamheid", "beschermd wonen",
	"huishoudelijke ondersteuning", "dagbesteding", "leerlingenvervoer", "vroegsignalering", "bijstandsuitkeringen",
	"re-integratietrajecten", "kinderopvangtoeslag", "sportverenigingen", "buurthuizen", "woningaanpassingen",
	"energiearmoede", "zorgkosten", "preventieprogramma's", "jeugdbescherming", "werkgeversdienstverlening"}

var openers = []string{"We versterken", "De gemeente investeert in", "Samen met partners verbeteren we", "We monitoren",
	"In de wijken ondersteunen we", "We zetten in op", "De raad vraagt aandacht voor", "We evalueren"}

var endings = []string{"zodat inwoners sneller hulp krijgen", "in alle wijken van de stad", "samen met maatschappelijke partners",
	"binnen het beschikbare budget", "met aandacht voor kwetsbare groepen", "volgens de afspraken in de regio"}

var goalStarts = []string{"Meer bereik van", "Betere toegang tot", "Minder wachttijd bij", "Duurzame inzet van", "Sterkere samenwerking rond"}

var goalEnds = []string{"voor alle inwoners", "in de wijk", "voor jongeren", "voor ouderen", "voor gezinnen"}

var actions = []string{"Uitvoeren van", "Inkopen van", "Subsidiëren van", "Versterken van", "Onderzoek naar", "Pilot met", "Aanbesteden van"}

var districts = []string{"Centrum", "Noord", "Oost", "Zuid", "West", "Nieuw-West", "Zuidoost", "Westpoort"}

var indicatorStarts = []string{"Aantal cliënten", "Percentage inwoners met", "Tevredenheid over", "Bereik van", "Kosten per cliënt"}

var surnames = []string{"De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "El Amrani", "Yılmaz"}

var sources = []string{"CBS", "Waarstaatjegemeente.nl", "eigen registratie", "GGD-monitor", "Inwonerspanel"}
