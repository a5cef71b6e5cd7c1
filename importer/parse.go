package importer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"grip"
)

// parser turns lines into a document. It holds the state of one Read.
type parser struct {
	name  string
	lines []line
	opt   Options
	notes []grip.SourceNote

	org     grip.Organisation
	orgFrom string
	kind    grip.DocumentKind
	year    int

	progs []*progB
	prog  *progB

	// the open goals: theme (depth 0), goal (1), subgoal (2)
	theme, goal, sub *gnode

	mode   mode
	target target
	// item is the activity, proposal or development the following text belongs to.
	item itemRef
	// listIntro is set when the last paragraph ended with ":" so that the
	// bullets after it belong to the text, not to a list of items.
	listIntro bool

	mult int64 // "bedragen * 1.000": amounts in tables are multiplied by this

	// progress (speerpunten)
	prg *progressB

	// pending footnote references of the current table block
	footRefs []footRef

	tbl                 *tableB
	pendingSides        []string
	itemRepeat          bool
	indicatorsMandatory bool
	varGroupStart       int

	// levels maps the level words of this document to their depth:
	// "ambitie" 0 and "actielijn" 1 when both are used.
	levels map[string]int
	// levelWords names each depth of the goal tree by the first word the
	// document used for it ("doelenboom", "doel", "subdoel").
	levelWords []string
	// finCells indexes the finance lines per programme, taakveld, stage and
	// year, to keep a value printed twice out.
	finCells map[finCell][]int
	// saldoProg and saldoFlip: how the programme saldoProg prints a saldo
	// (flipped: lasten − baten), learned from a table with lasten and baten.
	saldoProg *progB
	saldoFlip bool
	// tvNames indexes the taakvelden of tvNamesYear by nameKey.
	tvNames     map[string]string
	tvNamesYear int

	texts     map[textRef]*textBuf
	textOrder []textRef
}

type mode int

const (
	modeNone mode = iota
	modeActivities
	modePrinciples
	modePolicyNotes
	modePartners
	modeIndicators
	modeFinance
	modeProgress
	modeVariance
)

type targetKind int

const (
	tNone targetKind = iota
	tProgSection
	tGoalSection
	tMainObjective
	tItem
	tPartner
	tProgressField
	tVariance
)

// target is where the next paragraph of text goes.
type target struct {
	kind    targetKind
	section *grip.Section
	partner int
	field   string
	varIdx  int
}

type itemKind int

const (
	itemNone itemKind = iota
	itemActivity
	itemProposal
	itemDevelopment
)

type itemRef struct {
	kind  itemKind
	idx   int
	title string
}

// gnode is a goal while the tree is being built.
type gnode struct {
	key      string
	title    string
	line     int
	depth    int
	sections []*grip.Section
	children []*gnode
	parent   *gnode
	kw       []string // keywords of the title, for matching
	// deferred: on a theme, its subgoals came after all its goals; on a
	// subgoal, its goal is still to be decided.
	deferred  bool
	deferLine int
}

// progB is a programme while it is being built.
type progB struct {
	p         grip.Programme
	sections  []*grip.Section
	roots     []*gnode
	actByNorm map[string]int
	devByNorm map[string]int
	props     []*proposalB
	indKeys   map[string]int
	mainObj   []string
	partnerIx int
	varLines  []grip.VarianceLine
	implicit  bool
	// keys in use, per kind ("a" activities, "d", "i", "v")
	keys       map[string]bool
	next       map[string]int // the next suffix to try per kind and base
	propByNorm map[string]int
}

// newKey returns base, or base-2, base-3... when base is taken for the kind.
func (pb *progB) newKey(kind, base string) string {
	if base == "" {
		base = "x"
	}
	if pb.keys == nil {
		pb.keys = map[string]bool{}
	}
	if pb.next == nil {
		pb.next = map[string]int{}
	}
	key := base
	n := pb.next[kind+"|"+base]
	if n < 2 {
		n = 2
	}
	for ; pb.keys[kind+"|"+key]; n++ {
		key = fmt.Sprintf("%s-%d", base, n)
	}
	pb.next[kind+"|"+base] = n
	pb.keys[kind+"|"+key] = true
	return key
}

type footRef struct {
	stars string
	ind   int // index into p.Indicators
	meas  int // -1: all measurements of the indicator
}

func newParser(name string, lines []line, opt Options) *parser {
	return &parser{name: name, lines: lines, opt: opt, mult: 1}
}

// note records a remark about a source line.
func (p *parser) note(lineNo int, sev grip.Severity, msg, text string) {
	if len(p.notes) >= 2000 {
		if len(p.notes) == 2000 {
			p.notes = append(p.notes, grip.SourceNote{Severity: grip.SeverityWarning, Message: "meer dan 2000 opmerkingen; de rest is weggelaten"})
		}
		return
	}
	if len(text) > 300 {
		cut := 300
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut] + "…"
	}
	p.notes = append(p.notes, grip.SourceNote{Line: lineNo, Severity: sev, Message: msg, Text: text})
}

var (
	reProgramme = regexp.MustCompile(`(?i)^programma\b\s*(\d+[a-z]?)?\s*[:.\-–]?\s*(.*)$`)
	reTheme     = regexp.MustCompile(`(?i)^(doelenboom|ambitie|actielijn|speerpunt|beleidsthema|thema|programmaonderdeel|deelprogramma|beleidsveld|opgave)\s*(\d+(?:\.\d+)*)?\s*[:.\-–]?\s*(.*)$`)
	reGoal      = regexp.MustCompile(`(?i)^(doel|doelstelling|beleidsdoel|hoofddoel|programmadoel|maatschappelijk doel|beoogd resultaat)\s*(\d+(?:\.\d+)*)?\s*[:.\-–]\s*(.+)$`)
	reSubgoal   = regexp.MustCompile(`(?i)^(subdoel|subdoelstelling|deeldoel|operationeel doel|prestatiedoel|subdoelen)\s*(\d+(?:\.\d+)*)?\s*[:.\-–]\s*(.+)$`)
	reMarker    = regexp.MustCompile(`^(VOORSTEL|ONTWIKKELING|NIEUW|RISICO)\b\s*:?\s*(.*)$`)
	reHolders   = regexp.MustCompile(`(?i)^(aanspreekpunt bestuurlijk|portefeuillehouders?|wethouders?|bestuurlijk verantwoordelijk)\s*:?\s*(.+)$`)
	// "Betrokken sector(en)Sociaal", "Sectoren: Sociaal, Publiekszaken".
	reSectors = regexp.MustCompile(`(?i)^(betrokken\s+(?:sector|afdeling|cluster)(?:\(en\)|en|s)?|(?:sector|afdeling)(?:\(en\)|en)?\s*:)\s*:?\s*(.+)$`)
	// "Aanspreekpunt ambtelijkKatja Boerrigter", "Ambtelijk verantwoordelijk: ...".
	reOfficial = regexp.MustCompile(`(?i)^(aanspreekpunt ambtelijk|ambtelijk aanspreekpunt|ambtelijk verantwoordelijke?|ambtelijk opdrachtgever|contactpersoon\s*:)\s*:?\s*(.+)$`)
	// "5.2 Beleidsprogramma’s": a numbered chapter heading of the whole book.
	reChapter = regexp.MustCompile(`^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{L}[^.]{0,70}$`)
	reMult    = regexp.MustCompile(`(?i)(bedragen(?:\s+in)?|x|×|\*)\s*(€\s*)?(1\.000|1000|€\s*1\.000)\b|€\s*(x|×)\s*1\.000|(in|x) duizend(en)? euro`)
	reChrome  = regexp.MustCompile(`(?i)^(deze pagina is gebouwd op|terug naar boven|print deze pagina|naar boven)`)
	reNavLine = regexp.MustCompile(`(?i)^(taakveld\s+\d+\.\d+\.?\s+.*){2,}$`)
)

// sameNumber reports whether two programme numbers are the same ("06", "6").
func sameNumber(a, b string) bool {
	a, b = strings.TrimLeft(strings.TrimSpace(a), "0"), strings.TrimLeft(strings.TrimSpace(b), "0")
	return a != "" && strings.EqualFold(a, b)
}

// multCaption reports whether text says that amounts are in thousands:
// "(bedragen x € 1.000)", "Bedragen in € 1.000", "(€ x 1.000)", "x 1000",
// "in duizenden euro's".
func multCaption(text string) bool {
	return (strings.Contains(text, "1") || strings.Contains(text, "duizend")) && reMult.MatchString(text)
}

// sectionWords maps a heading (lower case, without ":" or "?") to what it
// opens. Several gemeenten' words map to one meaning.
var sectionWords = map[string]string{
	"inleiding":                          "intro",
	"algemeen":                           "intro",
	"inhoudelijk perspectief":            "perspective",
	"beoogd maatschappelijk effect":      "effect",
	"maatschappelijk effect":             "effect",
	"beoogd effect":                      "effect",
	"maatschappelijke effecten":          "effect",
	"wat willen we bereiken":             "achieve",
	"wat gaan we daarvoor doen":          "do",
	"wat gaan we ervoor doen":            "do",
	"wat gaan we doen":                   "do",
	"wat doen we daarvoor":               "do",
	"activiteiten":                       "do",
	"inspanningen":                       "do",
	"interventies":                       "do",
	"wat mag het kosten":                 "finance",
	"financieel overzicht":               "finance",
	"financiën":                          "finance",
	"wat hebben we bereikt":              "achieved",
	"wat hebben we gedaan":               "done",
	"wat heeft het gekost":               "finance-actual",
	"waar stonden we":                    "ist",
	"waar stonden we (ist)":              "ist",
	"ist":                                "ist",
	"waar gaan we naar toe":              "soll",
	"waar gaan we naartoe":               "soll",
	"waar gaan we naar toe (soll)":       "soll",
	"waar gaan we naartoe (soll)":        "soll",
	"soll":                               "soll",
	"trends en ontwikkelingen":           "trends",
	"ontwikkelingen":                     "trends",
	"conclusie":                          "conclusion",
	"conclusies":                         "conclusion",
	"hoofddoelstelling":                  "main",
	"programmadoelstelling":              "main",
	"programmadoelstellingen":            "main",
	"doelstelling":                       "main",
	"uitgangspunten":                     "principles",
	"relevante beleidsnota's":            "policy",
	"relevante beleidsnota’s":            "policy",
	"beleidsnota's":                      "policy",
	"beleidsnota’s":                      "policy",
	"kaderstellende beleidsnota's":       "policy",
	"kaderstellende beleidsnota’s":       "policy",
	"verbonden partijen":                 "partners",
	"beleidsindicatoren":                 "indicators",
	"kengetallen":                        "indicators",
	"metingen":                           "indicators",
	"metingen en verplichte indicatoren": "indicators-mandatory",
	"verplichte beleidsindicatoren":      "indicators-mandatory",
	"verplichte indicatoren":             "indicators-mandatory",
	"indicatoren":                        "indicators",
	"prestatie-indicatoren":              "indicators",
	"voortgang speerpunten":              "progress",
	"voortgang":                          "progress",
	"verschillenanalyse":                 "variance",
	"analyse van de verschillen":         "variance",
	"analyse afwijkingen":                "variance",
	"doelenboom":                         "chrome",
	"subdoelen":                          "chrome",
	"doelen":                             "chrome",
	"streefwaarden":                      "chrome",
	"toelichting":                        "progress-toelichting",
	"status":                             "progress-status",
	"planning":                           "progress-planning",
	"indicator":                          "progress-indicator",
	"financiële middelen":                "progress-resources",
	"middelen":                           "progress-resources",
	"risico's":                           "progress-risks",
	"risico’s":                           "progress-risks",
	"risico":                             "progress-risks",
}

// headingKey normalises a line for sectionWords.
func headingKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimRight(s, ":?. ")
	return s
}

// parse reads all lines into a document.
func (p *parser) parse() *grip.Document {
	if p.opt.Taakvelden != nil {
		// nothing to prepare: looked up per table
	}
	for i := 0; i < len(p.lines); i++ {
		i = p.step(i)
	}
	p.finishTable()
	return p.build()
}

// nextNonBlank returns the index of the next non-blank line after i, or -1.
func (p *parser) nextNonBlank(i int) int {
	for j := i + 1; j < len(p.lines); j++ {
		if !p.lines[j].blank {
			return j
		}
	}
	return -1
}

// step handles line i and returns the index of the last line it used.
func (p *parser) step(i int) int {
	l := p.lines[i]
	if l.blank {
		return i
	}
	if !l.isRow() && p.tbl != nil {
		// A group row whose empty cells were dropped ("Jeugdhulp" alone).
		if p.tbl.kind == tblIndicator && len(l.text) < 150 && !l.bullet && !strings.HasSuffix(l.text, ".") {
			if next := p.nextNonBlank(i); next == i+1 && p.lines[next].isRow() {
				p.tbl.group = l.text
				return i
			}
		}
		p.finishTable()
	}
	if p.prog == nil {
		// Text before any programme heading still needs a programme.
		if m := matchLead(reProgramme, l.text, "programma"); m != nil && p.isHeadingLine(l) {
			p.startProgramme(l, m[1], m[2])
			return i
		}
	}

	// Tables come first: their rows look like anything.
	if l.isRow() {
		return p.tableRow(i)
	}
	if len(l.text) < 80 && strings.Contains(l.text, "=") {
		if j, ok := p.signedVariances(i); ok {
			return j
		}
	}
	if j, ok := p.cellGrid(i); ok {
		return j
	}
	if j, ok := p.spacedGrid(i); ok {
		return j
	}
	if j, ok := p.numberedTree(i); ok {
		return j
	}
	if j, ok := p.runTogetherTable(i); ok {
		return j
	}
	if p.mode == modeVariance || p.looksVariance(l) {
		if p.varianceLine(l) {
			return i
		}
	}

	text := l.text
	if p.prog == nil && reChapter.MatchString(text) && p.isHeadingLine(l) && !l.bullet {
		// The chapter of the begroting the programme stands in, printed
		// above the programme's own heading: not part of its text.
		p.note(l.no, grip.SeverityInfo, "hoofdstukkop boven het programma overgeslagen", text)
		return i
	}
	key := ""
	if len(text) < 60 {
		key = headingKey(text)
	}

	// Navigation residue ("Taakveld 6.1. ... Taakveld 6.2. ...").
	if matchLead(reNavLine, text, "taakveld") != nil {
		p.note(l.no, grip.SeverityInfo, "navigatieregel overgeslagen", text)
		return i
	}
	if matchLead(reChrome, text, "deze", "terug", "print", "naar") != nil {
		p.note(l.no, grip.SeverityInfo, "paginatekst van de website overgeslagen", text)
		return i
	}
	// "Sociale zaken | 2020": a page caption.
	if len(text) < 100 && strings.IndexByte(text, '|') >= 0 && chromeYear.MatchString(text) {
		return i
	}

	if p.isHeadingLine(l) {
		if m := matchLead(reProgramme, text, "programma"); m != nil && p.isTitleLine(l) && !strings.Contains(strings.ToLower(text), "bedragen") && p.mode != modeProgress {
			title := strings.TrimSpace(m[2])
			if p.prog != nil && (title == "" || grip.Slugify(title) == p.prog.p.Key || sameNumber(m[1], p.prog.p.Number)) {
				// The title repeated, or a part of the programme under
				// its number ("Programma 3: Doelenboom" in programma 3).
				return i
			}
			p.startProgramme(l, m[1], m[2])
			return i
		}
		if m := matchLead(reSubgoal, text, "subdoel", "deeldoel", "operationeel", "prestatiedoel"); m != nil {
			p.startGoal(l, p.levelFor(l, m[1], 2), m[3])
			return i
		}
		if m := matchLead(reGoal, text, "doel", "beleidsdoel", "hoofddoel", "programmadoel", "maatschappelijk", "beoogd"); m != nil {
			p.startGoal(l, p.levelFor(l, m[1], 1), m[3])
			return i
		}
		if m := p.titleMatch(l, reTheme, "doelenboom", "ambitie", "actielijn", "speerpunt", "beleidsthema", "thema", "programmaonderdeel", "deelprogramma", "beleidsveld", "opgave"); m != nil && strings.TrimSpace(m[3]) != "" && p.mode != modeProgress && themeMarked(l, m) {
			title := strings.TrimSpace(m[3])
			if p.theme != nil && strings.EqualFold(title, p.theme.title) {
				return i // the title repeated
			}
			if p.theme != nil && strings.EqualFold(strings.TrimSpace(m[1]+" "+title), p.theme.title) {
				return i
			}
			p.startGoal(l, p.levelFor(l, m[1], 0), title)
			return i
		}
	}

	if what, ok := sectionWords[key]; ok && (p.isHeadingLine(l) || strings.HasPrefix(what, "progress")) && !l.bullet {
		if p.section(l, what) {
			return i
		}
	}
	if len(text) < 200 && p.prog != nil && p.headerField(text) {
		return i
	}
	if len(text) < 200 && multCaption(text) {
		p.mult = 1000
		if len(text) < 120 {
			return i
		}
	}

	if p.mode == modeProgress {
		return p.progressLine(i)
	}

	// VOORSTEL / ONTWIKKELING items, bulleted or not.
	if m := matchLead(reMarker, text, "VOORSTEL", "ONTWIKKELING", "NIEUW", "RISICO"); m != nil && (l.bullet || l.bold || p.mode == modeActivities || p.theme != nil) {
		title := cleanTitle(m[2])
		switch m[1] {
		case "VOORSTEL":
			if title != "" {
				p.startProposal(l, title)
				return i
			}
		case "ONTWIKKELING", "RISICO":
			if title != "" {
				p.startDevelopment(l, title)
				return i
			}
		}
	}

	// Footnotes: "* text", "** text".
	if strings.HasPrefix(text, "*") && !l.bold {
		stars := strings.TrimRight(text[:len(text)-len(strings.TrimLeft(text, "*"))], " ")
		body := strings.TrimSpace(strings.TrimLeft(text, "*"))
		if body != "" && p.footnote(l, stars, body) {
			return i
		}
	}

	if l.bullet {
		p.bullet(l)
		return i
	}

	// A short line repeating the current item's title.
	if p.item.kind != itemNone && strings.EqualFold(cleanTitle(text), p.item.title) {
		return i
	}
	if p.mode == modeIndicators && p.indicatorsMandatory && len(text) < 150 && !strings.HasSuffix(text, ".") {
		p.mandatoryIndicator(l)
		return i
	}
	// Under "Wat gaan we daarvoor doen?" a bold line or a heading of its own
	// is the title of an activity, its text follows.
	if p.mode == modeActivities && (l.bold || l.heading > 0) && len(text) < 200 && p.current() != nil {
		p.startActivity(l, text)
		return i
	}
	if strings.HasSuffix(text, ":") && strings.Contains(strings.ToLower(text), "uitgangspunten") {
		p.paragraph(l)
		p.mode = modePrinciples
		p.listIntro = false
		return i
	}
	p.paragraph(l)
	return i
}

// isHeadingLine tells a heading from a paragraph: structural headings of
// HTML and docx, or short lines without a full stop.
func (p *parser) isHeadingLine(l line) bool {
	if l.heading > 0 {
		return true
	}
	if l.bullet || l.isRow() {
		return false
	}
	n := utf8.RuneCountInString(l.text)
	if n > 200 {
		return false
	}
	return true
}

// headerField reads a field of the programme's header: the portefeuille-
// houders, the sector(en) involved and the civil servant to contact. It
// reports whether text was one.
func (p *parser) headerField(text string) bool {
	if m := reHolders.FindStringSubmatch(text); m != nil {
		p.prog.p.PortfolioHolders = splitNames(m[2])
		return true
	}
	if m := reSectors.FindStringSubmatch(text); m != nil {
		var out []string
		for _, s := range strings.FieldsFunc(m[2], func(r rune) bool { return r == ',' || r == ';' || r == '/' }) {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		p.prog.p.Sectors = out
		return len(out) > 0
	}
	if m := reOfficial.FindStringSubmatch(text); m != nil {
		p.prog.p.OfficialContacts = splitNames(m[2])
		return len(p.prog.p.OfficialContacts) > 0
	}
	return false
}

func splitNames(s string) []string {
	s = strings.TrimSpace(s)
	for _, pre := range []string{"Wethouders ", "wethouders ", "Wethouder ", "wethouder "} {
		s = strings.TrimPrefix(s, pre)
	}
	s = strings.ReplaceAll(s, " en ", ", ")
	var out []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// cleanTitle trims markers and trailing punctuation from an item title.
func cleanTitle(s string) string {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*"))
	s = strings.TrimSpace(strings.TrimLeft(s, ":"))
	return s
}

// normTitle is the identity of an item title: case, spaces, markers and
// a final full stop do not matter.
func normTitle(s string) string {
	s = strings.ToLower(cleanTitle(s))
	s = strings.TrimRight(s, ".;: ")
	return strings.Join(strings.Fields(s), " ")
}

func (p *parser) ensureProgramme(no int) {
	if p.prog != nil {
		return
	}
	p.startProgramme(line{no: no}, "", "")
	p.prog.implicit = true
}

func (p *parser) startProgramme(l line, number, title string) {
	p.finishTable()
	p.placeSubgoals()
	if p.prog != nil {
		p.finishSpeerpunt()
	}
	title = strings.TrimSpace(title)
	if pb := p.prog; pb != nil && pb.implicit && len(pb.roots) == 0 && len(pb.p.Indicators) == 0 && title != "" {
		// The text before the heading was an introduction, or the finance
		// tables of a page whose heading comes later ("PROGRAMMA 6 SOCIAAL
		// DOMEIN" above the explanation of the variances): adopt it.
		pb.implicit = false
		pb.p.Title = title
		pb.p.Number = strings.TrimSpace(number)
		pb.p.Key = grip.Slugify(title)
		if pb.p.Key == "" {
			pb.p.Key = "programma"
		}
		return
	}
	if title == "" {
		title = "Programma"
		if number != "" {
			title = "Programma " + number
		}
	}
	pb := &progB{actByNorm: map[string]int{}, devByNorm: map[string]int{}, indKeys: map[string]int{}, partnerIx: -1, propByNorm: map[string]int{}}
	pb.p.Title = title
	pb.p.Number = strings.TrimSpace(number)
	key := grip.Slugify(title)
	if key == "" {
		key = "programma"
	}
	for _, other := range p.progs {
		if other.p.Key == key {
			key = fmt.Sprintf("%s-%d", key, len(p.progs)+1)
		}
	}
	pb.p.Key = key
	p.progs = append(p.progs, pb)
	p.prog = pb
	p.theme, p.goal, p.sub = nil, nil, nil
	p.mode = modeNone
	p.target = target{}
	p.item = itemRef{}
	p.mult = 1
}

// startGoal opens a goal at depth (0 theme, 1 goal, 2 subgoal).
func (p *parser) startGoal(l line, depth int, title string) {
	p.finishTable()
	p.ensureProgramme(l.no)
	title = cleanTitle(title)
	if title == "" {
		return
	}
	// Capitalise the first letter of a theme title ("ontwikkelprogramma ...").
	if depth == 0 {
		r, n := utf8.DecodeRuneInString(title)
		title = strings.ToUpper(string(r)) + title[n:]
	}
	var parent *gnode
	switch depth {
	case 1:
		parent = p.theme
		if parent == nil {
			parent = p.implicitTheme(l)
		}
	case 2:
		parent = p.goal
		if parent == nil {
			if p.theme == nil {
				p.implicitTheme(l)
			}
			p.note(l.no, grip.SeverityWarning, "subdoel zonder doel ervoor; onder het thema gezet als doel", title)
			depth = 1
			parent = p.theme
		} else if len(parent.children) == 0 && p.sub == nil && parent.parent != nil && len(parent.parent.children) > 1 && !parent.parent.deferred {
			// All goals first, then all subgoals: which goal a subgoal
			// belongs to is not printed. They are placed when the theme
			// is complete (placeSubgoals).
			parent.parent.deferred = true
			parent.parent.deferLine = l.no
		}
	}
	g := &gnode{title: title, line: l.no, depth: depth, parent: parent}
	base := grip.Slugify(title)
	if base == "" {
		base = "doel"
	}
	if depth == 2 && parent != nil && parent.parent != nil && parent.parent.deferred {
		// The goal is not known yet: the key holds the theme only.
		base = parent.parent.key + "/" + base
		g.deferred = true
	} else if parent != nil {
		base = parent.key + "/" + base
	}
	g.key = p.uniqueGoalKey(base)
	if parent == nil {
		p.prog.roots = append(p.prog.roots, g)
	} else {
		parent.children = append(parent.children, g)
	}
	switch depth {
	case 0:
		p.placeSubgoals()
		p.theme, p.goal, p.sub = g, nil, nil
	case 1:
		p.goal, p.sub = g, nil
	default:
		p.sub = g
	}
	p.mode = modeNone
	p.item = itemRef{}
	sec := &grip.Section{Kind: grip.SectionIntro, Line: l.no}
	g.sections = append(g.sections, sec)
	p.target = target{kind: tGoalSection, section: sec}
}

func (p *parser) uniqueGoalKey(base string) string {
	return p.prog.newKey("g", base)
}

func (p *parser) implicitTheme(l line) *gnode {
	title := p.prog.p.Title
	p.note(l.no, grip.SeverityInfo, "doel zonder thema erboven; een thema met de naam van het programma is aangemaakt", "")
	g := &gnode{title: title, line: l.no, depth: 0}
	g.key = p.uniqueGoalKey(grip.Slugify(title))
	p.prog.roots = append(p.prog.roots, g)
	p.theme = g
	return g
}

// current returns the deepest open goal.
func (p *parser) current() *gnode {
	switch {
	case p.sub != nil:
		return p.sub
	case p.goal != nil:
		return p.goal
	}
	return p.theme
}

// section handles a section heading; false when the word means nothing here.
func (p *parser) section(l line, what string) bool {
	if strings.HasPrefix(what, "progress-") {
		if p.mode != modeProgress {
			if what == "progress-risks" || what == "progress-planning" || what == "progress-indicator" || what == "progress-resources" {
				// Outside a progress block these are ordinary headings of text.
				p.openTextSection(l, grip.SectionOther)
				return true
			}
			return false
		}
		p.progressField(l, what)
		return true
	}
	if p.mode == modeProgress && (what == "do" || what == "done" || what == "achieved") {
		p.progressField(l, "progress-do")
		return true
	}
	p.finishTable()
	p.ensureProgramme(l.no)
	if what != "progress" {
		p.finishSpeerpunt()
	}
	p.item = itemRef{}
	p.listIntro = false
	p.indicatorsMandatory = false
	switch what {
	case "chrome":
		return true
	case "intro":
		p.mode = modeNone
		p.openTextSection(l, grip.SectionIntro)
	case "perspective":
		p.mode = modeNone
		p.openTextSection(l, grip.SectionPerspective)
	case "effect":
		p.mode = modeNone
		p.openTextSection(l, grip.SectionEffect)
	case "achieve":
		p.mode = modeNone
		p.openTextSection(l, grip.SectionAchieve)
	case "achieved":
		p.mode = modeNone
		p.openTextSection(l, grip.SectionAchieved)
	case "done":
		p.mode = modeNone
		p.openTextSection(l, grip.SectionDone)
	case "ist":
		p.mode = modeNone
		p.openTextSection(l, grip.SectionIST)
	case "soll":
		p.mode = modeNone
		p.openTextSection(l, grip.SectionSOLL)
	case "trends":
		p.mode = modeNone
		p.openTextSection(l, grip.SectionTrends)
	case "conclusion":
		p.mode = modeNone
		p.openTextSection(l, grip.SectionConclusion)
	case "do":
		p.mode = modeActivities
		if key := headingKey(l.text); strings.HasPrefix(key, "wat") {
			p.openTextSection(l, grip.SectionDo)
			p.mode = modeActivities
		} else {
			p.target = target{}
		}
	case "finance", "finance-actual":
		p.mode = modeFinance
		kind := grip.SectionCost
		if what == "finance-actual" {
			kind = grip.SectionCostActual
		}
		p.openTextSection(l, kind)
		p.mode = modeFinance
	case "main":
		p.mode = modeNone
		p.target = target{kind: tMainObjective}
	case "principles":
		p.mode = modePrinciples
		p.target = target{kind: tMainObjective}
	case "policy":
		p.mode = modePolicyNotes
		p.target = target{}
	case "partners":
		p.mode = modePartners
		p.target = target{}
	case "indicators":
		p.mode = modeIndicators
		p.target = target{}
	case "indicators-mandatory":
		p.mode = modeIndicators
		p.indicatorsMandatory = true
		p.target = target{}
	case "progress":
		p.mode = modeProgress
		p.theme, p.goal, p.sub = nil, nil, nil
		p.target = target{}
	case "variance":
		p.mode = modeVariance
		p.openTextSection(l, grip.SectionOther)
		p.mode = modeVariance
	default:
		return false
	}
	return true
}

// openTextSection starts a titled text on the current goal, or on the
// programme when no goal is open.
func (p *parser) openTextSection(l line, kind grip.SectionKind) {
	p.ensureProgramme(l.no)
	sec := &grip.Section{Kind: kind, Heading: strings.TrimRight(strings.TrimSpace(l.text), ":"), Line: l.no}
	if g := p.current(); g != nil {
		g.sections = append(g.sections, sec)
		p.target = target{kind: tGoalSection, section: sec}
	} else {
		p.prog.sections = append(p.prog.sections, sec)
		p.target = target{kind: tProgSection, section: sec}
	}
	if p.mode != modeActivities && p.mode != modeFinance && p.mode != modeVariance {
		p.mode = modeNone
	}
}

// paragraph places a paragraph of text.
func (p *parser) paragraph(l line) {
	p.ensureProgramme(l.no)
	text := l.text
	p.listIntro = strings.HasSuffix(text, ":")
	if p.mode == modePartners && p.prog.partnerIx >= 0 {
		p.addText(textRef{kind: 'P', prog: p.prog, idx: p.prog.partnerIx}, "\n\n", text)
		return
	}
	if p.item.kind != itemNone && (p.mode == modeActivities || p.theme != nil) {
		p.appendItemText(text)
		return
	}
	switch p.target.kind {
	case tGoalSection, tProgSection:
		p.addText(textRef{kind: 's', sec: p.target.section}, "\n\n", text)
		return
	case tMainObjective:
		p.prog.mainObj = append(p.prog.mainObj, text)
		return
	case tVariance:
		if p.target.varIdx < len(p.prog.varLines) {
			p.addText(textRef{kind: 'v', prog: p.prog, idx: p.target.varIdx}, "\n\n", text)
			return
		}
	}
	if g := p.current(); g != nil {
		sec := &grip.Section{Kind: grip.SectionOther, Line: l.no, Body: text}
		g.sections = append(g.sections, sec)
		p.target = target{kind: tGoalSection, section: sec}
		return
	}
	if p.mode == modePrinciples || p.mode == modePolicyNotes {
		p.prog.mainObj = append(p.prog.mainObj, text)
		return
	}
	if p.mode == modeIndicators || p.mode == modeFinance {
		sec := &grip.Section{Kind: grip.SectionOther, Line: l.no, Body: text}
		p.prog.sections = append(p.prog.sections, sec)
		p.target = target{kind: tProgSection, section: sec}
		return
	}
	if len(p.prog.roots) == 0 && len(p.prog.sections) == 0 && len(p.prog.mainObj) == 0 && p.prog.p.Partners == nil {
		sec := &grip.Section{Kind: grip.SectionIntro, Line: l.no, Body: text}
		p.prog.sections = append(p.prog.sections, sec)
		p.target = target{kind: tProgSection, section: sec}
		return
	}
	p.note(l.no, grip.SeverityInfo, "tekst zonder plaats in de doelenboom; als programmatekst bewaard", text)
	sec := &grip.Section{Kind: grip.SectionOther, Line: l.no, Body: text}
	p.prog.sections = append(p.prog.sections, sec)
	p.target = target{kind: tProgSection, section: sec}
}

func joinPara(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n\n" + b
}

func joinLine(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// bullet places a list item.
func (p *parser) bullet(l line) {
	p.ensureProgramme(l.no)
	text := l.text
	switch p.mode {
	case modePrinciples:
		p.prog.p.Principles = append(p.prog.p.Principles, text)
		return
	case modePolicyNotes:
		p.prog.p.PolicyNotes = append(p.prog.p.PolicyNotes, text)
		return
	case modePartners:
		p.prog.p.Partners = append(p.prog.p.Partners, grip.Partner{Name: text})
		p.prog.partnerIx = len(p.prog.p.Partners) - 1
		return
	case modeActivities:
		// Bullets after "...:" or indented under an item belong to its text.
		if p.item.kind != itemNone && (p.listIntro || l.indent > 0) && !l.bold {
			p.appendItemLine("- " + text)
			return
		}
		p.listIntro = false
		p.startActivity(l, text)
		return
	}
	if p.item.kind != itemNone {
		p.appendItemLine("- " + text)
		return
	}
	switch p.target.kind {
	case tGoalSection, tProgSection:
		p.addText(textRef{kind: 's', sec: p.target.section}, "\n", "- "+text)
		return
	case tMainObjective:
		p.prog.mainObj = append(p.prog.mainObj, "- "+text)
		return
	}
	if g := p.current(); g != nil {
		sec := &grip.Section{Kind: grip.SectionOther, Line: l.no, Body: "- " + text}
		g.sections = append(g.sections, sec)
		p.target = target{kind: tGoalSection, section: sec}
		return
	}
	p.note(l.no, grip.SeverityInfo, "opsommingsteken zonder plaats in de doelenboom; als programmatekst bewaard", text)
	sec := &grip.Section{Kind: grip.SectionOther, Line: l.no, Body: "- " + text}
	p.prog.sections = append(p.prog.sections, sec)
	p.target = target{kind: tProgSection, section: sec}
}

// matchLead runs re only on text that starts with one of the words (case
// does not matter): the patterns are anchored at those words, and most
// lines start with something else.
func matchLead(re *regexp.Regexp, text string, words ...string) []string {
	ok := false
	for _, w := range words {
		if len(text) >= len(w) && strings.EqualFold(text[:len(w)], w) {
			ok = true
			break
		}
	}
	if !ok {
		return nil
	}
	return re.FindStringSubmatch(text)
}

// levelFor gives the depth of a level word (class 0 theme words, 1 goal
// words, 2 subgoal words) in this document. A second theme word under the
// first ("Ambitie", then "Actielijn") is the level below it.
func (p *parser) levelFor(l line, word string, class int) int {
	word = strings.ToLower(word)
	if p.levels == nil {
		p.levels = map[string]int{}
	}
	if d, ok := p.levels[word]; ok {
		p.levelWord(d, word)
		return d
	}
	taken := map[int]bool{}
	for _, d := range p.levels {
		taken[d] = true
	}
	d := class
	switch class {
	case 0:
		if taken[0] && p.theme != nil {
			d = 1
			p.note(l.no, grip.SeverityInfo, fmt.Sprintf("%q staat onder een ander themaniveau en is gelezen als het niveau daaronder", word), l.text)
		}
	case 1:
		if taken[1] && !goalWords[p.wordAt(1)] {
			if p.goal == nil {
				return 1 // no level between: a goal right under the theme
			}
			d = 2
		}
	case 2:
		d = 2
	}
	p.levels[word] = d
	p.levelWord(d, word)
	return d
}

// levelWord records word as the name of goal-tree level depth, unless the
// document named that level already.
func (p *parser) levelWord(depth int, word string) {
	word = strings.ToLower(strings.TrimSpace(word))
	if word == "" || depth < 0 || depth > 8 {
		return
	}
	for len(p.levelWords) <= depth {
		p.levelWords = append(p.levelWords, "")
	}
	if p.levelWords[depth] == "" {
		p.levelWords[depth] = word
	}
}

// levelNames are the names of the goal-tree levels as the document used
// them, for grip.OrgSettings.LevelNames; a level it did not name gets the
// default name. Nil when the document named no level.
func (p *parser) levelNames() []string {
	if len(p.levelWords) == 0 {
		return nil
	}
	out := make([]string, len(p.levelWords))
	for d, w := range p.levelWords {
		if w == "" {
			w = grip.OrgSettings{}.LevelName(d)
		}
		out[d] = w
	}
	return out
}

var goalWords = map[string]bool{"doel": true, "doelstelling": true, "beleidsdoel": true, "hoofddoel": true, "programmadoel": true, "maatschappelijk doel": true, "beoogd resultaat": true}

func (p *parser) wordAt(depth int) string {
	for w, d := range p.levels {
		if d == depth {
			return w
		}
	}
	return ""
}

// isTitleLine tells a title without a colon ("Programma 6 Sociaal domein",
// "Ambitie Iedereen doet mee") from a sentence that starts with the same
// word: a title is short and does not end with a full stop.
func (p *parser) isTitleLine(l line) bool {
	if l.heading > 0 {
		return true
	}
	return utf8.RuneCountInString(l.text) <= 120 && !strings.HasSuffix(l.text, ".")
}

// titleMatch is matchLead for title lines only.
func (p *parser) titleMatch(l line, re *regexp.Regexp, words ...string) []string {
	if !p.isTitleLine(l) {
		return nil
	}
	return matchLead(re, l.text, words...)
}

// themeMarked: "Doelenboom X" is a theme as it stands; the other words
// ("Ambitie", "Opgave", "Thema") also start sentences, so they need a
// number, a colon or dash, or the look of a heading.
func themeMarked(l line, m []string) bool {
	if strings.EqualFold(m[1], "doelenboom") || m[2] != "" || l.heading > 0 || l.bold {
		return true
	}
	rest := strings.TrimSpace(l.text[len(m[1]):])
	return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, ".")
}
