package site

import (
	"context"
	"fmt"
	"html/template"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"

	"grip"
	"grip/analysis"
)

// The pages of the analyses: checks, the grip view, variance and reserves
// per document, and the comparison with other gemeenten per organisation.
// They are registered in analysis.go (the hook).

// ---- checks

// ChecksView is the page of a document's check findings.
type ChecksView struct {
	Base
	Errors, Warnings, Info int
	Groups                 []FindingGroup
}

// FindingGroup is the findings of one severity.
type FindingGroup struct {
	Heading  string
	ID       string
	Findings []FindingRow
}

// FindingRow is one finding on the page.
type FindingRow struct {
	Place   string
	Link    string
	Message string
	Code    string
}

func (*ChecksView) templateName() string { return "checks" }

func (s *server) checksPage() docPageExt {
	return docPageExt{Slug: "controles", Label: "Controles: rekenwerk, dubbelingen en BBV", Template: "checks",
		Build: func(ctx context.Context, org *orgEntry, x *docIndex) (page, error) {
			fs := analysis.Check(x.doc, *x.org, s.cfg.Taakvelden)
			sum := analysis.Summary(fs)
			v := &ChecksView{Base: x.base("Controles van "+x.doc.Title, x.crumbs(Crumb{Label: "Controles"})),
				Errors: sum[grip.SeverityError], Warnings: sum[grip.SeverityWarning], Info: sum[grip.SeverityInfo]}
			v.Description = fmt.Sprintf("%d fouten, %d waarschuwingen en %d opmerkingen bij %s.", v.Errors, v.Warnings, v.Info, x.doc.Title)
			groups := map[grip.Severity]*FindingGroup{
				grip.SeverityError:   {Heading: "Fouten", ID: "fouten"},
				grip.SeverityWarning: {Heading: "Waarschuwingen", ID: "waarschuwingen"},
				grip.SeverityInfo:    {Heading: "Opmerkingen", ID: "opmerkingen"},
			}
			for _, f := range fs {
				g := groups[f.Severity]
				if g == nil {
					continue
				}
				g.Findings = append(g.Findings, FindingRow{Place: x.placeLabel(f.Place), Link: x.findingLink(f.Place), Message: f.Message, Code: f.Code})
			}
			for _, sev := range []grip.Severity{grip.SeverityError, grip.SeverityWarning, grip.SeverityInfo} {
				if g := groups[sev]; len(g.Findings) > 0 {
					v.Groups = append(v.Groups, *g)
				}
			}
			return v, nil
		}}
}

// placeLabel writes a finding's place as a reader knows it: the titles of
// the programme and the entity (a goal by its level's name, such as
// speerpunt) and the source line — "Sociaal domein › indicator “Banen”
// (regel 72)" — where analysis.Place.String gives URL names for the CLI.
// A place in the document as a whole is labelled with the document's title.
func (x *docIndex) placeLabel(p analysis.Place) string {
	var pi *progIndex
	for _, c := range x.progs {
		if c.p.Key == p.Programme {
			pi = c
		}
	}
	var parts []string
	switch {
	case pi != nil:
		parts = append(parts, pi.p.Title)
	case p.Programme != "":
		parts = append(parts, p.Programme)
	default:
		parts = append(parts, x.doc.Title)
	}
	if p.Kind != "" {
		word, title := analysis.KindLabel(p.Kind), p.Title
		if pi != nil {
			switch p.Kind {
			case grip.EntityGoal:
				if g := pi.goalByKey[p.Key]; g != nil {
					title = g.g.Title
					if l := x.levelName(g.depth); l != "" {
						word = strings.ToLower(l)
					}
				}
			case grip.EntityActivity:
				for _, a := range pi.acts {
					if a.a.Key == p.Key {
						title = a.a.Title
					}
				}
			case grip.EntityProposal:
				for _, n := range pi.props {
					if n.p.Key == p.Key {
						title = n.p.Title
					}
				}
			case grip.EntityIndicator:
				for _, n := range pi.inds {
					if n.in.Key == p.Key {
						title = n.in.Name
					}
				}
			}
		}
		if title == "" {
			title = p.Key
		}
		if title != "" && !(p.Kind == grip.EntityProgramme && pi != nil && title == pi.p.Title) {
			parts = append(parts, word+" “"+title+"”")
		}
	}
	label := strings.Join(parts, " › ")
	if p.Line > 0 {
		label += fmt.Sprintf(" (regel %d)", p.Line)
	}
	return label
}

// findingLink is the page of the entity a finding is about, when the site has one.
func (x *docIndex) findingLink(p analysis.Place) string {
	for _, pi := range x.progs {
		if pi.p.Key != p.Programme {
			continue
		}
		base := x.docURL() + "/" + pi.slug
		switch p.Kind {
		case grip.EntityGoal:
			if g := pi.goalByKey[p.Key]; g != nil {
				return base + "/" + g.path
			}
		case grip.EntityActivity:
			for _, a := range pi.acts {
				if a.a.Key == p.Key {
					return base + "/" + activitiesSlug + "/" + a.slug
				}
			}
		case grip.EntityProposal:
			for _, n := range pi.props {
				if n.p.Key == p.Key {
					return base + "/" + proposalsSlug + "/" + n.slug
				}
			}
		case grip.EntityIndicator:
			for _, n := range pi.inds {
				if n.in.Key == p.Key {
					return base + "/" + indicatorsSlug + "/" + n.slug
				}
			}
		}
		return base
	}
	return ""
}

// ---- grip view

// GripPageView is the grip view of a document: per theme its goals with
// indicators and status, money, activities and proposals.
type GripPageView struct {
	Base
	Programmes []GripProgramme
}

// GripProgramme is one programme of the grip view.
type GripProgramme struct {
	Title    string
	Rule     string
	Goals    []GripGoal
	Unlinked []GripIndicator
}

// GripGoal is one goal (at any depth) in reading order.
type GripGoal struct {
	Level, Title, URL string
	HeadingLevel      int // 3 for themes, 4 below
	Status            string
	StatusClass       string
	Indicators        []GripIndicator
	Activities        int
	Proposals         []Link
	Money             []string
	Progress          []string
}

// GripIndicator is an indicator with its status and values.
type GripIndicator struct {
	Name, URL   string
	Status      string
	StatusClass string
	Trend       string
	Values      string
}

func (*GripPageView) templateName() string { return "grip" }

func statusClass(s analysis.Status) string { return "grip-status grip-status--" + string(s) }

func (s *server) gripPage() docPageExt {
	return docPageExt{Slug: "grip", Label: "Grip-overzicht: doelen, indicatoren en geld", Template: "grip",
		Build: func(ctx context.Context, org *orgEntry, x *docIndex) (page, error) {
			v := &GripPageView{Base: x.base("Grip-overzicht van "+x.doc.Title, x.crumbs(Crumb{Label: "Grip-overzicht"}))}
			v.Description = "Per doel de indicatoren met hun status tegen de streefwaarde, het geld, de activiteiten en de voorstellen."
			for pi, p := range analysis.GripView(x.doc, *x.org) {
				prog := x.progs[pi]
				gp := GripProgramme{Title: p.Title, Rule: p.Rule}
				var walk func(g analysis.GoalView)
				walk = func(g analysis.GoalView) {
					gg := GripGoal{Level: g.Level, Title: g.Title, HeadingLevel: min(3+g.Depth, 6), Status: g.Status.Label(),
						StatusClass: statusClass(g.Status), Activities: len(g.Activities)}
					if n := prog.goalByKey[g.Key]; n != nil {
						gg.URL = x.docURL() + "/" + prog.slug + "/" + n.path
					}
					gg.Indicators = x.gripIndicators(prog, g.Indicators)
					for _, pr := range g.Proposals {
						var years []int
						for y := range pr.Amounts {
							years = append(years, y)
						}
						sort.Ints(years)
						var parts []string
						for _, y := range years {
							parts = append(parts, fmt.Sprintf("%d: € %s", y, euro(pr.Amounts[y])))
						}
						gg.Proposals = append(gg.Proposals, Link{Label: pr.Title, URL: x.proposalURL(prog, pr.Key), Note: strings.Join(parts, "; ")})
					}
					if m := g.Money; m != nil {
						gg.Money = moneyLines(m)
					}
					for _, e := range g.Progress {
						t := e.Title
						if e.Status != "" {
							t += " — " + progressLabel(e.Status)
						}
						gg.Progress = append(gg.Progress, t)
					}
					gp.Goals = append(gp.Goals, gg)
					for _, c := range g.Children {
						walk(c)
					}
				}
				for _, t := range p.Themes {
					walk(t)
				}
				gp.Unlinked = x.gripIndicators(prog, p.Unlinked)
				v.Programmes = append(v.Programmes, gp)
			}
			return v, nil
		}}
}

func moneyLines(m *analysis.GoalMoney) []string {
	var out []string
	type k struct {
		stage grip.MoneyStage
		year  int
	}
	var keys []k
	for st, ys := range m.Lasten {
		for y := range ys {
			keys = append(keys, k{st, y})
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].year != keys[j].year {
			return keys[i].year < keys[j].year
		}
		return keys[i].stage < keys[j].stage
	})
	for _, key := range keys {
		out = append(out, fmt.Sprintf("%d %s: lasten € %s", key.year, stageLabel(key.stage), euro(m.Lasten[key.stage][key.year])))
	}
	if m.Shared {
		out = append(out, "Een deel van de regels hangt ook aan andere doelen; bedragen van doelen tellen daarom niet op.")
	}
	return out
}

func (x *docIndex) proposalURL(p *progIndex, key string) string {
	for _, n := range p.props {
		if n.p.Key == key {
			return x.docURL() + "/" + p.slug + "/" + proposalsSlug + "/" + n.slug
		}
	}
	return ""
}

func (x *docIndex) gripIndicators(p *progIndex, rs []analysis.IndicatorReport) []GripIndicator {
	var out []GripIndicator
	for _, r := range rs {
		gi := GripIndicator{Name: r.Name, Status: r.StatusText(), StatusClass: statusClass(r.Status), Trend: r.Trend}
		if d := r.DirectionText(); d != "" {
			gi.Status += "; " + d
		}
		if r.Better != nil {
			if *r.Better {
				gi.Trend += ", de goede kant op"
			} else {
				gi.Trend += ", de verkeerde kant op"
			}
		}
		var parts []string
		for _, y := range r.Years {
			var s []string
			if y.RealisedText != "" {
				s = append(s, "realisatie "+y.RealisedText)
			}
			if y.PlannedText != "" {
				s = append(s, "streefwaarde "+y.PlannedText)
			}
			if len(s) > 0 {
				parts = append(parts, strconv.Itoa(y.Year)+": "+strings.Join(s, ", "))
			}
		}
		gi.Values = strings.Join(parts, "; ")
		for _, n := range p.inds {
			if n.in.Key == r.Key {
				gi.URL = x.docURL() + "/" + p.slug + "/" + indicatorsSlug + "/" + n.slug
			}
		}
		out = append(out, gi)
	}
	return out
}

// ---- variance

// VariancePageView is the verschillenanalyse of a document.
type VariancePageView struct {
	Base
	Year       int
	From, To   string
	Programmes []VarianceProgramme
	// Empty says why there is nothing to compare, when no programme has
	// amounts of both stages or printed variance lines.
	Empty string
}

// VarianceProgramme is the variance of one programme.
type VarianceProgramme struct {
	Title   string
	Rule    string
	Rows    []VarianceTableRow
	Total   VarianceTableRow
	Printed string
	Lines   []VarianceTableRow
}

// VarianceTableRow is one row of a variance table.
type VarianceTableRow struct {
	Label, Side, From, To, Effect, VN, Explanation string
	Missing                                        bool
}

func (*VariancePageView) templateName() string { return "variance" }

// varianceReports is the variance of each programme of the document that
// the variance page shows: begroting na wijziging against realisatie of the
// document's year.
func varianceReports(x *docIndex) []analysis.VarianceReport {
	var out []analysis.VarianceReport
	for i := range x.doc.Programmes {
		out = append(out, analysis.Variance(&x.doc.Programmes[i], x.doc.Year, grip.StageNaWijziging, grip.StageRealisatie, x.org.Settings.VarianceThreshold))
	}
	return out
}

// noVariance is the reason the document has no variance analysis, or ""
// when a programme has amounts of both stages or printed variance lines.
func noVariance(x *docIndex, rs []analysis.VarianceReport) string {
	for _, r := range rs {
		if len(r.Rows) > 0 || r.Printed != nil {
			return ""
		}
	}
	return fmt.Sprintf("het document heeft voor %d geen bedragen van de begroting na wijziging en de realisatie, en geen gedrukte verschillen", x.doc.Year)
}

func (s *server) variancePage() docPageExt {
	return docPageExt{Slug: "verschillen", Label: "Verschillenanalyse: begroting na wijziging tegen realisatie", Template: "variance",
		Absent: func(x *docIndex) string {
			if why := noVariance(x, varianceReports(x)); why != "" {
				return "Verschillenanalyse: " + why + "."
			}
			return ""
		},
		Build: func(ctx context.Context, org *orgEntry, x *docIndex) (page, error) {
			from, to := grip.StageNaWijziging, grip.StageRealisatie
			v := &VariancePageView{Base: x.base("Verschillenanalyse "+x.doc.Title, x.crumbs(Crumb{Label: "Verschillenanalyse"})),
				Year: x.doc.Year, From: stageLabel(from), To: stageLabel(to)}
			v.Description = fmt.Sprintf("Verschillen tussen %s en %s %d per taakveld, met voordeel (V) of nadeel (N) en toelichting.", v.From, v.To, x.doc.Year)
			reports := varianceReports(x)
			if why := noVariance(x, reports); why != "" {
				v.Empty = "Er is niets te vergelijken: " + why + ". Een begroting of kadernota heeft nog geen realisatie; de verschillenanalyse staat in het jaarverslag of een tussentijdse rapportage."
				return v, nil
			}
			for i := range x.doc.Programmes {
				p := &x.doc.Programmes[i]
				r := reports[i]
				vp := VarianceProgramme{Title: p.Title, Rule: r.Rule,
					Total: VarianceTableRow{Label: "Totaal (saldo)", From: euro(r.FromSaldo), To: euro(r.ToSaldo), Effect: euro(abs(r.Effect)), VN: r.VN}}
				for _, row := range r.Rows {
					vp.Rows = append(vp.Rows, VarianceTableRow{Label: strings.TrimSpace(row.Taakveld + " " + row.Label), Side: string(row.Side),
						From: euro(row.From), To: euro(row.To), Effect: euro(abs(row.Effect)), VN: row.VN, Explanation: row.Explanation, Missing: row.Missing})
				}
				if pr := r.Printed; pr != nil {
					for _, l := range pr.Lines {
						vp.Lines = append(vp.Lines, VarianceTableRow{Label: l.Title, Effect: euro(abs(l.Amount)), VN: grip.VN(l.Amount), Explanation: l.Explanation})
					}
					switch {
					case pr.Total == nil:
						vp.Printed = "Het document drukt geen programmatotaal bij de verschillen."
					case pr.AddsUp:
						vp.Printed = "De verschillen tellen op tot het gedrukte programmatotaal van € " + euro(abs(*pr.Total)) + " " + grip.VN(*pr.Total) + "."
					default:
						vp.Printed = fmt.Sprintf("Let op: de verschillen tellen op tot € %s %s, maar het gedrukte programmatotaal is € %s %s.",
							euro(abs(pr.Sum)), grip.VN(pr.Sum), euro(abs(*pr.Total)), grip.VN(*pr.Total))
					}
				}
				v.Programmes = append(v.Programmes, vp)
			}
			return v, nil
		}}
}

func abs(c grip.Cents) grip.Cents {
	if c < 0 {
		return -c
	}
	return c
}

// ---- reserves

// ReservesPageView shows the reserves and their forecast.
type ReservesPageView struct {
	Base
	Reserves []ReserveBlock
}

// ReserveBlock is one reserve: conclusion, chart and table.
type ReserveBlock struct {
	Name       string
	ID         string
	Conclusion string
	Notes      []string
	Chart      template.HTML
	Years      []ReserveRow
}

// ReserveRow is one year of a reserve.
type ReserveRow struct {
	Year                               int
	Start, Additions, Withdrawals, End string
	Draws                              []string
	Negative                           bool
}

func (*ReservesPageView) templateName() string { return "reserves" }

func (s *server) reservesPage() docPageExt {
	return docPageExt{Slug: "reserves", Label: "Reserves: wanneer is de reserve op?", Template: "reserves",
		Absent: func(x *docIndex) string {
			if len(analysis.ReserveForecasts(x.doc)) == 0 {
				return "Reserves: het document noemt geen reserves."
			}
			return ""
		},
		Build: func(ctx context.Context, org *orgEntry, x *docIndex) (page, error) {
			v := &ReservesPageView{Base: x.base("Reserves in "+x.doc.Title, x.crumbs(Crumb{Label: "Reserves"}))}
			v.Description = "Saldo en prognose per reserve, met de voorstellen die erop drukken."
			for i, f := range analysis.ReserveForecasts(x.doc) {
				b := ReserveBlock{Name: f.Name, ID: fmt.Sprintf("reserve-%d", i+1), Conclusion: f.Conclusion, Notes: f.Notes}
				var cats []string
				var pos, neg []grip.Cents
				shortfall := "Tekort"
				if !f.BalanceKnown {
					shortfall = "Nodig uit de reserve (saldo onbekend)"
				}
				for _, y := range f.Years {
					row := ReserveRow{Year: y.Year, Start: euro(y.Start), Additions: euro(y.Additions), Withdrawals: euro(y.Withdrawals),
						End: euro(y.End), Negative: y.End < 0}
					for _, d := range y.Draws {
						row.Draws = append(row.Draws, fmt.Sprintf("%s (€ %s)", d.Description, euro(d.Amount)))
					}
					b.Years = append(b.Years, row)
					cats = append(cats, strconv.Itoa(y.Year))
					if y.End >= 0 {
						pos, neg = append(pos, y.End), append(neg, 0)
					} else {
						pos, neg = append(pos, 0), append(neg, -y.End)
					}
				}
				b.Chart = barChart(barChartSpec{ID: b.ID, Title: "Saldo van de " + f.Name + " eind van elk jaar",
					Desc: f.Conclusion + " De tabel hieronder geeft dezelfde bedragen.", Cats: cats,
					Series: []barSeries{{Name: "Saldo", Class: "lasten", Values: pos}, {Name: shortfall, Class: "baten", Hatch: true, Values: neg}}})
				v.Reserves = append(v.Reserves, b)
			}
			return v, nil
		}}
}

// ---- comparison with other gemeenten

// ComparisonPageView compares the organisation per inhabitant with other
// gemeenten on one or all social-domain taakvelden, as chosen in its form.
type ComparisonPageView struct {
	Base
	Form ComparisonForm
	Year int
	// Basis is "begroting" or "jaarrekening"; OtherBasis the other one when
	// the same year has it (begroting vs jaarrekening), else "".
	Basis, OtherBasis string
	// Subject is what is compared: "taakveld 6.72 Maatwerkdienstverlening
	// 18-" or "de taakvelden van het sociaal domein".
	Subject  string
	SetLabel string
	// Measure is what is compared per inhabitant, as the headings say it
	// after a capital: "Lasten", "Baten" or "Saldo (lasten min baten)".
	Measure string
	// MeasureLower is Measure inside a sentence: "baten".
	MeasureLower string
	Message      string
	Rows         []ComparisonRow
	Chart        template.HTML
	// NotComparable are the chosen taakvelden that do not exist in the
	// year's list, with the reason.
	NotComparable []string
	// Series says, per taakveld, in which other stored years it means
	// something else (other codes or names): those are not comparable.
	Series []string
}

// ComparisonForm is the plain GET form of the comparison page: the stored
// datasets, the groups and the taakvelden to choose from.
type ComparisonForm struct {
	Action     string
	Datasets   []FormOption
	Groups     []FormOption
	Measures   []FormOption
	Taakvelden []FormOption
}

// FormOption is one choice of a select or a radio group.
type FormOption struct {
	ID, Value, Label string
	Selected         bool
}

// ComparisonRow is one taakveld of the comparison.
type ComparisonRow struct {
	Code, Taakveld, Own, Median, Q1, Q3, Rank string
	// Other is the gemeente's value on the other basis of the year, and
	// Difference that minus Own; "" when the year lacks the other basis.
	Other, Difference string
	// Spread is a small box plot of the group with the gemeente's position.
	Spread template.HTML
	// Years says in which other stored years the taakveld is (not) the same.
	Years string
}

func (*ComparisonPageView) templateName() string { return "comparison" }

// The form's parameters and the value of "every social-domain taakveld".
const (
	formDataset   = "cijfers"
	formGroup     = "groep"
	formTaakveld  = "taakveld"
	formMeasure   = "maat"
	allTaakvelden = "sociaal-domein"
)

func (s *server) comparisonPage() orgPageExt {
	cp := &comparisons{s: s}
	return orgPageExt{Slug: "vergelijking", Label: "Vergelijking met andere gemeenten (Iv3, per inwoner)", Template: "comparison",
		Build: func(ctx context.Context, o *orgEntry, form url.Values) (page, error) { return cp.view(ctx, o, form) }}
}

// comparisons builds the comparison page and keeps the national figures it
// has read as long as the stored datasets are the same (they change only
// when re-imported). It belongs to one server: nothing is shared between
// handlers.
type comparisons struct {
	s *server

	mu sync.Mutex
	// key describes the stored datasets the figures were read from.
	key  string
	figs map[figuresKey]*yearFigures
}

// figuresKey names what was read: the social-domain figures of a year
// (code "") or those of one taakveld group.
type figuresKey struct {
	year int
	code string
}

// yearFigures are figures of one year, per basis and code; never changed
// once kept, so that views read them without the lock.
type yearFigures struct {
	byCode map[grip.Iv3Basis]map[string][]grip.Iv3Row
	// mun is each gemeente's description (province, size class).
	mun map[string]grip.Iv3Municipality
}

// figures returns the figures of year for taakveld code (its group), or of
// every social-domain taakveld when code is "", reading them in one query
// when the cache lacks them or the stored datasets changed. Once a year's
// social-domain figures are kept, they answer every taakveld of the year.
func (cp *comparisons) figures(ctx context.Context, infos []grip.Iv3DatasetInfo, year int, code string) (*yearFigures, error) {
	key := fmt.Sprint(infos)
	cp.mu.Lock()
	defer cp.mu.Unlock()
	if cp.key != key {
		cp.key, cp.figs = key, map[figuresKey]*yearFigures{}
	}
	if f := cp.figs[figuresKey{year, ""}]; f != nil {
		return f, nil
	}
	if f := cp.figs[figuresKey{year, code}]; f != nil {
		return f, nil
	}
	var codes []string
	if code == "" {
		for _, t := range cp.s.cfg.Taakvelden.Taakvelden(year) {
			if strings.HasPrefix(t.Code, "6.") {
				codes = append(codes, t.Code)
			}
		}
	} else {
		for _, t := range analysis.TaakveldGroup(cp.s.cfg.Taakvelden, year, code) {
			codes = append(codes, t.Code)
		}
	}
	f := &yearFigures{byCode: map[grip.Iv3Basis]map[string][]grip.Iv3Row{}, mun: map[string]grip.Iv3Municipality{}}
	if len(codes) == 0 {
		// Not a taakveld of the year: nothing to read, and nothing kept, so
		// that made-up codes do not fill the cache.
		return f, nil
	}
	rows, err := cp.s.cfg.Store.Iv3Figures(ctx, grip.Iv3Query{Year: year, Taakvelden: codes})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		m := f.byCode[r.Basis]
		if m == nil {
			m = map[string][]grip.Iv3Row{}
			f.byCode[r.Basis] = m
		}
		m[r.Taakveld] = append(m[r.Taakveld], r)
		if _, ok := f.mun[r.Code]; !ok || r.Basis == grip.Iv3Begroting {
			f.mun[r.Code] = r.Iv3Municipality
		}
	}
	if code == "" {
		// The year's groups are now part of f.
		for k := range cp.figs {
			if k.year == year {
				delete(cp.figs, k)
			}
		}
	}
	cp.figs[figuresKey{year, code}] = f
	return f, nil
}

// rows returns the figures of basis on the codes of group.
func (f *yearFigures) rows(basis grip.Iv3Basis, group []grip.Taakveld) []grip.Iv3Row {
	var out []grip.Iv3Row
	for _, t := range group {
		out = append(out, f.byCode[basis][t.Code]...)
	}
	return out
}

// comparisonChoice is what the form asked for.
type comparisonChoice struct {
	year     int
	basis    grip.Iv3Basis
	set      analysis.CompareSet
	taakveld string // "" for all social-domain taakvelden
	measure  analysis.Measure
}

// measureLabel is the measure as a heading starts with it.
func measureLabel(m analysis.Measure) string {
	switch m {
	case analysis.MeasureBaten:
		return "Baten"
	case analysis.MeasureSaldo:
		return "Saldo (lasten min baten)"
	}
	return "Lasten"
}

// choose reads the form, with defaults for what it lacks: the begroting of
// the newest year that also has a jaarrekening (else the newest dataset),
// the gemeenten of the same size class, every social-domain taakveld, the
// lasten.
func choose(form url.Values, infos []grip.Iv3DatasetInfo) (comparisonChoice, error) {
	c := comparisonChoice{set: analysis.SetSizeClass, measure: analysis.MeasureLasten}
	if v := form.Get(formDataset); v != "" {
		found := false
		for _, i := range infos {
			if datasetValue(i) == v {
				c.year, c.basis, found = i.Year, i.Basis, true
			}
		}
		if !found {
			return c, grip.Errorf(grip.EInvalid, "de gekozen cijfers %q zijn niet opgeslagen: kies een begroting of jaarrekening uit de lijst", v)
		}
	} else {
		c.year, c.basis = defaultDataset(infos)
	}
	if v := form.Get(formGroup); v != "" {
		c.set = analysis.CompareSet(v)
		if !c.set.Valid() {
			return c, grip.Errorf(grip.EInvalid, "vergelijkingsgroep %q is onbekend: kies alle gemeenten, de provincie of de grootteklasse", v)
		}
	}
	if v := form.Get(formTaakveld); v != "" && v != allTaakvelden {
		if !validTaakveldCode(v) {
			return c, grip.Errorf(grip.EInvalid, "taakveld %q is geen taakveldcode: verwacht bijvoorbeeld 6.72", v)
		}
		c.taakveld = v
	}
	if v := form.Get(formMeasure); v != "" {
		switch m := analysis.Measure(v); m {
		case analysis.MeasureLasten, analysis.MeasureBaten, analysis.MeasureSaldo:
			c.measure = m
		default:
			return c, grip.Errorf(grip.EInvalid, "maat %q is onbekend: kies lasten, baten of saldo", v)
		}
	}
	return c, nil
}

// validTaakveldCode accepts codes like 6.1, 6.72 and 6.72a.
func validTaakveldCode(v string) bool {
	if len(v) > 8 || !strings.HasPrefix(v, "6.") || len(v) < 3 {
		return false
	}
	for _, r := range v[2:] {
		if (r < '0' || r > '9') && (r < 'a' || r > 'z') {
			return false
		}
	}
	return v[2] >= '0' && v[2] <= '9'
}

func datasetValue(i grip.Iv3DatasetInfo) string { return fmt.Sprintf("%s-%d", i.Basis, i.Year) }

func defaultDataset(infos []grip.Iv3DatasetInfo) (int, grip.Iv3Basis) {
	bases := map[int]int{}
	for _, i := range infos {
		bases[i.Year]++
	}
	newest := func(both bool) (year int, basis grip.Iv3Basis) {
		for _, i := range infos {
			if both && bases[i.Year] < 2 {
				continue
			}
			if i.Year > year || i.Year == year && i.Basis == grip.Iv3Begroting {
				year, basis = i.Year, i.Basis
			}
		}
		return year, basis
	}
	if year, basis := newest(true); year != 0 {
		return year, basis
	}
	return newest(false)
}

func basisLabel(b grip.Iv3Basis) string {
	if b == grip.Iv3Jaarrekening {
		return "Jaarrekening"
	}
	return "Begroting"
}

// view builds the comparison page for the choices in form (nil: defaults).
func (cp *comparisons) view(ctx context.Context, o *orgEntry, form url.Values) (page, error) {
	s := cp.s
	v := &ComparisonPageView{Base: Base{Title: o.org.Name + " vergeleken met andere gemeenten", OrgName: o.org.Name, OrgSlug: o.org.Slug,
		Crumbs: []Crumb{{Label: "Home", URL: "/"}, {Label: o.org.Name, URL: "/" + o.org.Slug}, {Label: "Vergelijking"}}}}
	v.Form.Action = "/" + o.org.Slug + "/vergelijking"
	infos, err := s.cfg.Store.Iv3Datasets(ctx)
	if err != nil {
		return nil, err
	}
	if len(infos) == 0 {
		v.Message = "Er zijn geen landelijke cijfers opgeslagen. Lees ze in met grip iv3 import."
		v.Description = v.Message
		return v, nil
	}
	ch, err := choose(form, infos)
	if err != nil {
		return nil, err
	}
	v.Year, v.Basis, v.Measure = ch.year, string(ch.basis), measureLabel(ch.measure)
	v.MeasureLower = strings.ToLower(v.Measure)
	other := grip.Iv3Jaarrekening
	if ch.basis == grip.Iv3Jaarrekening {
		other = grip.Iv3Begroting
	}
	var years []int
	for _, i := range infos {
		if i.Year == ch.year && i.Basis == other {
			v.OtherBasis = string(other)
		}
		if len(years) == 0 || years[len(years)-1] != i.Year {
			years = append(years, i.Year)
		}
	}
	fig, err := cp.figures(ctx, infos, ch.year, ch.taakveld)
	if err != nil {
		return nil, err
	}
	cp.fillForm(&v.Form, infos, ch, fig.mun[o.org.Code])

	list := socialDomainTaakvelden(s.cfg.Taakvelden, ch.year)
	v.Subject = "de taakvelden van het sociaal domein"
	if ch.taakveld != "" {
		t, ok := s.cfg.Taakvelden.Taakveld(ch.year, ch.taakveld)
		if !ok {
			t = grip.Taakveld{Code: ch.taakveld}
		}
		list = []grip.Taakveld{t}
		v.Subject = strings.TrimSpace("taakveld " + t.Code + " " + t.Name)
	}
	v.Description = fmt.Sprintf("%s per inwoner op %s, %s %d, vergeleken met andere gemeenten.", v.Measure, v.Subject, ch.basis, ch.year)
	// Other years in the order the series compares: the chosen year first.
	seriesYears := []int{ch.year}
	for _, y := range years {
		if y != ch.year {
			seriesYears = append(seriesYears, y)
		}
	}
	var bars []comparisonBar
	for _, tv := range list {
		group := analysis.TaakveldGroup(s.cfg.Taakvelden, ch.year, tv.Code)
		c, err := analysis.Compare(analysis.CompareQuery{Org: o.org.Code, Taakveld: tv.Code, Year: ch.year, Basis: ch.basis, Set: ch.set,
			Measure: ch.measure},
			fig.rows(ch.basis, group), fig.rows(other, group), s.cfg.Taakvelden)
		if grip.ErrorCode(err) == grip.ENotFound {
			continue // no figure of the gemeente on this taakveld
		}
		if err != nil {
			return nil, err
		}
		if !c.Comparable {
			v.NotComparable = append(v.NotComparable, c.Note)
			continue
		}
		v.SetLabel = c.SetLabel
		row := ComparisonRow{Code: tv.Code, Taakveld: tv.Code + " " + tv.Name, Own: perInhabitant(c.Org.PerInhabitant), Median: perInhabitant(c.Median),
			Q1: perInhabitant(c.Q1), Q3: perInhabitant(c.Q3), Rank: fmt.Sprintf("%d van %d", c.Org.Rank, c.Count)}
		if c.Other != nil {
			row.Other, row.Difference = perInhabitant(c.Other.PerInhabitant), perInhabitant(c.Other.Difference)
		} else if v.OtherBasis != "" {
			row.Other, row.Difference = "–", "–"
		}
		row.Years, v.Series = seriesText(s.cfg.Taakvelden, tv, seriesYears, v.Series)
		row.Spread = distributionChart(distributionSpec{ID: "spreiding-" + strings.ReplaceAll(tv.Code, ".", "-"),
			Title: fmt.Sprintf("%s: %s € %s per inwoner; in de groep minimum € %s, kwartielen € %s en € %s, mediaan € %s, maximum € %s",
				tv.Code, o.org.Name, perInhabitant(c.Org.PerInhabitant), perInhabitant(c.Min), perInhabitant(c.Q1), perInhabitant(c.Q3),
				perInhabitant(c.Median), perInhabitant(c.Max)),
			Min: c.Min, Q1: c.Q1, Median: c.Median, Q3: c.Q3, Max: c.Max, Own: c.Org.PerInhabitant, OwnName: o.org.Name})
		v.Rows = append(v.Rows, row)
		bars = append(bars, comparisonBar{Code: tv.Code, Own: c.Org.PerInhabitant, Median: c.Median, OwnText: row.Own, MedianText: row.Median})
	}
	if len(v.Rows) > 0 {
		v.Chart = comparisonChart(comparisonChartSpec{ID: "vergelijking", OwnName: o.org.Name, Bars: bars,
			Title: fmt.Sprintf("%s per inwoner, %s %d: %s en de mediaan van de %s", v.Measure, ch.basis, ch.year, o.org.Name, v.SetLabel),
			Desc: fmt.Sprintf("Per taakveld %s per inwoner van de gemeente naast de mediaan van de groep, in euro's; de tabel geeft dezelfde bedragen.",
				v.MeasureLower)})
	} else if len(v.NotComparable) == 0 {
		v.Message = fmt.Sprintf("Voor %s zijn geen landelijke cijfers van de %s %d op %s opgeslagen.", o.org.Name, ch.basis, ch.year, v.Subject)
	}
	return v, nil
}

// seriesText says in which other years taakveld tv means the same (the same
// codes and names) and in which not, and adds the reasons to notes.
func seriesText(cat grip.TaakveldCatalog, tv grip.Taakveld, years []int, notes []string) (string, []string) {
	if len(years) < 2 {
		return "", notes
	}
	var same, differ []string
	for _, sy := range analysis.Series(cat, tv.Code, years)[1:] {
		if sy.Comparable {
			same = append(same, strconv.Itoa(sy.Year))
			continue
		}
		differ = append(differ, strconv.Itoa(sy.Year))
		notes = append(notes, fmt.Sprintf("%s in %d: %s", tv.Code, sy.Year, sy.Note))
	}
	var parts []string
	if len(same) > 0 {
		parts = append(parts, "vergelijkbaar met "+strings.Join(same, ", "))
	}
	if len(differ) > 0 {
		parts = append(parts, "niet vergelijkbaar met "+strings.Join(differ, ", "))
	}
	return strings.Join(parts, "; "), notes
}

// fillForm sets the choices of the form, with the current ones selected.
func (cp *comparisons) fillForm(f *ComparisonForm, infos []grip.Iv3DatasetInfo, ch comparisonChoice, self grip.Iv3Municipality) {
	for _, i := range infos {
		f.Datasets = append(f.Datasets, FormOption{Value: datasetValue(i), Label: fmt.Sprintf("%s %d", basisLabel(i.Basis), i.Year),
			Selected: i.Year == ch.year && i.Basis == ch.basis})
	}
	province, size := "Gemeenten in dezelfde provincie", "Gemeenten van dezelfde grootte"
	if self.Province != "" {
		province = "Gemeenten in " + self.Province
	}
	if self.SizeClass != "" {
		size = "Gemeenten met " + self.SizeClass
	}
	for _, g := range []FormOption{{Value: string(analysis.SetSizeClass), Label: size}, {Value: string(analysis.SetProvince), Label: province},
		{Value: string(analysis.SetAll), Label: "Alle gemeenten"}} {
		g.ID = "vergelijking-groep-" + g.Value
		g.Selected = analysis.CompareSet(g.Value) == ch.set
		f.Groups = append(f.Groups, g)
	}
	for _, m := range []analysis.Measure{analysis.MeasureLasten, analysis.MeasureBaten, analysis.MeasureSaldo} {
		f.Measures = append(f.Measures, FormOption{ID: "vergelijking-maat-" + string(m), Value: string(m), Label: measureLabel(m),
			Selected: m == ch.measure})
	}
	f.Taakvelden = append(f.Taakvelden, FormOption{Value: allTaakvelden, Label: "Alle taakvelden van het sociaal domein", Selected: ch.taakveld == ""})
	found := ch.taakveld == ""
	for _, t := range socialDomainTaakvelden(cp.s.cfg.Taakvelden, ch.year) {
		f.Taakvelden = append(f.Taakvelden, FormOption{Value: t.Code, Label: t.Code + " " + t.Name, Selected: t.Code == ch.taakveld})
		found = found || t.Code == ch.taakveld
	}
	if !found {
		// A code of another year's list (or a sub-taakveld): keep it chosen.
		label := ch.taakveld + " (niet in de lijst van " + strconv.Itoa(ch.year) + ")"
		if t, ok := cp.s.cfg.Taakvelden.Taakveld(ch.year, ch.taakveld); ok {
			label = t.Code + " " + t.Name
		}
		f.Taakvelden = append(f.Taakvelden, FormOption{Value: ch.taakveld, Label: label, Selected: true})
	}
}

// perInhabitant writes an amount per inhabitant with cents, without the
// euro sign (the table says "euro's"): "148,59".
func perInhabitant(c grip.Cents) string { return strings.Replace(c.Format(true), "€ ", "", 1) }

// socialDomainTaakvelden are the taakvelden of chapter 6 of a year whose
// code has no letter: lettered sub-taakvelden are added to their parent.
func socialDomainTaakvelden(tv grip.TaakveldCatalog, year int) []grip.Taakveld {
	list := tv.Taakvelden(year)
	have := map[string]bool{}
	for _, t := range list {
		have[t.Code] = true
	}
	var out []grip.Taakveld
	for _, t := range list {
		if !strings.HasPrefix(t.Code, "6.") {
			continue
		}
		parent := strings.TrimRight(t.Code, "abcdefghijklmnopqrstuvwxyz")
		if parent != t.Code && have[parent] {
			continue // added to its parent
		}
		out = append(out, t)
	}
	return out
}
