package analysis

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"grip"
)

// Finding codes of Check.
const (
	CodeImportNote        = "importnotitie"           // a note of the importer
	CodeTotalMismatch     = "totaal-klopt-niet"       // finance lines ≠ printed total
	CodeSaldoMismatch     = "saldo-klopt-niet"        // baten - lasten ≠ printed saldo
	CodeVarianceTotal     = "verschillen-totaal"      // variance lines ≠ printed programme total
	CodeYearJump          = "meerjarige-sprong"       // a large change between years
	CodeDuplicateTitle    = "dubbele-titel"           // same title stored twice
	CodeNearDuplicate     = "bijna-dubbel"            // near-duplicate titles
	CodeIndicatorRepeated = "indicator-herhaald"      // indicator row repeated with different values
	CodeYearTwice         = "jaar-dubbel"             // a proposal names a year twice
	CodeGoalNoIndicator   = "doel-zonder-indicator"   // BBV: goal without indicator
	CodeNoTarget          = "indicator-zonder-streef" // indicator without a target
	CodeNoRealised        = "indicator-zonder-realisatie"
	CodeThemeNoMoney      = "thema-zonder-geld"
	CodeNoFunding         = "voorstel-zonder-dekking"
	CodeMandatoryMissing  = "verplichte-indicator-ontbreekt"
	CodeTaakveldInvalid   = "taakveld-ongeldig"
	CodeNoTaakveldList    = "geen-taakveldlijst"
)

// Tunables of the checks, stated in the messages.
const (
	// NearDuplicateThreshold is the similarity from which two titles are
	// reported as possibly the same thing.
	NearDuplicateThreshold = 0.85
	// jumpPercent and jumpMinimum: a change between consecutive years of more
	// than jumpPercent percent and more than jumpMinimum is reported.
	jumpPercent = 25
	// jumpMinimum is the smallest change between years that is reported: € 100.000.
	jumpMinimum = grip.Cents(100_000 * 100)
)

// Check runs every check on the document and returns the findings, errors
// first. org supplies the settings (names of goal-tree levels); tv the
// taakveld lists. Check does not change doc.
func Check(doc *grip.Document, org grip.Organisation, tv grip.TaakveldCatalog) []Finding {
	c := &checker{doc: doc, org: org, tv: tv}
	c.importNotes()
	for i := range doc.Programmes {
		p := &doc.Programmes[i]
		c.p = p
		c.totals()
		c.varianceTotal()
		c.yearJumps()
		c.duplicates()
		c.indicatorRepeats()
		c.proposalYears()
		c.bbv()
		c.taakvelden()
	}
	c.p = nil
	c.mandatory()
	c.mergeNotes()
	sortFindings(c.out)
	return c.out
}

type checker struct {
	doc *grip.Document
	org grip.Organisation
	tv  grip.TaakveldCatalog
	p   *grip.Programme
	out []Finding
	// covers holds, per index in out, the source lines a check's finding
	// describes when that is more than its place's line (an indicator row
	// printed twice covers both rows).
	covers map[int][]int
	// notes are the importer's notes, merged with a check's finding about
	// the same fault at the end (mergeNotes).
	notes []importNote
}

// importNote is one finding of importNotes before merging: the lines it
// was noted on, the lines it describes (those and the lines its message
// names) and the source text it is about.
type importNote struct {
	finding   Finding
	lines     []int
	described []int
	text      string
}

// linesInText finds the line numbers a note's message names: "regel 12",
// "regels 72 en 73", "regels 3, 5 en 8".
var linesInText = regexp.MustCompile(`regels? (\d+(?:(?:, | en )\d+)*)`)

func (c *checker) place(kind grip.EntityKind, key, title string, line int) Place {
	pl := Place{Document: c.doc.Slug(), Kind: kind, Key: key, Title: title, Line: line}
	if c.p != nil {
		pl.Programme = c.p.Key
	}
	return pl
}

func (c *checker) add(code string, sev grip.Severity, pl Place, format string, args ...any) {
	c.out = append(c.out, Finding{Code: code, Severity: sev, Place: pl, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) importNotes() {
	if c.doc.Source == nil {
		return
	}
	// The same note about the same text (a proposal printed under five
	// goals gets the same remark five times) is one finding that names
	// every line.
	type same struct {
		sev           grip.Severity
		message, text string
	}
	var order []same
	lines := map[same][]int{}
	for _, n := range c.doc.Source.Notes {
		k := same{n.Severity, n.Message, n.Text}
		if _, seen := lines[k]; !seen {
			order = append(order, k)
		}
		lines[k] = append(lines[k], n.Line)
	}
	for _, k := range order {
		sev := k.sev
		if SeverityRank(sev) == 0 {
			sev = grip.SeverityWarning
		}
		msg := "Bij het inlezen: " + k.message
		if k.text != "" {
			msg += fmt.Sprintf(" (tekst: %q)", shorten(k.text, 120))
		}
		ls := lines[k]
		if len(ls) > 1 {
			msg += fmt.Sprintf("; staat %d keer in het document, ook op regel %s", len(ls), joinLines(ls[1:]))
		}
		// The lines a note describes: where it was noted and the lines its
		// message names ("staat twee keer in de tabel (regels 72 en 73)").
		described := slices.Clone(ls)
		for _, m := range linesInText.FindAllStringSubmatch(k.message, -1) {
			for _, f := range strings.FieldsFunc(m[1], func(r rune) bool { return r < '0' || r > '9' }) {
				if n, err := strconv.Atoi(f); err == nil && !slices.Contains(described, n) {
					described = append(described, n)
				}
			}
		}
		c.notes = append(c.notes, importNote{
			finding: Finding{Code: CodeImportNote, Severity: sev, Place: Place{Document: c.doc.Slug(), Line: ls[0]}, Message: msg},
			lines:   ls, described: described, text: k.text})
	}
}

// addCovering adds a finding that describes the source lines lines.
func (c *checker) addCovering(lines []int, code string, sev grip.Severity, pl Place, format string, args ...any) {
	if c.covers == nil {
		c.covers = map[int][]int{}
	}
	c.covers[len(c.out)] = lines
	c.add(code, sev, pl, format, args...)
}

// mergeNotes adds the importer's notes to the findings, one finding per
// fault: a note that describes the same source lines as a check's finding
// about the same text (the importer saw an indicator row twice on lines 72
// and 73, and the check for repeated rows reports lines 72 and 73) is not
// repeated; the check's finding keeps its explanation, names the note's line
// and takes the note's severity if that is higher. Only findings that say
// which lines they describe (addCovering) take notes: a note and a check on
// one line of one entity may well be about two faults (a goal's status is
// empty; the goal has no indicator).
func (c *checker) mergeNotes() {
	for _, n := range c.notes {
		merged := false
		if key := normalizeTitle(n.text); key != "" {
			for _, i := range slices.Sorted(maps.Keys(c.covers)) {
				covered, f := c.covers[i], &c.out[i]
				if normalizeTitle(f.Place.Title) != key || !sameLines(covered, n.described) {
					continue
				}
				f.Message += fmt.Sprintf(" Ook gemeld bij het inlezen (regel %s).", joinLines(n.lines))
				if SeverityRank(n.finding.Severity) > SeverityRank(f.Severity) {
					f.Severity = n.finding.Severity
				}
				merged = true
				break
			}
		}
		if !merged {
			c.out = append(c.out, n.finding)
		}
	}
}

// sameLines reports whether a and b hold the same lines, in any order.
func sameLines(a, b []int) bool {
	if len(a) == 0 {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			return false
		}
	}
	return true
}

// joinLines writes line numbers as Dutch prose: "296, 388 en 553".
func joinLines(ls []int) string {
	var b strings.Builder
	for i, l := range ls {
		switch {
		case i == 0:
		case i == len(ls)-1:
			b.WriteString(" en ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(l))
	}
	return b.String()
}

// rounding is the largest difference that printed rounding can explain: half
// a unit per line when every amount is a whole thousand (tables "bedragen *
// 1.000"), else half a euro per line.
func rounding(amounts []grip.Cents) grip.Cents {
	thousands := true
	for _, a := range amounts {
		if a%grip.Euros(1000) != 0 {
			thousands = false
			break
		}
	}
	unit := grip.Euros(1)
	if thousands && len(amounts) > 0 {
		unit = grip.Euros(1000)
	}
	return unit / 2 * grip.Cents(len(amounts))
}

type stageYear struct {
	stage grip.MoneyStage
	year  int
}

// StageLabel is the Dutch name of a money stage.
func StageLabel(s grip.MoneyStage) string { return s.Label() }

func (c *checker) totals() {
	p := c.p
	if len(p.Totals) == 0 {
		return
	}
	sums := map[stageYear]map[grip.Side][]grip.Cents{}
	for _, l := range p.FinanceLines {
		k := stageYear{l.Stage, l.Year}
		if sums[k] == nil {
			sums[k] = map[grip.Side][]grip.Cents{}
		}
		sums[k][l.Side] = append(sums[k][l.Side], l.Amount)
	}
	printed := map[stageYear]map[grip.Side]grip.PrintedTotal{}
	for _, t := range p.Totals {
		k := stageYear{t.Stage, t.Year}
		if t.Side == grip.SaldoSide {
			t.Side = ""
		}
		if printed[k] == nil {
			printed[k] = map[grip.Side]grip.PrintedTotal{}
		}
		printed[k][t.Side] = t
		if t.Side == "" {
			c.saldoTotal(t, sums[k])
			continue
		}
		if _, net := sums[k][grip.SaldoSide]; net {
			// Some taakvelden of this year give only a saldo: their lasten
			// and baten are unknown, so the printed lasten or baten total
			// cannot be compared; the saldo total is.
			continue
		}
		lines, ok := sums[k][t.Side]
		if !ok {
			continue
		}
		sum := total(lines)
		if diff := sum - t.Amount; diff != 0 {
			sev, why := grip.SeverityError, ""
			if abs(diff) <= rounding(append(lines, t.Amount)) {
				sev, why = grip.SeverityInfo, " Het verschil past bij afronding van de gedrukte bedragen."
			}
			c.add(CodeTotalMismatch, sev, c.place(grip.EntityProgramme, p.Key, t.Label, t.Line),
				"De %s van de %s %d tellen op tot %s, maar het gedrukte totaal is %s (verschil %s).%s",
				t.Side, StageLabel(t.Stage), t.Year, sum.Format(false), t.Amount.Format(false), diff.Format(false), why)
		}
	}
	keys := make([]stageYear, 0, len(printed))
	for k := range printed {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].year != keys[j].year {
			return keys[i].year < keys[j].year
		}
		return keys[i].stage < keys[j].stage
	})
	for _, k := range keys {
		m := printed[k]
		saldo, hasSaldo := m[""]
		l, hasL := m[grip.Lasten]
		b, hasB := m[grip.Baten]
		if !hasSaldo || !hasL || !hasB {
			continue
		}
		if diff := b.Amount - l.Amount - saldo.Amount; diff != 0 {
			sev, why := grip.SeverityError, ""
			if abs(diff) <= rounding([]grip.Cents{l.Amount, b.Amount, saldo.Amount}) {
				sev, why = grip.SeverityInfo, " Het verschil past bij afronding."
			}
			c.add(CodeSaldoMismatch, sev, c.place(grip.EntityProgramme, c.p.Key, saldo.Label, saldo.Line),
				"Baten %s min lasten %s is %s, maar het gedrukte saldo van de %s %d is %s.%s",
				b.Amount.Format(false), l.Amount.Format(false), (b.Amount - l.Amount).Format(false),
				StageLabel(k.stage), k.year, saldo.Amount.Format(false), why)
		}
	}
}

// saldoTotal compares a printed saldo total with the lines of its stage and
// year when some of them are saldo lines (the year gives only the net
// amount); where every line is lasten or baten, the lasten and baten totals
// are compared instead, and the printed saldo with them.
func (c *checker) saldoTotal(t grip.PrintedTotal, sums map[grip.Side][]grip.Cents) {
	if _, net := sums[grip.SaldoSide]; !net {
		return
	}
	var sum grip.Cents
	var all []grip.Cents
	for side, amounts := range sums {
		for _, a := range amounts {
			all = append(all, a)
			sum += grip.FinanceLine{Side: side, Amount: a}.Net()
		}
	}
	diff := sum - t.Amount
	if diff == 0 {
		return
	}
	sev, why := grip.SeverityError, ""
	if abs(diff) <= rounding(append(all, t.Amount)) {
		sev, why = grip.SeverityInfo, " Het verschil past bij afronding van de gedrukte bedragen."
	}
	c.add(CodeTotalMismatch, sev, c.place(grip.EntityProgramme, c.p.Key, t.Label, t.Line),
		"Het saldo (baten - lasten) van de regels van de %s %d is %s, maar het gedrukte totaal is %s (verschil %s).%s",
		StageLabel(t.Stage), t.Year, sum.Format(false), t.Amount.Format(false), diff.Format(false), why)
}

func (c *checker) varianceTotal() {
	var lines []grip.Cents
	var tot *grip.VarianceLine
	for i := range c.p.VarianceLines {
		v := &c.p.VarianceLines[i]
		if v.Total {
			tot = v
			continue
		}
		lines = append(lines, v.Amount)
	}
	if tot == nil || len(lines) == 0 {
		return
	}
	sum := total(lines)
	if diff := sum - tot.Amount; diff != 0 {
		sev, why := grip.SeverityError, ""
		if abs(diff) <= rounding(append(lines, tot.Amount)) {
			sev, why = grip.SeverityInfo, " Het verschil past bij afronding."
		}
		c.add(CodeVarianceTotal, sev, c.place(grip.EntityVarianceLine, tot.Key, tot.Title, tot.Line),
			"De regels van de verschillenanalyse tellen op tot %s %s, maar het programmatotaal is %s %s.%s",
			abs(sum).Format(false), grip.VN(sum), abs(tot.Amount).Format(false), grip.VN(tot.Amount), why)
	}
}

// yearJumps reports a change between consecutive years of a taakveld's
// saldo (baten - lasten) in the begroting and meerjarenraming of more than
// jumpPercent% and jumpMinimum. The saldo, not the lasten, is compared: some
// documents print gross lasten and baten for the first year and only the
// saldo for later years. It reports, it does not judge: the text may
// explain the change.
func (c *checker) yearJumps() {
	series := map[string]map[int]grip.Cents{}
	stageOf := map[string]map[int]grip.MoneyStage{}
	lines := map[string]grip.FinanceLine{}
	for _, l := range c.p.FinanceLines {
		if l.Stage != grip.StagePrimitief && l.Stage != grip.StageMeerjarenraming && l.Stage != grip.StageNaWijziging {
			continue
		}
		if series[l.Taakveld] == nil {
			series[l.Taakveld] = map[int]grip.Cents{}
			stageOf[l.Taakveld] = map[int]grip.MoneyStage{}
			lines[l.Taakveld] = l
		}
		// na-wijziging replaces primitief for the same year.
		prev, seen := stageOf[l.Taakveld][l.Year]
		if seen && prev != l.Stage {
			if l.Stage != grip.StageNaWijziging {
				continue
			}
			series[l.Taakveld][l.Year] = 0
		}
		stageOf[l.Taakveld][l.Year] = l.Stage
		// Net counts a saldo line with its own sign: one saldo per year,
		// whether printed as lasten and baten or as the net amount.
		series[l.Taakveld][l.Year] += l.Net()
	}
	codes := make([]string, 0, len(series))
	for k := range series {
		codes = append(codes, k)
	}
	sort.Slice(codes, func(i, j int) bool { return grip.CompareTaakveldCodes(codes[i], codes[j]) < 0 })
	for _, code := range codes {
		s := series[code]
		years := make([]int, 0, len(s))
		for y := range s {
			years = append(years, y)
		}
		sort.Ints(years)
		for i := 1; i < len(years); i++ {
			if years[i] != years[i-1]+1 {
				continue
			}
			a, b := s[years[i-1]], s[years[i]]
			d := b - a
			if abs(d) <= jumpMinimum || abs(d)*100 <= abs(a)*jumpPercent {
				continue
			}
			l := lines[code]
			pct := "—"
			if a != 0 {
				pct = fmt.Sprintf("%+d%%", int64(d)*100/int64(abs(a)))
			}
			c.add(CodeYearJump, grip.SeverityInfo, c.place(grip.EntityFinanceLine, l.Key, taakveldTitle(l), l.Line),
				"Het saldo (baten - lasten) op taakveld %s gaat van %s in %d naar %s in %d (%s). Staat de reden in de tekst? (gemeld bij een verandering van meer dan %d%% en meer dan %s)",
				code, a.Format(false), years[i-1], b.Format(false), years[i], pct, jumpPercent, jumpMinimum.Format(false))
		}
	}
}

func taakveldTitle(l grip.FinanceLine) string {
	if l.Label != "" {
		return l.Label
	}
	return l.Taakveld
}

func (c *checker) duplicates() {
	c.duplicateTitles(grip.EntityProposal, len(c.p.Proposals), func(i int) (string, string, int) {
		p := c.p.Proposals[i]
		return p.Key, p.Title, p.Line
	})
	c.duplicateTitles(grip.EntityActivity, len(c.p.Activities), func(i int) (string, string, int) {
		a := c.p.Activities[i]
		return a.Key, a.Title, a.Line
	})
}

func (c *checker) duplicateTitles(kind grip.EntityKind, n int, get func(i int) (key, title string, line int)) {
	if n < 2 {
		return
	}
	titles := make([]string, n)
	for i := range titles {
		_, titles[i], _ = get(i)
	}
	// Exact duplicates (after normalising) first: one finding per group.
	groups := map[string][]int{}
	var order []string
	for i, t := range titles {
		k := normalizeTitle(t)
		if k == "" {
			continue
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range order {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		key, title, line := get(g[0])
		var others []string
		for _, j := range g[1:] {
			ok, _, ol := get(j)
			others = append(others, lineOrKey(ok, ol))
		}
		c.add(CodeDuplicateTitle, grip.SeverityWarning, c.place(kind, key, title, line),
			"De %s %q staat %d keer in het document (ook %s). Is het één %s met meerdere koppelingen? Tel het geld dan één keer.",
			KindLabel(kind), title, len(g), strings.Join(others, ", "), KindLabel(kind))
	}
	for _, pr := range similarPairs(titles, NearDuplicateThreshold) {
		i, j, s := int(pr[0]), int(pr[1]), pr[2]
		if normalizeTitle(titles[i]) == normalizeTitle(titles[j]) {
			continue
		}
		ki, ti, li := get(i)
		kj, tj, lj := get(j)
		_ = ki
		c.add(CodeNearDuplicate, grip.SeverityWarning, c.place(kind, ki, ti, li),
			"De %s %q lijkt sterk op %q (%s; %d%% gelijk). Gaat het om dezelfde %s in andere woorden?",
			KindLabel(kind), ti, tj, lineOrKey(kj, lj), int(s*100+0.5), KindLabel(kind))
	}
}

func lineOrKey(key string, line int) string {
	if line > 0 {
		return fmt.Sprintf("regel %d", line)
	}
	return key
}

func (c *checker) indicatorRepeats() {
	byName := map[string][]int{}
	var order []string
	for i, in := range c.p.Indicators {
		k := normalizeTitle(in.Name)
		if k == "" {
			continue
		}
		if _, ok := byName[k]; !ok {
			order = append(order, k)
		}
		byName[k] = append(byName[k], i)
	}
	for _, k := range order {
		idx := byName[k]
		if len(idx) < 2 {
			continue
		}
		first := c.p.Indicators[idx[0]]
		type mk struct {
			year int
			kind grip.MeasurementKind
		}
		vals := map[mk]string{}
		var conflicts []string
		for _, i := range idx {
			for _, m := range c.p.Indicators[i].Measurements {
				v := measurementText(m)
				key := mk{m.Year, m.Kind}
				if prev, ok := vals[key]; ok && prev != v {
					conflicts = append(conflicts, fmt.Sprintf("%d (%s): %s en %s", m.Year, m.Kind, prev, v))
				} else if !ok {
					vals[key] = v
				}
			}
		}
		var lines []string
		var covered []int
		for n, i := range idx {
			if l := c.p.Indicators[i].Line; l > 0 {
				covered = append(covered, l)
			}
			if n > 0 {
				lines = append(lines, lineOrKey(c.p.Indicators[i].Key, c.p.Indicators[i].Line))
			}
		}
		if len(conflicts) > 0 {
			c.addCovering(covered, CodeIndicatorRepeated, grip.SeverityWarning, c.place(grip.EntityIndicator, first.Key, first.Name, first.Line),
				"De indicator %q staat %d keer in het document (ook %s) met verschillende waarden: %s. Welke waarde geldt?",
				first.Name, len(idx), strings.Join(lines, ", "), strings.Join(conflicts, "; "))
		} else {
			c.addCovering(covered, CodeIndicatorRepeated, grip.SeverityInfo, c.place(grip.EntityIndicator, first.Key, first.Name, first.Line),
				"De indicator %q staat %d keer in het document (ook %s), met dezelfde waarden.",
				first.Name, len(idx), strings.Join(lines, ", "))
		}
	}
}

func measurementText(m grip.Measurement) string {
	switch {
	case m.Raw != "":
		return m.Raw
	case m.Value != nil:
		return fmt.Sprintf("%g", *m.Value)
	}
	return m.Word
}

func (c *checker) proposalYears() {
	for _, p := range c.p.Proposals {
		count := map[int]int{}
		for _, a := range p.Amounts {
			count[a.Year]++
		}
		var years []int
		for y, n := range count {
			if n > 1 {
				years = append(years, y)
			}
		}
		sort.Ints(years)
		for _, y := range years {
			var amounts []string
			for _, a := range p.Amounts {
				if a.Year == y {
					amounts = append(amounts, a.Amount.Format(false))
				}
			}
			c.add(CodeYearTwice, grip.SeverityError, c.place(grip.EntityProposal, p.Key, p.Title, p.Line),
				"Het voorstel %q noemt het jaar %d %d keer (%s). Een jaar hoort één bedrag te hebben: welk bedrag geldt?",
				p.Title, y, count[y], strings.Join(amounts, " en "))
		}
	}
}

// bbv checks the BBV logic: goals with indicators, indicators with targets
// and realised values, themes with money, proposals with dekking.
func (c *checker) bbv() {
	p := c.p
	kind := c.doc.Kind
	// Which goals have an indicator linked to them or to a descendant?
	linked := map[string]bool{}
	for _, in := range p.Indicators {
		for _, k := range in.GoalKeys {
			linked[k] = true
		}
	}
	maxDepth := 0
	grip.WalkGoals(p.Goals, func(g *grip.Goal, d int, _ []*grip.Goal) bool { maxDepth = max(maxDepth, d); return true })
	var hasIndicator func(g *grip.Goal) bool
	hasIndicator = func(g *grip.Goal) bool {
		if linked[g.Key] {
			return true
		}
		for i := range g.Children {
			if hasIndicator(&g.Children[i]) {
				return true
			}
		}
		return false
	}
	goalSev := grip.SeverityWarning
	if kind == grip.KindKadernota || kind == grip.KindTussentijds {
		goalSev = grip.SeverityInfo
	}
	if len(p.Indicators) > 0 {
		// The level that carries the goals: depth 1 (doel) when there is one, else the themes.
		level := min(1, maxDepth)
		grip.WalkGoals(p.Goals, func(g *grip.Goal, d int, parents []*grip.Goal) bool {
			if d != level {
				return true
			}
			for _, par := range parents {
				if linked[par.Key] {
					return true
				}
			}
			if !hasIndicator(g) {
				c.add(CodeGoalNoIndicator, goalSev, c.place(grip.EntityGoal, g.Key, g.Title, g.Line),
					"%s %s %q heeft geen indicator. Het BBV vraagt per doel te laten zien wat bereikt moet worden en hoe dat wordt gemeten.",
					capitalise(article(c.org.Settings.LevelName(d))), c.org.Settings.LevelName(d), g.Title)
			}
			return true
		})
	} else if len(p.Goals) > 0 {
		c.add(CodeGoalNoIndicator, goalSev, c.place(grip.EntityProgramme, p.Key, p.Title, 0),
			"Het programma %q heeft doelen maar geen enkele indicator. Het BBV vraagt per doel te laten zien hoe het wordt gemeten.", p.Title)
	}
	for _, in := range p.Indicators {
		var planned, realised bool
		for _, m := range in.Measurements {
			has := m.Value != nil || (m.Word != "" && !unknownWord(m.Word))
			switch m.Kind {
			case grip.Planned:
				planned = planned || has
			case grip.Realised:
				realised = realised || has
			}
		}
		if !planned {
			sev := grip.SeverityInfo
			if kind == grip.KindBegroting {
				sev = grip.SeverityWarning
			}
			c.add(CodeNoTarget, sev, c.place(grip.EntityIndicator, in.Key, in.Name, in.Line),
				"De indicator %q heeft geen streefwaarde. Zonder streefwaarde is niet te zeggen of het doel wordt gehaald.", in.Name)
		}
		if !realised {
			sev := grip.SeverityInfo
			if kind == grip.KindJaarverslag || kind == grip.KindJaarrekening {
				sev = grip.SeverityWarning
			}
			c.add(CodeNoRealised, sev, c.place(grip.EntityIndicator, in.Key, in.Name, in.Line),
				"De indicator %q heeft geen gerealiseerde waarde (of alleen \"n.n.b.\"). Zo is de voortgang niet te volgen.", in.Name)
		}
	}
	c.themeMoney()
	for _, pr := range p.Proposals {
		var money grip.Cents
		for _, a := range pr.Amounts {
			money += abs(a.Amount)
		}
		if money == 0 || strings.TrimSpace(pr.Funding) != "" || pr.FundingReserve != "" {
			continue
		}
		c.add(CodeNoFunding, grip.SeverityWarning, c.place(grip.EntityProposal, pr.Key, pr.Title, pr.Line),
			"Het voorstel %q vraagt %s maar noemt geen dekking. De raad moet weten waaruit het betaald wordt.",
			pr.Title, money.Format(false))
	}
}

func unknownWord(w string) bool {
	switch strings.ToLower(strings.TrimSpace(w)) {
	case "n.n.b.", "nnb", "n.n.b", "-", "", "onbekend", "nb", "n.b.", "*":
		return true
	}
	return false
}

// themeMoney reports themes without money: no finance line, variance line or
// proposal amount linked to the theme or a goal below it. When the
// programme's finance lines are linked to no goal at all (the gemeente
// budgets per taakveld only), it says that once instead.
func (c *checker) themeMoney() {
	p := c.p
	if len(p.Goals) == 0 {
		return
	}
	money := map[string]bool{}
	anyLinked := false
	for _, l := range p.FinanceLines {
		for _, k := range l.GoalKeys {
			money[k] = true
			anyLinked = true
		}
	}
	for _, v := range p.VarianceLines {
		if v.GoalKey != "" {
			money[v.GoalKey] = true
			anyLinked = true
		}
	}
	for _, pr := range p.Proposals {
		if len(pr.Amounts) == 0 {
			continue
		}
		for _, k := range pr.GoalKeys {
			money[k] = true
		}
	}
	var hasMoney func(g *grip.Goal) bool
	hasMoney = func(g *grip.Goal) bool {
		if money[g.Key] {
			return true
		}
		for i := range g.Children {
			if hasMoney(&g.Children[i]) {
				return true
			}
		}
		return false
	}
	if !anyLinked && len(p.FinanceLines) > 0 {
		c.add(CodeThemeNoMoney, grip.SeverityInfo, c.place(grip.EntityProgramme, p.Key, p.Title, 0),
			"De financiële regels van %q zijn per taakveld, niet per %s: wat %s %s kost is niet te zien.",
			p.Title, c.org.Settings.LevelName(0), every(c.org.Settings.LevelName(0)), c.org.Settings.LevelName(0))
		return
	}
	for i := range p.Goals {
		g := &p.Goals[i]
		if !hasMoney(g) {
			c.add(CodeThemeNoMoney, grip.SeverityInfo, c.place(grip.EntityGoal, g.Key, g.Title, g.Line),
				"Aan %s %s %q is geen geld gekoppeld (geen financiële regel, verschil of voorstel).",
				article(c.org.Settings.LevelName(0)), c.org.Settings.LevelName(0), g.Title)
		}
	}
}

func (c *checker) taakvelden() {
	year := c.doc.TaakveldYear()
	if len(c.tv.Taakvelden(year)) == 0 {
		if len(c.p.FinanceLines) > 0 {
			c.add(CodeNoTaakveldList, grip.SeverityInfo, c.place(grip.EntityProgramme, c.p.Key, c.p.Title, 0),
				"Voor boekjaar %d is geen officiële taakveldlijst bekend; de taakveldcodes zijn niet gecontroleerd.", year)
		}
		return
	}
	seen := map[string]bool{}
	check := func(kind grip.EntityKind, key, code, title string, line int) {
		if code == "" || seen[code] {
			return
		}
		if _, ok := c.tv.Taakveld(year, code); ok {
			return
		}
		seen[code] = true
		c.add(CodeTaakveldInvalid, grip.SeverityError, c.place(kind, key, title, line),
			"Taakveld %q bestaat niet in de Iv3-lijst van boekjaar %d. Gebruik een code uit die lijst (bijvoorbeeld %s).",
			code, year, suggestCodes(c.tv.Taakvelden(year), code))
	}
	for _, l := range c.p.FinanceLines {
		check(grip.EntityFinanceLine, l.Key, l.Taakveld, taakveldTitle(l), l.Line)
	}
	for _, v := range c.p.VarianceLines {
		check(grip.EntityVarianceLine, v.Key, v.Taakveld, v.Title, v.Line)
	}
}

// suggestCodes names up to three valid codes of the same chapter that start
// like code.
func suggestCodes(list []grip.Taakveld, code string) string {
	chap, _, _ := strings.Cut(code, ".")
	var out []string
	for _, t := range list {
		if strings.HasPrefix(t.Code, chap+".") && len(out) < 3 && (len(code) < 3 || strings.HasPrefix(t.Code, code[:min(len(code), 3)])) {
			out = append(out, t.Code+" "+t.Name)
		}
	}
	if len(out) == 0 && len(list) > 0 {
		out = append(out, list[0].Code+" "+list[0].Name)
	}
	return strings.Join(out, ", ")
}

// Mandatory returns the verplichte beleidsindicatoren of the social domain
// (BBV, waarstaatjegemeente.nl) with words that recognise them in an
// indicator's name and, where there is one, their good direction.
func Mandatory() []MandatoryIndicator {
	return []MandatoryIndicator{
		{"Banen", "per 1.000 inwoners van 15-64 jaar", [][]string{{"banen"}}, grip.HigherIsBetter},
		{"Jongeren met een delict voor de rechter", "%", [][]string{{"delict"}}, grip.LowerIsBetter},
		{"Kinderen in uitkeringsgezin", "%", [][]string{{"uitkeringsgezin"}}, grip.LowerIsBetter},
		{"Netto arbeidsparticipatie", "%", [][]string{{"arbeidsparticipatie"}}, grip.HigherIsBetter},
		{"Werkloze jongeren", "%", [][]string{{"werkloze", "jongeren"}, {"werkeloze", "jongeren"}, {"jeugdwerkloosheid"}}, grip.LowerIsBetter},
		{"Personen met een bijstandsuitkering", "per 10.000 inwoners", [][]string{{"bijstand"}}, grip.LowerIsBetter},
		{"Lopende re-integratievoorzieningen", "per 10.000 inwoners van 15-64 jaar", [][]string{{"reintegratie"}, {"re integratie"}}, ""},
		{"Jongeren met jeugdhulp", "%", [][]string{{"jeugdhulp", "jongeren"}}, ""},
		{"Jongeren met jeugdbescherming", "%", [][]string{{"jeugdbescherming"}, {"beschermingsmaatregel"}}, ""},
		{"Jongeren met jeugdreclassering", "%", [][]string{{"jeugdreclassering"}, {"reclasseringsmaatregel"}}, ""},
		{"Cliënten met een maatwerkarrangement Wmo", "per 10.000 inwoners", [][]string{{"maatwerkarrangement"}}, ""},
	}
}

// MandatoryIndicator is one verplichte beleidsindicator.
type MandatoryIndicator struct {
	Name string
	Unit string
	// Match holds alternatives; each is a set of words that must all occur
	// (as substrings) in the normalised indicator name.
	Match [][]string
	// Direction is the good way of the indicator as the law's purpose
	// gives it; empty where there is no agreed direction (re-integratie,
	// jeugdhulp, jeugdbescherming, jeugdreclassering, Wmo-maatwerk: more can
	// mean better reach or more need).
	Direction grip.Direction
}

// Matches reports whether an indicator name is this mandatory indicator.
func (m MandatoryIndicator) Matches(name string) bool {
	n := normalizeTitle(name)
	joined := strings.ReplaceAll(n, " ", "")
	for _, alt := range m.Match {
		ok := true
		for _, w := range alt {
			if !strings.Contains(n, w) && !strings.Contains(joined, strings.ReplaceAll(w, " ", "")) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// mandatory reports verplichte beleidsindicatoren the begroting or
// jaarverslag does not show. Only documents of those kinds must have them.
func (c *checker) mandatory() {
	switch c.doc.Kind {
	case grip.KindBegroting, grip.KindJaarverslag:
	default:
		return
	}
	var missing []MandatoryIndicator
	for _, m := range Mandatory() {
		found := false
		for i := range c.doc.Programmes {
			for _, in := range c.doc.Programmes[i].Indicators {
				if m.Matches(in.Name) {
					found = true
				}
			}
		}
		if !found {
			missing = append(missing, m)
		}
	}
	pl := Place{Document: c.doc.Slug()}
	if len(c.doc.Programmes) == 1 {
		pl.Programme = c.doc.Programmes[0].Key
	}
	const why = "Het BBV schrijft de verplichte beleidsindicatoren van het sociaal domein voor in begroting en jaarverslag (bron: waarstaatjegemeente.nl)."
	if len(missing) == len(Mandatory()) {
		var names []string
		for _, m := range missing {
			names = append(names, m.Name)
		}
		c.add(CodeMandatoryMissing, grip.SeverityWarning, pl,
			"Geen van de %d verplichte beleidsindicatoren staat in het document: %s. %s", len(missing), strings.Join(names, ", "), why)
		return
	}
	for _, m := range missing {
		c.add(CodeMandatoryMissing, grip.SeverityWarning, pl,
			"De verplichte beleidsindicator %q (%s) ontbreekt. %s", m.Name, m.Unit, why)
	}
}

func total(cs []grip.Cents) grip.Cents {
	var t grip.Cents
	for _, c := range cs {
		t += c
	}
	return t
}

func abs(c grip.Cents) grip.Cents {
	if c < 0 {
		return -c
	}
	return c
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// article is the Dutch definite article of a goal-tree level name: "het"
// for het-words (doel, subdoel, thema, speerpunt, programmaonderdeel,
// beleidsveld, beoogd resultaat, niveau), else "de" (doelenboom, ambitie,
// actielijn, doelstelling, opgave).
func article(level string) string {
	w := strings.ToLower(strings.TrimSpace(level))
	for _, suffix := range []string{"doel", "thema", "punt", "programma", "onderdeel", "veld", "resultaat", "niveau"} {
		if strings.HasSuffix(w, suffix) {
			return "het"
		}
	}
	return "de"
}

// every is "elk" before a het-word and "elke" before a de-word.
func every(level string) string {
	if article(level) == "het" {
		return "elk"
	}
	return "elke"
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
