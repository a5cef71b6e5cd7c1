package site

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"grip"
)

func orgRef(o *orgEntry) *Link { return &Link{Label: o.org.Name, URL: "/" + o.org.Slug} }

func (s *server) indexPage(ctx context.Context) (page, error) {
	orgs, err := s.organisations(ctx)
	if err != nil {
		return nil, err
	}
	v := &indexView{Base: Base{Title: "Begrotingen sociaal domein", Crumbs: []Crumb{{Label: "Home"}}}}
	for _, o := range orgs {
		note := "gemeente"
		if o.Kind == grip.OrgRegio {
			note = "regio"
		}
		if o.Province != "" {
			note += ", " + o.Province
		}
		v.Organisations = append(v.Organisations, Link{Label: o.Name, URL: "/" + o.Slug, Note: note})
	}
	return v, nil
}

func (s *server) orgPage(o *orgEntry) page {
	v := &organisationView{Base: Base{Title: "Documenten van " + o.org.Name, OrgName: o.org.Name, OrgSlug: o.org.Slug,
		Crumbs: []Crumb{{Label: "Home", URL: "/"}, {Label: o.org.Name}}}}
	byYear := map[int][]Link{}
	docs := append([]grip.DocumentInfo(nil), o.docs...)
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Kind.CycleOrder() < docs[j].Kind.CycleOrder() })
	for _, d := range docs {
		byYear[d.Year] = append(byYear[d.Year], Link{Label: d.Kind.Label() + " " + strconv.Itoa(d.Year),
			URL: "/" + o.org.Slug + "/" + docSlug(d.Kind, d.Year), Note: statusLabel(d.Status)})
	}
	ys := sortedYears(byYear)
	for i := len(ys) - 1; i >= 0; i-- {
		v.Years = append(v.Years, YearDocs{Year: ys[i], Docs: byYear[ys[i]]})
	}
	for _, p := range s.ext.orgPages {
		v.Pages = append(v.Pages, Link{Label: p.Label, URL: "/" + o.org.Slug + "/" + p.Slug})
	}
	return v
}

// crumbs returns the breadcrumb down to the document, plus more.
func (x *docIndex) crumbs(more ...Crumb) []Crumb {
	c := []Crumb{{Label: "Home", URL: "/"}, {Label: x.org.Name, URL: x.orgURL()},
		{Label: x.doc.Kind.Label() + " " + strconv.Itoa(x.doc.Year), URL: x.docURL()}}
	return append(c, more...)
}

func (x *docIndex) base(title string, crumbs []Crumb) Base {
	crumbs[len(crumbs)-1].URL = ""
	return Base{Title: title, OrgName: x.org.Name, OrgSlug: x.org.Slug, Crumbs: crumbs}
}

func (s *server) documentPage(d *docEntry) page {
	x := d.idx
	doc := x.doc
	title := doc.Title
	if title == "" {
		title = doc.Kind.Label() + " " + strconv.Itoa(doc.Year)
	}
	v := &documentView{Base: x.base(title, x.crumbs()), Kind: doc.Kind.Label(), Year: doc.Year,
		Status: statusLabel(doc.Status), Published: doc.PublishedOn, Adopted: doc.AdoptedOn}
	if doc.Source != nil {
		v.Source = doc.Source.FileName
	}
	for _, p := range x.progs {
		c := programmeCounts(p)
		sum := ProgrammeSummary{Link: Link{Label: p.p.Title, URL: x.progURL(p)}, Number: p.p.Number,
			Themes: c.Themes, Goals: c.Goals + c.Subgoals, Acts: len(p.acts), Props: len(p.props), Inds: len(p.inds)}
		var l, b grip.Cents
		stage, ok := summaryStage(doc, p.p.FinanceLines)
		onlySaldo := false
		for _, f := range p.p.FinanceLines {
			if !ok || f.Year != doc.Year || f.Stage != stage {
				continue
			}
			sum.HasYear = true
			switch f.Side {
			case grip.Baten:
				b += f.Amount
			case grip.Lasten:
				l += f.Amount
			default:
				onlySaldo = true
			}
		}
		sum.Year = doc.Year
		if !onlySaldo {
			sum.Lasten, sum.Baten = euro(l), euro(b)
		}
		v.Programmes = append(v.Programmes, sum)
	}
	for _, p := range s.ext.docPages {
		if p.Absent != nil {
			if why := p.Absent(x); why != "" {
				v.Absent = append(v.Absent, why)
				continue
			}
		}
		v.Pages = append(v.Pages, Link{Label: p.Label, URL: x.docURL() + "/" + p.Slug})
	}
	return v
}

func programmeCounts(p *progIndex) grip.Counts {
	d := grip.Document{Programmes: []grip.Programme{*p.p}}
	return d.Counts()
}

// questions returns the three W-questions for the document's kind.
func questions(k grip.DocumentKind) (achieve, do, cost string) {
	switch k {
	case grip.KindJaarverslag, grip.KindJaarrekening:
		return "Wat hebben we bereikt?", "Wat hebben we gedaan?", "Wat heeft het gekost?"
	}
	return "Wat willen we bereiken?", "Wat gaan we daarvoor doen?", "Wat mag het kosten?"
}

func textBlocks(secs []grip.Section, keep func(grip.SectionKind) bool) []TextBlock {
	var out []TextBlock
	for _, s := range secs {
		if !keep(s.Kind) {
			continue
		}
		h := s.Heading
		if h == "" {
			h = sectionLabel(s.Kind)
		}
		if strings.HasSuffix(h, "?") {
			// The W-questions are the page's own headings already.
			h = ""
		}
		out = append(out, TextBlock{Heading: h, Paras: paragraphs(s.Body)})
	}
	return out
}

func is(kinds ...grip.SectionKind) func(grip.SectionKind) bool {
	return func(k grip.SectionKind) bool {
		for _, x := range kinds {
			if k == x {
				return true
			}
		}
		return false
	}
}

func (s *server) programmePage(x *docIndex, p *progIndex) page {
	title := p.p.Title
	v := &programmeView{Base: x.base(title, x.crumbs(Crumb{Label: title})), Number: p.p.Number,
		Holders: p.p.PortfolioHolders, MainObjective: p.p.MainObjective, Principles: p.p.Principles, PolicyNotes: p.p.PolicyNotes}
	v.QAchieve, v.QDo, v.QCost = questions(x.doc.Kind)
	if obj := paragraphs(p.p.MainObjective); len(obj) > 0 {
		if obj[0].Items == nil {
			v.ObjectiveLead, obj = obj[0].Text, obj[1:]
		}
		v.ObjectiveRest = obj
	}
	secs := p.p.Sections
	v.Intro = textBlocks(secs, is(grip.SectionIntro, grip.SectionPerspective, grip.SectionEffect, grip.SectionTrends))
	v.AchieveTexts = textBlocks(secs, is(grip.SectionAchieve, grip.SectionAchieved, grip.SectionIST, grip.SectionSOLL))
	v.DoTexts = textBlocks(secs, is(grip.SectionDo, grip.SectionDone))
	v.CostTexts = textBlocks(secs, is(grip.SectionCost, grip.SectionCostActual))
	v.Other = textBlocks(secs, is(grip.SectionConclusion, grip.SectionOther))
	v.Tree = x.tree(p, p.roots)
	same := sameIndicatorNames(p)
	for _, in := range p.inds {
		v.Indicators = append(v.Indicators, x.indicatorLink(p, in, same))
	}
	for _, a := range p.acts {
		v.Activities = append(v.Activities, Link{Label: a.a.Title, URL: x.actURL(p, a), Note: goalsNote(len(a.goals))})
	}
	v.Proposals = x.proposalTable(p, p.props, "Voorstellen van "+title+", bedragen in euro's; elk voorstel één keer geteld", "voorstellen")
	for i := range p.p.Developments {
		d := &p.p.Developments[i]
		v.Developments = append(v.Developments, DevelopmentView{Title: d.Title, Paras: paragraphs(d.Text)})
	}
	v.Money = x.moneyTable(p.p.FinanceLines, "Lasten, baten en saldo per taakveld van "+title+", bedragen in euro's", "geld")
	for _, pa := range p.p.Partners {
		v.Partners = append(v.Partners, TextBlock{Heading: pa.Name, Paras: paragraphs(pa.Text)})
	}
	return v
}

func goalsNote(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return ""
	}
	return fmt.Sprintf("bij %d doelen", n)
}

// tree turns goal nodes into nested links.
func (x *docIndex) tree(p *progIndex, gs []*goalNode) []TreeItem {
	var out []TreeItem
	for _, g := range gs {
		it := TreeItem{Level: x.levelName(g.depth), Label: g.g.Title, URL: x.goalURL(p, g), Children: x.tree(p, g.children)}
		var notes []string
		if n := len(g.acts); n > 0 {
			notes = append(notes, plural(n, "activiteit", "activiteiten"))
		}
		if n := len(g.props); n > 0 {
			notes = append(notes, plural(n, "voorstel", "voorstellen"))
		}
		if n := len(g.inds); n > 0 {
			notes = append(notes, plural(n, "indicator", "indicatoren"))
		}
		it.Note = strings.Join(notes, ", ")
		out = append(out, it)
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func (s *server) goalPage(x *docIndex, p *progIndex, g *goalNode) page {
	crumbs := x.crumbs(Crumb{Label: p.p.Title, URL: x.progURL(p)})
	for _, a := range g.ancestors() {
		crumbs = append(crumbs, Crumb{Label: a.g.Title, URL: x.goalURL(p, a)})
	}
	crumbs = append(crumbs, Crumb{Label: g.g.Title})
	v := &goalView{Base: x.base(g.g.Title, crumbs), Level: x.levelName(g.depth),
		Programme: Link{Label: p.p.Title, URL: x.progURL(p)}, ChildLevel: x.levelName(g.depth + 1)}
	if g.parent != nil {
		v.Parent = &Link{Label: g.parent.g.Title, URL: x.goalURL(p, g.parent), Note: x.levelName(g.parent.depth)}
	}
	v.QAchieve, v.QDo, v.QCost = questions(x.doc.Kind)
	same := sameIndicatorNames(p)
	doKinds := is(grip.SectionDo, grip.SectionDone)
	costKinds := is(grip.SectionCost, grip.SectionCostActual)
	v.Sections = textBlocks(g.g.Sections, func(k grip.SectionKind) bool { return !doKinds(k) && !costKinds(k) })
	v.DoTexts = textBlocks(g.g.Sections, doKinds)
	v.CostTexts = textBlocks(g.g.Sections, costKinds)
	v.Children = x.tree(p, g.children)
	v.Subtree = len(g.children) > 0
	// Everything linked to this goal or to a goal below it, each once.
	seenA, seenP, seenI := map[*activityNode]bool{}, map[*proposalNode]bool{}, map[*indicatorNode]bool{}
	var props []*proposalNode
	var lines []grip.FinanceLine
	seenL := map[*grip.Goal]bool{}
	for _, n := range g.subtree() {
		for _, a := range n.acts {
			if !seenA[a] {
				seenA[a] = true
				v.Activities = append(v.Activities, Link{Label: a.a.Title, URL: x.actURL(p, a), Note: goalsNote(len(a.goals))})
			}
		}
		for _, pr := range n.props {
			if !seenP[pr] {
				seenP[pr] = true
				props = append(props, pr)
			}
		}
		for _, in := range n.inds {
			if !seenI[in] {
				seenI[in] = true
				v.Indicators = append(v.Indicators, x.indicatorLink(p, in, same))
			}
		}
		for _, d := range n.devs {
			v.Developments = append(v.Developments, DevelopmentView{Title: d.Title, Paras: paragraphs(d.Text)})
		}
		if !seenL[n.g] {
			seenL[n.g] = true
			lines = append(lines, n.finance...)
		}
	}
	for _, e := range g.progress {
		v.Progress = append(v.Progress, progressView(e))
	}
	v.Proposals = x.proposalTable(p, props, "Voorstellen bij "+g.g.Title+", bedragen in euro's; elk voorstel één keer geteld", "voorstellen")
	v.Money = x.moneyTable(dedupLines(lines), "Lasten, baten en saldo bij "+g.g.Title+", bedragen in euro's", "geld")
	return v
}

// dedupLines keeps each finance line once (a line linked to a goal and to
// its subgoal is one line).
func dedupLines(ls []grip.FinanceLine) []grip.FinanceLine {
	type k struct {
		key  string
		id   int64
		tv   string
		side grip.Side
		st   grip.MoneyStage
		y    int
	}
	seen := map[k]bool{}
	var out []grip.FinanceLine
	for _, l := range ls {
		kk := k{l.Key, l.ID, l.Taakveld, l.Side, l.Stage, l.Year}
		if !seen[kk] {
			seen[kk] = true
			out = append(out, l)
		}
	}
	return out
}

func progressView(e *grip.ProgressEntry) ProgressView {
	pv := ProgressView{Title: e.Title, Status: progressLabel(e.Status)}
	if pv.Title == "" {
		pv.Title = "Voortgang"
	}
	for _, b := range []struct{ h, t string }{{"Plan", e.Plan}, {"Wat is er gedaan", e.Realisation}, {"Planning", e.Planning},
		{"Indicator", e.Indicator}, {"Financiële middelen", e.Resources}, {"Risico's", e.Risks}} {
		if strings.TrimSpace(b.t) != "" {
			pv.Blocks = append(pv.Blocks, TextBlock{Heading: b.h, Paras: paragraphs(b.t)})
		}
	}
	return pv
}

func (x *docIndex) goalRefs(p *progIndex, gs []*goalNode) []GoalRef {
	var out []GoalRef
	for _, g := range gs {
		var trail []string
		for _, a := range g.ancestors() {
			trail = append(trail, a.g.Title)
		}
		out = append(out, GoalRef{Link: Link{Label: g.g.Title, URL: x.goalURL(p, g)}, Level: x.levelName(g.depth), Trail: strings.Join(trail, " › ")})
	}
	return out
}

func (x *docIndex) entityCrumbs(p *progIndex, kind, title string) []Crumb {
	return x.crumbs(Crumb{Label: p.p.Title, URL: x.progURL(p)}, Crumb{Label: kind + ": " + title})
}

func (s *server) activityPage(x *docIndex, p *progIndex, a *activityNode) page {
	v := &activityView{Base: x.base(a.a.Title, x.entityCrumbs(p, "Activiteit", a.a.Title)), Paras: paragraphs(a.a.Description),
		Goals: x.goalRefs(p, a.goals), Programme: Link{Label: p.p.Title, URL: x.progURL(p)}}
	for i := range p.p.Progress {
		if e := &p.p.Progress[i]; e.ActivityKey != "" && e.ActivityKey == a.a.Key {
			v.Progress = append(v.Progress, progressView(e))
		}
	}
	return v
}

func (s *server) proposalPage(x *docIndex, p *progIndex, n *proposalNode) page {
	pr := n.p
	v := &proposalView{Base: x.base(pr.Title, x.entityCrumbs(p, "Voorstel", pr.Title)), Paras: paragraphs(pr.Text),
		Recurrence: recurrenceLabel(pr.Recurrence), Funding: pr.Funding, Decision: pr.Decision,
		Goals: x.goalRefs(p, n.goals), Programme: Link{Label: p.p.Title, URL: x.progURL(p)}}
	v.Table = x.proposalTable(p, []*proposalNode{n}, "Bedragen van het voorstel per jaar, in euro's", "bedragen")
	for _, a := range pr.Amounts {
		if a.Note != "" {
			v.Notes = append(v.Notes, fmt.Sprintf("%d: %s", a.Year, a.Note))
		}
	}
	return v
}

// proposalTable lists proposals with their money per year. A proposal that
// prints a year twice is summed within the year; each proposal counts once.
func (x *docIndex) proposalTable(p *progIndex, props []*proposalNode, caption, id string) *ProposalTable {
	if len(props) == 0 {
		return nil
	}
	years := map[int]bool{}
	for _, n := range props {
		for _, y := range n.p.Years() {
			years[y] = true
		}
	}
	t := &ProposalTable{Caption: caption, Years: sortedYears(years)}
	totals := make([]grip.Cents, len(t.Years))
	for _, n := range props {
		row := ProposalRow{Link: Link{Label: n.p.Title, URL: x.propURL(p, n)}, Recurrence: string(n.p.Recurrence), Funding: n.p.Funding}
		for i, y := range t.Years {
			amt := n.p.Total(y)
			has, words := false, false
			for _, a := range n.p.Amounts {
				if a.Year == y {
					has = true
					words = words || a.Note != ""
				}
			}
			switch {
			case has && amt == 0 && words:
				// The document printed words, not an amount ("financiering
				// door gemeente Enschede"): a 0 would say the year costs
				// nothing. The words are in the dekking and on the
				// proposal's page.
				row.Cells = append(row.Cells, "geen bedrag")
			case has:
				row.Cells = append(row.Cells, euro(amt))
			default:
				row.Cells = append(row.Cells, "")
			}
			totals[i] += amt
		}
		t.Rows = append(t.Rows, row)
	}
	for _, c := range totals {
		t.Totals = append(t.Totals, euro(c))
	}
	return t
}

func (s *server) indicatorPage(x *docIndex, p *progIndex, n *indicatorNode) page {
	in := n.in
	v := &indicatorView{Base: x.base(in.Name, x.entityCrumbs(p, "Indicator", in.Name)), Group: in.Group, Unit: unitLabel(in.Unit),
		Source: in.Source, Mandatory: in.Mandatory, Goals: x.goalRefs(p, n.goals), Programme: Link{Label: p.p.Title, URL: x.progURL(p)}}
	switch in.Direction {
	case grip.HigherIsBetter:
		v.Direction = "hoger is beter"
	case grip.LowerIsBetter:
		v.Direction = "lager is beter"
	}
	ms := append([]grip.Measurement(nil), in.Measurements...)
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Year != ms[j].Year {
			return ms[i].Year < ms[j].Year
		}
		return ms[i].Kind == grip.Realised && ms[j].Kind != grip.Realised
	})
	for _, m := range ms {
		r := MeasurementRow{Year: m.Year, Kind: measurementKindLabel(m.Kind), Value: measurementText(m, in.Unit), AsOf: m.AsOf, Footnote: m.Footnote, Raw: m.Raw}
		if r.Footnote != "" {
			v.Footnotes = true
		}
		v.Rows = append(v.Rows, r)
	}
	v.Chart = indicatorChart("indicator-grafiek", in, ms)
	return v
}

func measurementKindLabel(k grip.MeasurementKind) string {
	if k == grip.Planned {
		return "streefwaarde"
	}
	return "realisatie"
}

// measurementText is a value as a reader should see it: the number with its
// unit, or the word that was printed ("n.n.b." stays "n.n.b.").
func measurementText(m grip.Measurement, u grip.Unit) string {
	if m.Value != nil {
		return withUnit(*m.Value, u)
	}
	if m.Word != "" {
		return m.Word
	}
	if m.Raw != "" {
		return m.Raw
	}
	return "geen waarde"
}

// summaryStage chooses the money stage a document's overview shows for its
// own year: the actuals of a jaarverslag or jaarrekening, the adopted
// begroting of the other documents, each falling back on what the document
// has. Adding stages together would count the same money twice.
func summaryStage(doc *grip.Document, lines []grip.FinanceLine) (grip.MoneyStage, bool) {
	order := []grip.MoneyStage{grip.StagePrimitief, grip.StageNaWijziging, grip.StageRealisatie, grip.StageMeerjarenraming}
	if doc.Kind == grip.KindJaarverslag || doc.Kind == grip.KindJaarrekening {
		order = []grip.MoneyStage{grip.StageRealisatie, grip.StageNaWijziging, grip.StagePrimitief, grip.StageMeerjarenraming}
	}
	for _, st := range order {
		for _, f := range lines {
			if f.Year == doc.Year && f.Stage == st {
				return st, true
			}
		}
	}
	return "", false
}

// sameIndicatorNames counts the indicators of a programme per name: a
// document that prints a row twice (Hengelo's "aantal afgeronde
// schuldhulpverleningstrajecten") gives two indicators of one name.
func sameIndicatorNames(p *progIndex) map[string]int {
	n := map[string]int{}
	for _, in := range p.inds {
		n[strings.ToLower(in.in.Name)]++
	}
	return n
}

// indicatorLink links an indicator; when another indicator of the programme
// has the same name, the note says which row of the source it is, so that
// two links with one text can be told apart.
func (x *docIndex) indicatorLink(p *progIndex, in *indicatorNode, same map[string]int) Link {
	l := Link{Label: in.in.Name, URL: x.indURL(p, in)}
	if same[strings.ToLower(in.in.Name)] > 1 {
		switch {
		case in.in.Line > 0:
			l.Note = "regel " + strconv.Itoa(in.in.Line) + " in de bron"
		case in.in.Group != "":
			l.Note = in.in.Group
		}
	}
	return l
}
