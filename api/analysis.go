package api

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"grip"
	"grip/analysis"
	"grip/httpx"
)

// The routes of package analysis: checks, indicators against targets (the
// "grip" view), variance, reserves, and the comparison on the national Iv3
// figures. Every response type is a plain struct of this file (no maps), so
// the OpenAPI description is generated from it.

// analysisRoutes registers the API routes of package analysis. New calls it
// after the API's own routes.
func (s *server) analysisRoutes(rt *router) {
	const doc = "/api/v1/organisations/{org}/documents/{doc}"
	rt.get(doc+"/checks", s.checks, operation{ID: "listChecks", Tag: "analyses",
		Summary:     "Bevindingen van de controles op een document",
		Description: "Rekenwerk, dubbelingen, BBV-logica, taakvelden en importnotities; fouten eerst. Dezelfde controles als `grip check`.",
		Response:    checksView{},
		Query:       []param{{Name: "severity", Type: "string", Description: "alleen bevindingen vanaf deze ernst, in het Nederlands (info, waarschuwing, fout) of het Engels (info, warning, error), zoals grip check --min-severity", Enum: analysis.SeverityWords()}}})
	rt.get(doc+"/indicators", s.indicators, operation{ID: "getGripView", Tag: "analyses",
		Summary:     "Indicatoren tegen streefwaarden per doel: het grip-overzicht",
		Description: "Per programma de thema's en doelen met hun indicatoren (realisatie tegen streefwaarde per jaar, status, trend), geld, activiteiten, voorstellen en voortgang.",
		Response:    gripView{}})
	rt.get(doc+"/variance", s.variance, operation{ID: "getVariance", Tag: "analyses",
		Summary:  "Verschillenanalyse tussen twee fasen van één jaar, per taakveld",
		Response: varianceListView{},
		Query: []param{
			{Name: "year", Type: "integer", Description: "jaar (standaard het jaar van het document)"},
			{Name: "from", Type: "string", Description: "fase waarmee vergeleken wordt (standaard na-wijziging)", Enum: stageNames()},
			{Name: "to", Type: "string", Description: "fase die vergeleken wordt (standaard realisatie)", Enum: stageNames()},
		}})
	rt.get(doc+"/reserves", s.reserves, operation{ID: "getReserves", Tag: "analyses",
		Summary:  "Reserves: saldo en prognose per jaar met de voorstellen die erop drukken",
		Response: reservesView{}})
	rt.get("/api/v1/iv3/datasets", s.iv3Datasets, operation{ID: "listIv3Datasets", Tag: "vergelijking",
		Summary: "De opgeslagen landelijke Iv3-cijfers (jaar en soort)", Response: iv3DatasetList{}})
	rt.get("/api/v1/organisations/{org}/comparison", s.comparison, operation{ID: "getComparison", Tag: "vergelijking",
		Summary:     "Vergelijk de gemeente per inwoner op één taakveld met andere gemeenten",
		Description: "Eigen waarde, mediaan, kwartielen en rang in de groep, en begroting tegen jaarrekening. Een taakveld telt zijn subtaakvelden mee; bestaat het niet in de indeling van dat jaar, dan is comparable false en zegt note waarom.",
		Response:    comparisonView{},
		Query: []param{
			{Name: "taakveld", Type: "string", Description: "taakveldcode, bijvoorbeeld 6.72 (verplicht)"},
			{Name: "year", Type: "integer", Description: "jaar van de landelijke cijfers (standaard 2023)"},
			{Name: "basis", Type: "string", Description: "begroting (standaard) of jaarrekening", Enum: []string{"begroting", "jaarrekening"}},
			{Name: "with", Type: "string", Description: "vergelijkingsgroep (standaard size-class)", Enum: []string{"all", "province", "size-class"}},
			{Name: "measure", Type: "string", Description: "lasten (standaard), baten of saldo (lasten - baten)", Enum: []string{"lasten", "baten", "saldo"}},
		}})
}

func stageNames() []string {
	return []string{string(grip.StagePrimitief), string(grip.StageNaWijziging), string(grip.StageRealisatie), string(grip.StageMeerjarenraming)}
}

// analysedDocument resolves {org} and {doc}.
func (s *server) analysedDocument(r *http.Request) (*grip.Organisation, *grip.Document, error) {
	id, kind, year, err := parseDocumentRef(r.PathValue("doc"))
	if err != nil {
		return nil, nil, err
	}
	org, err := s.organisation(r)
	if err != nil {
		return nil, nil, err
	}
	var d *grip.Document
	if id != 0 {
		d, err = s.store.Document(r.Context(), org.Code, id)
	} else {
		d, err = s.store.DocumentByKindYear(r.Context(), org.Code, kind, year)
	}
	return org, d, err
}

// ---- checks

type checksView struct {
	ID       int64              `json:"id" doc:"id van het document"`
	Document string             `json:"document" doc:"slug van het document"`
	Errors   int                `json:"errors" doc:"aantal bevindingen met ernst error"`
	Warnings int                `json:"warnings"`
	Info     int                `json:"info"`
	Findings []checkFindingView `json:"findings"`
}

type checkFindingView struct {
	Code     string           `json:"code" doc:"naam van de regel, bijvoorbeeld saldo-klopt-niet"`
	Severity string           `json:"severity" doc:"info, warning of error"`
	Place    findingPlaceView `json:"place"`
	Message  string           `json:"message" doc:"uitleg in gewone taal"`
}

type findingPlaceView struct {
	Document  string `json:"document"`
	Programme string `json:"programme,omitempty"`
	Kind      string `json:"kind,omitempty" doc:"soort onderdeel: goal, activity, proposal, indicator, ..."`
	Key       string `json:"key,omitempty"`
	Title     string `json:"title,omitempty"`
	Line      int    `json:"line,omitempty" doc:"regel in de bron, bij een geïmporteerd document"`
	Text      string `json:"text" doc:"de plaats in woorden"`
}

func (s *server) checks(w http.ResponseWriter, r *http.Request) error {
	min := 1
	if v := r.URL.Query().Get("severity"); v != "" {
		sev, ok := analysis.ParseSeverity(v)
		if !ok {
			return grip.Errorf(grip.EInvalid, "severity %q is onbekend: kies info, waarschuwing of fout (of info, warning, error)", v)
		}
		min = analysis.SeverityRank(sev)
	}
	org, d, err := s.analysedDocument(r)
	if err != nil {
		return err
	}
	fs := analysis.Check(d, *org, s.taakvelden)
	sum := analysis.Summary(fs)
	v := checksView{ID: d.ID, Document: d.Slug(), Errors: sum[grip.SeverityError], Warnings: sum[grip.SeverityWarning],
		Info: sum[grip.SeverityInfo], Findings: []checkFindingView{}}
	for _, f := range fs {
		if analysis.SeverityRank(f.Severity) < min {
			continue
		}
		v.Findings = append(v.Findings, checkFindingView{Code: f.Code, Severity: string(f.Severity), Message: f.Message,
			Place: findingPlaceView{Document: f.Place.Document, Programme: f.Place.Programme, Kind: string(f.Place.Kind),
				Key: f.Place.Key, Title: f.Place.Title, Line: f.Place.Line, Text: f.Place.String()}})
	}
	httpx.WriteJSON(w, http.StatusOK, v)
	return nil
}

// ---- indicators and the grip view

type gripView struct {
	ID         int64               `json:"id" doc:"id van het document"`
	Document   string              `json:"document"`
	Programmes []gripProgrammeView `json:"programmes"`
}

type gripProgrammeView struct {
	Key      string                `json:"key"`
	Title    string                `json:"title"`
	Rule     string                `json:"rule" doc:"hoe de status van een doel wordt bepaald"`
	Themes   []gripGoalView        `json:"themes"`
	Unlinked []indicatorReportView `json:"unlinked_indicators" doc:"indicatoren die aan geen doel hangen"`
}

type gripGoalView struct {
	Key         string                `json:"key"`
	Title       string                `json:"title"`
	Depth       int                   `json:"depth"`
	Level       string                `json:"level" doc:"naam van het niveau bij deze organisatie: thema, doel, ..."`
	Status      string                `json:"status" doc:"slechtste status van de indicatoren: op-koers, afwijking (geen oordeel: richting onbekend), aandacht, uit-koers of onbekend"`
	Indicators  []indicatorReportView `json:"indicators"`
	Money       []goalMoneyView       `json:"money" doc:"lasten en baten van de financiële regels die aan dit doel hangen"`
	SharedMoney bool                  `json:"shared_money,omitempty" doc:"een regel hangt aan meer doelen: bedragen van doelen tellen dan niet op"`
	Activities  []string              `json:"activities"`
	Proposals   []proposalSummaryView `json:"proposals"`
	Progress    []goalProgressView    `json:"progress"`
	Children    []gripGoalView        `json:"children"`
}

type goalMoneyView struct {
	Stage  string     `json:"stage"`
	Year   int        `json:"year"`
	Lasten grip.Cents `json:"lasten" doc:"eurocent"`
	Baten  grip.Cents `json:"baten" doc:"eurocent"`
}

type proposalSummaryView struct {
	Key     string           `json:"key"`
	Title   string           `json:"title"`
	Funding string           `json:"funding,omitempty"`
	Amounts []yearAmountView `json:"amounts"`
}

type yearAmountView struct {
	Year   int        `json:"year"`
	Amount grip.Cents `json:"amount" doc:"eurocent"`
}

type goalProgressView struct {
	Key         string `json:"key"`
	Title       string `json:"title,omitempty"`
	Status      string `json:"status,omitempty"`
	Realisation string `json:"realisation,omitempty"`
}

type indicatorReportView struct {
	Key         string              `json:"key"`
	Name        string              `json:"name"`
	Unit        string              `json:"unit,omitempty"`
	Direction   string              `json:"direction,omitempty" doc:"hoger-is-beter of lager-is-beter; leeg als onbekend"`
	Mandatory   bool                `json:"mandatory,omitempty"`
	Status      string              `json:"status" doc:"op-koers, afwijking (geen oordeel: richting onbekend), aandacht, uit-koers of onbekend"`
	StatusYear  int                 `json:"status_year,omitempty"`
	StatusBasis string              `json:"status_basis,omitempty" doc:"welke waarden de status vergelijkt, bijvoorbeeld realisatie 2017 tegen streefwaarde 2018"`
	Rule        string              `json:"rule" doc:"de regel achter de status, in woorden"`
	Trend       string              `json:"trend" doc:"stijgend, dalend, gelijk of onbekend"`
	Better      *bool               `json:"better,omitempty" doc:"of de trend de goede kant op gaat (alleen bij bekende richting)"`
	Years       []indicatorYearView `json:"years"`
}

type indicatorYearView struct {
	Year         int      `json:"year"`
	Realised     *float64 `json:"realised,omitempty"`
	RealisedText string   `json:"realised_text,omitempty"`
	Planned      *float64 `json:"planned,omitempty"`
	PlannedText  string   `json:"planned_text,omitempty"`
	Status       string   `json:"status"`
}

func (s *server) indicators(w http.ResponseWriter, r *http.Request) error {
	org, d, err := s.analysedDocument(r)
	if err != nil {
		return err
	}
	v := gripView{ID: d.ID, Document: d.Slug(), Programmes: []gripProgrammeView{}}
	for _, p := range analysis.GripView(d, *org) {
		pv := gripProgrammeView{Key: p.Key, Title: p.Title, Rule: p.Rule, Themes: []gripGoalView{},
			Unlinked: viewIndicatorReports(p.Unlinked)}
		for _, t := range p.Themes {
			pv.Themes = append(pv.Themes, viewGripGoal(t))
		}
		v.Programmes = append(v.Programmes, pv)
	}
	httpx.WriteJSON(w, http.StatusOK, v)
	return nil
}

func viewIndicatorReports(rs []analysis.IndicatorReport) []indicatorReportView {
	out := []indicatorReportView{}
	for _, r := range rs {
		iv := indicatorReportView{Key: r.Key, Name: r.Name, Unit: string(r.Unit), Direction: string(r.Direction), Mandatory: r.Mandatory,
			Status: string(r.Status), StatusYear: r.StatusYear, StatusBasis: r.StatusBasis, Rule: r.Rule, Trend: r.Trend, Better: r.Better, Years: []indicatorYearView{}}
		for _, y := range r.Years {
			iv.Years = append(iv.Years, indicatorYearView{Year: y.Year, Realised: y.Realised, RealisedText: y.RealisedText,
				Planned: y.Planned, PlannedText: y.PlannedText, Status: string(y.Status)})
		}
		out = append(out, iv)
	}
	return out
}

func viewGripGoal(g analysis.GoalView) gripGoalView {
	v := gripGoalView{Key: g.Key, Title: g.Title, Depth: g.Depth, Level: g.Level, Status: string(g.Status),
		Indicators: viewIndicatorReports(g.Indicators), Money: []goalMoneyView{}, Activities: []string{},
		Proposals: []proposalSummaryView{}, Progress: []goalProgressView{}, Children: []gripGoalView{}}
	v.Activities = append(v.Activities, g.Activities...)
	if m := g.Money; m != nil {
		v.SharedMoney = m.Shared
		type k struct {
			stage grip.MoneyStage
			year  int
		}
		rows := map[k]*goalMoneyView{}
		add := func(src map[grip.MoneyStage]map[int]grip.Cents, baten bool) {
			for st, ys := range src {
				for y, c := range ys {
					r := rows[k{st, y}]
					if r == nil {
						r = &goalMoneyView{Stage: string(st), Year: y}
						rows[k{st, y}] = r
					}
					if baten {
						r.Baten += c
					} else {
						r.Lasten += c
					}
				}
			}
		}
		add(m.Lasten, false)
		add(m.Baten, true)
		for _, r := range rows {
			v.Money = append(v.Money, *r)
		}
		sort.Slice(v.Money, func(i, j int) bool {
			if v.Money[i].Year != v.Money[j].Year {
				return v.Money[i].Year < v.Money[j].Year
			}
			return v.Money[i].Stage < v.Money[j].Stage
		})
	}
	for _, p := range g.Proposals {
		ps := proposalSummaryView{Key: p.Key, Title: p.Title, Funding: p.Funding, Amounts: []yearAmountView{}}
		for y, a := range p.Amounts {
			ps.Amounts = append(ps.Amounts, yearAmountView{Year: y, Amount: a})
		}
		sort.Slice(ps.Amounts, func(i, j int) bool { return ps.Amounts[i].Year < ps.Amounts[j].Year })
		v.Proposals = append(v.Proposals, ps)
	}
	for _, e := range g.Progress {
		v.Progress = append(v.Progress, goalProgressView{Key: e.Key, Title: e.Title, Status: string(e.Status), Realisation: e.Realisation})
	}
	for _, c := range g.Children {
		v.Children = append(v.Children, viewGripGoal(c))
	}
	return v
}

// ---- variance

type varianceListView struct {
	ID         int64          `json:"id" doc:"id van het document"`
	Document   string         `json:"document"`
	Programmes []varianceView `json:"programmes"`
}

type varianceView struct {
	Programme string               `json:"programme"`
	Year      int                  `json:"year"`
	From      string               `json:"from"`
	To        string               `json:"to"`
	Threshold grip.Cents           `json:"threshold" doc:"drempel voor een verplichte toelichting, eurocent (0: geen)"`
	Rule      string               `json:"rule"`
	Rows      []varianceRowView    `json:"rows"`
	FromSaldo grip.Cents           `json:"from_saldo"`
	ToSaldo   grip.Cents           `json:"to_saldo"`
	Effect    grip.Cents           `json:"effect" doc:"positief is voordeel, negatief nadeel"`
	VN        string               `json:"vn,omitempty"`
	Printed   *printedVarianceView `json:"printed,omitempty" doc:"de gedrukte verschillenanalyse en of die optelt tot het programmatotaal"`
}

type varianceRowView struct {
	Taakveld         string     `json:"taakveld"`
	Label            string     `json:"label,omitempty"`
	Side             string     `json:"side"`
	From             grip.Cents `json:"from"`
	To               grip.Cents `json:"to"`
	Effect           grip.Cents `json:"effect" doc:"positief is voordeel (V), negatief nadeel (N)"`
	VN               string     `json:"vn,omitempty"`
	NeedsExplanation bool       `json:"needs_explanation"`
	Explanation      string     `json:"explanation,omitempty"`
	Missing          bool       `json:"missing_explanation"`
}

type printedVarianceView struct {
	Lines  []printedVarianceLineView `json:"lines"`
	Sum    grip.Cents                `json:"sum"`
	Total  *grip.Cents               `json:"total,omitempty"`
	AddsUp bool                      `json:"adds_up"`
}

type printedVarianceLineView struct {
	Title       string     `json:"title"`
	Taakveld    string     `json:"taakveld,omitempty"`
	Amount      grip.Cents `json:"amount"`
	VN          string     `json:"vn,omitempty"`
	Explanation string     `json:"explanation,omitempty"`
}

func (s *server) variance(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	from, to := grip.MoneyStage(q.Get("from")), grip.MoneyStage(q.Get("to"))
	if from == "" {
		from = grip.StageNaWijziging
	}
	if to == "" {
		to = grip.StageRealisatie
	}
	if !from.Valid() || !to.Valid() {
		return grip.Errorf(grip.EInvalid, "fase is onbekend: kies %s", strings.Join(stageNames(), ", "))
	}
	year := 0
	if v := q.Get("year"); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil || y < grip.MinYear || y > grip.MaxYear {
			return grip.Errorf(grip.EInvalid, "year %q is ongeldig: verwacht een jaartal zoals 2021", v)
		}
		year = y
	}
	org, d, err := s.analysedDocument(r)
	if err != nil {
		return err
	}
	if year == 0 {
		year = d.Year
	}
	out := varianceListView{ID: d.ID, Document: d.Slug(), Programmes: []varianceView{}}
	for i := range d.Programmes {
		rep := analysis.Variance(&d.Programmes[i], year, from, to, org.Settings.VarianceThreshold)
		v := varianceView{Programme: rep.Programme, Year: rep.Year, From: string(rep.From), To: string(rep.To), Threshold: rep.Threshold,
			Rule: rep.Rule, Rows: []varianceRowView{}, FromSaldo: rep.FromSaldo, ToSaldo: rep.ToSaldo, Effect: rep.Effect, VN: rep.VN}
		for _, row := range rep.Rows {
			v.Rows = append(v.Rows, varianceRowView{Taakveld: row.Taakveld, Label: row.Label, Side: string(row.Side), From: row.From, To: row.To,
				Effect: row.Effect, VN: row.VN, NeedsExplanation: row.NeedsExplanation, Explanation: row.Explanation, Missing: row.Missing})
		}
		if p := rep.Printed; p != nil {
			pv := &printedVarianceView{Lines: []printedVarianceLineView{}, Sum: p.Sum, Total: p.Total, AddsUp: p.AddsUp}
			for _, l := range p.Lines {
				pv.Lines = append(pv.Lines, printedVarianceLineView{Title: l.Title, Taakveld: l.Taakveld, Amount: l.Amount, VN: grip.VN(l.Amount), Explanation: l.Explanation})
			}
			v.Printed = pv
		}
		out.Programmes = append(out.Programmes, v)
	}
	httpx.WriteJSON(w, http.StatusOK, out)
	return nil
}

// ---- reserves

type reservesView struct {
	ID       int64                 `json:"id" doc:"id van het document"`
	Document string                `json:"document"`
	Reserves []reserveForecastView `json:"reserves"`
}

type reserveForecastView struct {
	Key          string            `json:"key"`
	Name         string            `json:"name"`
	BalanceYear  int               `json:"balance_year"`
	Balance      grip.Cents        `json:"balance"`
	BalanceKnown bool              `json:"balance_known" doc:"false als het document geen saldo noemt: de jaren tonen dan wat de voorstellen nodig hebben"`
	RunsOut      int               `json:"runs_out,omitempty" doc:"eerste jaar met een negatief eindsaldo; ontbreekt als de reserve toereikend is"`
	Conclusion   string            `json:"conclusion"`
	Notes        []string          `json:"notes"`
	Years        []reserveYearView `json:"years"`
}

type reserveYearView struct {
	Year        int               `json:"year"`
	Start       grip.Cents        `json:"start"`
	Additions   grip.Cents        `json:"additions"`
	Withdrawals grip.Cents        `json:"withdrawals"`
	End         grip.Cents        `json:"end"`
	Draws       []reserveDrawView `json:"draws"`
}

type reserveDrawView struct {
	Description string     `json:"description"`
	ProposalKey string     `json:"proposal_key,omitempty"`
	Amount      grip.Cents `json:"amount" doc:"verandering van het saldo: negatief bij een onttrekking"`
}

func (s *server) reserves(w http.ResponseWriter, r *http.Request) error {
	_, d, err := s.analysedDocument(r)
	if err != nil {
		return err
	}
	out := reservesView{ID: d.ID, Document: d.Slug(), Reserves: []reserveForecastView{}}
	for _, f := range analysis.ReserveForecasts(d) {
		v := reserveForecastView{Key: f.Key, Name: f.Name, BalanceYear: f.BalanceYear, Balance: f.Balance, BalanceKnown: f.BalanceKnown, RunsOut: f.RunsOut,
			Conclusion: f.Conclusion, Notes: append([]string{}, f.Notes...), Years: []reserveYearView{}}
		for _, y := range f.Years {
			yv := reserveYearView{Year: y.Year, Start: y.Start, Additions: y.Additions, Withdrawals: y.Withdrawals, End: y.End, Draws: []reserveDrawView{}}
			for _, d := range y.Draws {
				yv.Draws = append(yv.Draws, reserveDrawView{Description: d.Description, ProposalKey: d.ProposalKey, Amount: d.Amount})
			}
			v.Years = append(v.Years, yv)
		}
		out.Reserves = append(out.Reserves, v)
	}
	httpx.WriteJSON(w, http.StatusOK, out)
	return nil
}

// ---- national figures and comparison

type iv3DatasetList struct {
	Datasets []iv3DatasetView `json:"datasets"`
}

type iv3DatasetView struct {
	Year           int    `json:"year"`
	Basis          string `json:"basis"`
	Source         string `json:"source,omitempty"`
	Municipalities int    `json:"municipalities"`
	Figures        int    `json:"figures"`
}

func (s *server) iv3Datasets(w http.ResponseWriter, r *http.Request) error {
	infos, err := s.store.Iv3Datasets(r.Context())
	if err != nil {
		return err
	}
	out := iv3DatasetList{Datasets: []iv3DatasetView{}}
	for _, i := range infos {
		out.Datasets = append(out.Datasets, iv3DatasetView{Year: i.Year, Basis: string(i.Basis), Source: i.Source, Municipalities: i.Municipalities, Figures: i.Figures})
	}
	httpx.WriteJSON(w, http.StatusOK, out)
	return nil
}

type comparisonView struct {
	Org        string                 `json:"org"`
	Taakveld   string                 `json:"taakveld"`
	Year       int                    `json:"year"`
	Basis      string                 `json:"basis"`
	Set        string                 `json:"set" doc:"all, province of size-class"`
	Measure    string                 `json:"measure"`
	Codes      []comparedTaakveldView `json:"codes" doc:"de opgetelde taakvelden"`
	Comparable bool                   `json:"comparable"`
	Note       string                 `json:"note,omitempty"`
	SetLabel   string                 `json:"set_label"`
	Self       *compareRowView        `json:"self,omitempty" doc:"de eigen gemeente"`
	Count      int                    `json:"count"`
	Median     grip.Cents             `json:"median" doc:"eurocent per inwoner"`
	Q1         grip.Cents             `json:"q1"`
	Q3         grip.Cents             `json:"q3"`
	Min        grip.Cents             `json:"min"`
	Max        grip.Cents             `json:"max"`
	RankRule   string                 `json:"rank_rule"`
	Rows       []compareRowView       `json:"rows"`
	Other      *otherBasisView        `json:"other,omitempty" doc:"de andere soort (jaarrekening of begroting) van hetzelfde jaar"`
}

type comparedTaakveldView struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type compareRowView struct {
	Code          string     `json:"code"`
	Name          string     `json:"name"`
	Inhabitants   int64      `json:"inhabitants"`
	Amount        grip.Cents `json:"amount" doc:"eurocent"`
	PerInhabitant grip.Cents `json:"per_inhabitant" doc:"eurocent per inwoner"`
	Rank          int        `json:"rank"`
}

type otherBasisView struct {
	Basis         string     `json:"basis"`
	PerInhabitant grip.Cents `json:"per_inhabitant"`
	Median        grip.Cents `json:"median"`
	Difference    grip.Cents `json:"difference" doc:"deze soort min de vergeleken soort, per inwoner"`
}

func (s *server) comparison(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	q := analysis.CompareQuery{Taakveld: v.Get("taakveld"), Year: 2023, Basis: grip.Iv3Basis(v.Get("basis")),
		Set: analysis.CompareSet(v.Get("with")), Measure: analysis.Measure(v.Get("measure"))}
	if q.Taakveld == "" {
		return grip.Errorf(grip.EInvalid, "geef de parameter taakveld, bijvoorbeeld ?taakveld=6.72")
	}
	if y := v.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < grip.MinYear || n > grip.MaxYear {
			return grip.Errorf(grip.EInvalid, "year %q is ongeldig: verwacht een jaartal zoals 2023", y)
		}
		q.Year = n
	}
	if q.Basis == "" {
		q.Basis = grip.Iv3Begroting
	}
	if q.Basis != grip.Iv3Begroting && q.Basis != grip.Iv3Jaarrekening {
		return grip.Errorf(grip.EInvalid, "basis %q is onbekend: kies begroting of jaarrekening", q.Basis)
	}
	if q.Set == "" {
		q.Set = analysis.SetSizeClass
	}
	org, err := s.organisation(r)
	if err != nil {
		return err
	}
	q.Org = org.Code
	c, err := analysis.CompareStore(r.Context(), s.store, q, s.taakvelden)
	if err != nil {
		return err
	}
	out := comparisonView{Org: c.Query.Org, Taakveld: c.Query.Taakveld, Year: c.Query.Year, Basis: string(c.Query.Basis),
		Set: string(c.Query.Set), Measure: string(c.Query.Measure), Codes: []comparedTaakveldView{}, Comparable: c.Comparable,
		Note: c.Note, SetLabel: c.SetLabel, Count: c.Count, Median: c.Median, Q1: c.Q1, Q3: c.Q3, Min: c.Min, Max: c.Max,
		RankRule: c.RankRule, Rows: []compareRowView{}}
	for _, t := range c.Codes {
		out.Codes = append(out.Codes, comparedTaakveldView{Code: t.Code, Name: t.Name})
	}
	for _, row := range c.Rows {
		out.Rows = append(out.Rows, compareRowView(row))
	}
	if c.Org != nil {
		self := compareRowView(*c.Org)
		out.Self = &self
	}
	if o := c.Other; o != nil {
		out.Other = &otherBasisView{Basis: string(o.Basis), PerInhabitant: o.PerInhabitant, Median: o.Median, Difference: o.Difference}
	}
	httpx.WriteJSON(w, http.StatusOK, out)
	return nil
}
