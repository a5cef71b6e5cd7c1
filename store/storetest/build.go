// Package storetest is the behaviour suite every grip.Store passes, and
// builders of realistic organisations and documents for tests elsewhere.
package storetest

import (
	"fmt"

	"grip"
)

// Organisation returns a valid gemeente with the code and name.
func Organisation(code, name string) grip.Organisation {
	return grip.Organisation{
		Code: code, Name: name, Kind: grip.OrgGemeente, Slug: grip.Slugify(name),
		Province: "Overijssel", Inhabitants: 33_900, SizeClass: "20.000 tot 50.000 inwoners", Region: "TWENTE",
		Settings: grip.OrgSettings{LevelNames: []string{"doelenboom", "doel", "subdoel"}, VarianceThreshold: grip.Euros(100_000)},
	}
}

// taakvelden are codes valid in every Iv3 boekjaar from 2017 to 2026.
var taakvelden = []string{"6.1", "6.3", "6.4", "6.5"}

func value(v float64) *float64 { return &v }

// Document returns a realistic document of the organisation with every kind
// of entity: a programme with texts, a goal tree three levels deep (3 themes,
// 6 goals, 12 subgoals), activities linked to several subgoals, proposals
// with amounts over four years funded from a reserve, developments,
// indicators with numeric and word measurements, finance lines on valid
// taakvelden, variance lines, progress and a reserve with mutations.
// scale multiplies the number of activities, proposals, indicators and
// finance lines (1 is a typical kadernota programme).
func Document(org string, kind grip.DocumentKind, year, scale int) *grip.Document {
	if scale < 1 {
		scale = 1
	}
	d := &grip.Document{
		Organisation: org, Kind: kind, Year: year,
		Title:       fmt.Sprintf("%s %d", kind.Label(), year),
		Status:      grip.StatusVastgesteld,
		PublishedOn: fmt.Sprintf("%d-05-14", year-1), AdoptedOn: fmt.Sprintf("%d-07-02", year-1),
		Source: &grip.Source{FileName: "kadernota.txt", SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Format: "text",
			Notes: []grip.SourceNote{
				{Line: 120, Severity: grip.SeverityWarning, Message: "statuskolom is leeg", Text: "Status  Toelichting"},
				{Severity: grip.SeverityInfo, Message: "voorstel staat onder vijf doelen: één keer geteld"},
			}},
	}
	p := grip.Programme{
		Key: "p6", Number: "6", Title: "Sociaal domein",
		PortfolioHolders: []string{"J. Jansen", "A. de Vries"},
		MainObjective:    "Iedereen doet mee, naar vermogen.",
		Principles:       []string{"Eén gezin, één plan", "Preventie vóór zorg"},
		PolicyNotes:      []string{"Koersdocument Sociaal Domein 2019-2022"},
		Partners:         []grip.Partner{{Name: "Samenwerkingsverband Twente", Text: "Inkoop jeugdhulp"}, {Name: "Soweco"}},
		Sections: []grip.Section{
			{Kind: grip.SectionIntro, Heading: "Inleiding", Body: "Het sociaal domein is volop in beweging.", Line: 3},
			{Kind: grip.SectionTrends, Body: "Stijgende vraag naar jeugdhulp.\nMeer inwoners met schulden."},
		},
	}
	themes := []string{"Sociale zaken", "Maatschappelijke ondersteuning", "Jeugd"}
	var subgoals []string
	for i, th := range themes {
		theme := grip.Goal{Key: fmt.Sprintf("t%d", i+1), Title: th, Line: 10 + i*100,
			Sections: []grip.Section{{Kind: grip.SectionPerspective, Body: "Inhoudelijk perspectief van " + th}}}
		for j := 0; j < 2; j++ {
			goal := grip.Goal{Key: fmt.Sprintf("t%d.d%d", i+1, j+1), Title: fmt.Sprintf("Doel %d.%d", i+1, j+1)}
			if j == 0 {
				goal.Sections = []grip.Section{
					{Kind: grip.SectionIST, Body: "Waar stonden we: 511 uitkeringen"},
					{Kind: grip.SectionSOLL, Body: "Waar gaan we naar toe: minder dan 480"},
				}
			}
			for k := 0; k < 2; k++ {
				key := fmt.Sprintf("t%d.d%d.s%d", i+1, j+1, k+1)
				goal.Children = append(goal.Children, grip.Goal{Key: key, Title: fmt.Sprintf("Subdoel %d.%d.%d", i+1, j+1, k+1), Line: 20 + k})
				subgoals = append(subgoals, key)
			}
			theme.Children = append(theme.Children, goal)
		}
		p.Goals = append(p.Goals, theme)
	}
	p.Reserves = []grip.Reserve{{Key: "rsd", Name: "Reserve Sociaal Domein", BalanceYear: year, Balance: grip.Euros(4_250_000), Line: 900}}
	for i := 0; i < 10*scale; i++ {
		p.Activities = append(p.Activities, grip.Activity{
			Key: fmt.Sprintf("a%d", i+1), Title: fmt.Sprintf("Activiteit %d", i+1),
			Description: "Wij voeren dit uit samen met onze partners.",
			GoalKeys:    []string{subgoals[i%len(subgoals)], subgoals[(i+5)%len(subgoals)]},
			Line:        200 + i,
		})
	}
	for i := 0; i < 6*scale; i++ {
		pr := grip.Proposal{
			Key: fmt.Sprintf("v%d", i+1), Title: fmt.Sprintf("Voorstel %d", i+1), Text: "Wij stellen voor het budget te verhogen.",
			Recurrence: []grip.Recurrence{grip.Structureel, grip.Incidenteel, grip.Mixed}[i%3],
			Funding:    "dekking algemene middelen", Decision: "aangenomen",
			GoalKeys: []string{subgoals[i%len(subgoals)], fmt.Sprintf("t%d", i%3+1)}, Line: 400 + i,
		}
		for y := 0; y < 4; y++ {
			pr.Amounts = append(pr.Amounts, grip.ProposalAmount{Year: year + y, Amount: grip.Cents(int64(i+1)*7_500_000 + int64(y)*1_234_56)})
		}
		if i%2 == 0 {
			pr.Funding = "dekking reserve Sociaal Domein"
			pr.FundingReserve = "rsd"
			pr.Amounts[0].FromReserve = pr.Amounts[0].Amount
			pr.Amounts[0].Recurrence = grip.Incidenteel
			pr.Amounts[0].Note = "i, voor 2 jaar"
			p.Reserves[0].Mutations = append(p.Reserves[0].Mutations, grip.ReserveMutation{
				Year: year, Amount: -pr.Amounts[0].Amount, Description: "onttrekking " + pr.Title, ProposalKey: pr.Key})
		}
		p.Proposals = append(p.Proposals, pr)
	}
	p.Reserves[0].Mutations = append(p.Reserves[0].Mutations, grip.ReserveMutation{Year: year + 1, Amount: grip.Euros(500_000), Description: "storting"})
	p.Developments = []grip.Development{
		{Key: "o1", Title: "Stijging jeugdhulp", Text: "De kosten van jeugdhulp stijgen.", GoalKeys: []string{"t3"}, Line: 600},
		{Key: "o2", Title: "Abonnementstarief Wmo"},
		{Key: "o3", Title: "Risico herverdeling", GoalKeys: []string{"t1.d1", "t2.d2.s1"}},
	}
	for i := 0; i < 5*scale; i++ {
		in := grip.Indicator{
			Key: fmt.Sprintf("i%d", i+1), Name: fmt.Sprintf("Aantal uitkeringsgerechtigden %d", i+1), Group: "Beleidsindicatoren",
			Unit:   []grip.Unit{grip.UnitCount, grip.UnitPercentage, grip.UnitPer10000, grip.UnitText, grip.UnitPer1000}[i%5],
			Source: "Eigen registratie", Mandatory: i%2 == 1, Direction: grip.LowerIsBetter,
			GoalKeys: []string{subgoals[i%len(subgoals)]}, Line: 700 + i,
		}
		in.Measurements = []grip.Measurement{
			{Year: year - 2, Kind: grip.Realised, Value: value(511), Raw: "511 (01-7)", AsOf: "01-7"},
			{Year: year - 1, Kind: grip.Realised, Value: value(47.5), Raw: "47,5%", Footnote: "voorlopig cijfer"},
			{Year: year, Kind: grip.Planned, Word: "n.n.b.", Raw: "n.n.b.", Line: 12},
			{Year: year + 1, Kind: grip.Planned, Value: value(0)},
		}
		p.Indicators = append(p.Indicators, in)
	}
	for i := 0; i < 8*scale; i++ {
		tv := taakvelden[i%len(taakvelden)]
		p.FinanceLines = append(p.FinanceLines, grip.FinanceLine{
			Key: fmt.Sprintf("f%d", i+1), Taakveld: tv, Label: "Taakveld " + tv,
			Side: []grip.Side{grip.Lasten, grip.Baten}[i%2], Stage: []grip.MoneyStage{grip.StagePrimitief, grip.StageMeerjarenraming}[(i/4)%2],
			Year: year + (i/4)%4, Amount: grip.Cents(int64(i+1) * 1_207_574_100), Line: 800 + i,
		})
	}
	p.FinanceLines[0].GoalKeys = []string{"t1", "t2"}
	p.VarianceLines = []grip.VarianceLine{
		{Key: "vl1", Title: "Doelenboom Jeugd", GoalKey: "t3", Amount: -242_933_900, Explanation: "Meer jeugdhulp dan geraamd.", Line: 950},
		{Key: "vl2", Title: "Inkomensregelingen", Taakveld: "6.3", Side: grip.Lasten, Amount: 12_000_000},
		{Key: "vl3", Title: "Totaal programma", Amount: -230_933_900, Total: true},
	}
	p.Progress = []grip.ProgressEntry{
		{Key: "g1", GoalKey: "t1.d1", Title: "Voortgang doel 1.1", Status: grip.ProgressOnTrack, Plan: "Plan", Realisation: "Gedaan",
			Planning: "Q3", Indicator: "511", Resources: "Binnen budget", Risks: "Geen", Line: 1000},
		{Key: "g2", ActivityKey: "a2", Status: grip.ProgressAttention, Realisation: "Vertraagd"},
		{Key: "g3", Title: "Zonder koppeling"},
	}
	d.Programmes = []grip.Programme{p, {Key: "p7", Number: "7", Title: "Volksgezondheid en milieu",
		Goals:      []grip.Goal{{Key: "t1", Title: "Gezond leven"}},
		Activities: []grip.Activity{{Key: "a1", Title: "Preventieakkoord", GoalKeys: []string{"t1"}}}}}
	return d
}
