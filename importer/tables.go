package importer

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"grip"
)

type tableKind int

const (
	tblNone tableKind = iota
	tblProposal
	tblIndicator
	tblFinance
	tblISTSOLL
)

// tableB is the table being read.
type tableB struct {
	kind  tableKind
	line  int
	ncols int
	// proposal tables
	colTitle, colIS, colYear, colAmount int
	prop                                *proposalB
	amounts                             []grip.ProposalAmount
	yearLine                            map[int]int
	title                               string
	// indicator tables
	icols   []icol
	group   string
	source  int // column of the bron, -1 when none
	yearPos []int
	// IST/SOLL tables: the two sections the rows go to
	ist, soll *grip.Section
	// long indicator tables: a row per indicator and year
	long                         bool
	colPeriod, colValue, colUnit int
	yearCols                     []yearCol // proposal tables with a column per year
	// finance tables
	fcols []fcol
	frows []finRow
	total *finRow
}

type yearCol struct {
	col, year int
}

type icol struct {
	year int
	kind grip.MeasurementKind
	side string // lasten, baten or saldo when the label says so
	word string // the label word, lower case ("begroting", "realisatie")
}

type fcol struct {
	side  string // "lasten", "baten", "saldo"
	year  int
	stage grip.MoneyStage
}

// finRow is a taakveld row with its possible readings (one when the cells
// were separate; several when they ran together).
type finRow struct {
	line     int
	code     string
	label    string
	text     string
	readings [][]*dutchNumber
}

var (
	reYearLabel = regexp.MustCompile(`(?i)(lasten|baten|saldo|werkelijk|realisatie|rekening|jaarrekening|begroting|begroot|begroo t|raming|streefwaarde|prognose|primitieve begroting|na wijziging)?\s*((?:19[89]|20\d)\d)`)
	reSides     = regexp.MustCompile(`(?i)^(\s*(lasten|baten|saldo))+\s*$`)
	reTaakveld  = regexp.MustCompile(`^(\d{1,2}\.\d{1,3}[a-z]?)\.?\s*(.*)$`)
)

// yearLabels reads a run of column labels with years ("Werkelijk 2017Begroting
// 2018..."). ok is false when anything else is in s.
func yearLabels(s string) ([]icol, bool) {
	locs := reYearLabel.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		return nil, false
	}
	rest := s
	var cols []icol
	prev := 0
	for _, m := range locs {
		if strings.TrimSpace(s[prev:m[0]]) != "" {
			return nil, false
		}
		prev = m[1]
		word := ""
		if m[2] >= 0 {
			word = strings.ToLower(s[m[2]:m[3]])
		}
		y, _ := strconv.Atoi(s[m[4]:m[5]])
		kind := grip.Realised
		side := ""
		if word == "lasten" || word == "baten" || word == "saldo" {
			side = word
		}
		if strings.HasPrefix(word, "begro") || word == "raming" || word == "streefwaarde" || word == "prognose" || word == "primitieve begroting" || word == "na wijziging" {
			kind = grip.Planned
		}
		cols = append(cols, icol{year: y, kind: kind, side: side, word: word})
	}
	_ = rest
	if strings.TrimSpace(s[prev:]) != "" {
		return nil, false
	}
	return cols, true
}

// cellYear reads one header cell: "Begroot 2020", "2018", "Begroo t 2019".
func cellYear(cell string) (icol, bool) {
	c := strings.TrimSpace(cell)
	if c == "" || len(c) > 40 || !hasYearDigits(c) {
		return icol{}, false
	}
	cols, ok := yearLabels(c)
	if !ok || len(cols) != 1 {
		return icol{}, false
	}
	return cols[0], true
}

// runTogetherTable recognises the header of a table whose cells ran
// together and reads the rows that follow, up to a blank line.
func (p *parser) runTogetherTable(i int) (int, bool) {
	l := p.lines[i]
	t := l.text
	if len(t) > 400 || l.bullet {
		return i, false
	}
	if len(t) < 60 && (strings.Contains(t, "asten") || strings.Contains(t, "aldo")) && reSides.MatchString(strings.NewReplacer("Lasten", " Lasten", "Baten", " Baten", "Saldo", " Saldo").Replace(t)) {
		p.pendingSides = sidesOf(t)
		return i, true
	}
	low := strings.ToLower(t)
	for _, head := range []string{"taakveld", "omschrijving"} {
		if strings.HasPrefix(low, head) {
			cols, ok := yearLabels(t[len(head):])
			if !ok {
				continue
			}
			p.finishTable()
			p.ensureProgramme(l.no)
			p.tbl = &tableB{kind: tblFinance, line: l.no, fcols: p.financeCols(cols)}
			p.pendingSides = nil
			j := i + 1
			for ; j < len(p.lines) && !p.lines[j].blank; j++ {
				p.financeRunRow(p.lines[j])
			}
			p.finishTable()
			return j - 1, true
		}
	}
	for _, head := range []string{"beleidsindicatoren", "verplichte kengetallen", "kengetallen", "prestatie-indicatoren", "indicatoren", "indicator", "beleidsdoelen", "metingen"} {
		if strings.HasPrefix(low, head) && len(t) > len(head) {
			cols, ok := yearLabels(t[len(head):])
			if !ok {
				continue
			}
			p.finishTable()
			p.ensureProgramme(l.no)
			group := strings.TrimSpace(t[:len(head)])
			tb := &tableB{kind: tblIndicator, line: l.no, icols: cols, source: -1, group: group}
			p.tbl = tb
			j := i + 1
			for ; j < len(p.lines) && !p.lines[j].blank; j++ {
				p.indicatorRunRow(p.lines[j], group)
			}
			p.finishTable()
			return j - 1, true
		}
	}
	return i, false
}

func sidesOf(t string) []string {
	var out []string
	low := strings.ToLower(t)
	for len(low) > 0 {
		low = strings.TrimLeft(low, " ")
		switch {
		case strings.HasPrefix(low, "lasten"):
			out = append(out, "lasten")
			low = low[len("lasten"):]
		case strings.HasPrefix(low, "baten"):
			out = append(out, "baten")
			low = low[len("baten"):]
		case strings.HasPrefix(low, "saldo"):
			out = append(out, "saldo")
			low = low[len("saldo"):]
		default:
			return out
		}
	}
	return out
}

// financeCols combines the side labels (Lasten Baten Saldo) with the year
// labels: columns after the last side label repeat it.
func (p *parser) financeCols(years []icol) []fcol {
	sides := p.pendingSides
	if len(sides) == 0 {
		sides = []string{"lasten", "baten", "saldo"}
	}
	out := make([]fcol, len(years))
	for k, y := range years {
		side := sides[len(sides)-1]
		if k < len(sides) {
			side = sides[k]
		}
		if y.side != "" {
			side = y.side
		}
		stage := grip.StagePrimitief
		afterYear := p.kind == grip.KindJaarverslag || p.kind == grip.KindJaarrekening || p.kind == grip.KindTussentijds
		switch {
		case strings.Contains(y.word, "wijziging"):
			stage = grip.StageNaWijziging
		case y.word == "realisatie" || y.word == "rekening" || y.word == "jaarrekening" || y.word == "werkelijk":
			stage = grip.StageRealisatie
		case y.year > p.year:
			stage = grip.StageMeerjarenraming
		case y.kind == grip.Realised && y.year < p.year:
			stage = grip.StageRealisatie
		case afterYear && !strings.HasPrefix(y.word, "begro") && y.word != "raming":
			stage = grip.StageRealisatie
		}
		out[k] = fcol{side: side, year: y.year, stage: stage}
	}
	return out
}

// tableRow handles a row of a table with separate cells.
func (p *parser) tableRow(i int) int {
	l := p.lines[i]
	p.ensureProgramme(l.no)
	cells := l.cells
	first := strings.ToLower(strings.TrimSpace(cells[0]))
	// A proposal table header.
	if strings.HasPrefix(first, "voorstel") && len(cells) >= 2 {
		p.startProposalTable(l)
		return i
	}
	if p.tbl != nil && p.tbl.kind == tblProposal {
		p.proposalRow(l)
		return i
	}
	// IST and SOLL side by side: "Waar stonden we (IST) | Waar gaan we naar toe (SOLL)".
	if ne := nonEmpty(cells); len(ne) == 2 && isISTHeading(ne[0]) && isSOLLHeading(ne[1]) {
		p.finishTable()
		g := p.current()
		if g == nil {
			p.note(l.no, grip.SeverityInfo, "IST/SOLL-tabel buiten een doel; als programmatekst bewaard", l.text)
		}
		ist := &grip.Section{Kind: grip.SectionIST, Heading: ne[0], Line: l.no}
		soll := &grip.Section{Kind: grip.SectionSOLL, Heading: ne[1], Line: l.no}
		if g != nil {
			g.sections = append(g.sections, ist, soll)
		} else {
			p.prog.sections = append(p.prog.sections, ist, soll)
		}
		p.tbl = &tableB{kind: tblISTSOLL, line: l.no, ist: ist, soll: soll}
		return i
	}
	if p.tbl != nil && p.tbl.kind == tblISTSOLL {
		ne := cells
		for len(ne) > 2 && strings.TrimSpace(ne[len(ne)-1]) == "" {
			ne = ne[:len(ne)-1]
		}
		if len(ne) >= 1 && strings.TrimSpace(ne[0]) != "" {
			p.addText(textRef{kind: 's', sec: p.tbl.ist}, "\n", "- "+strings.TrimSpace(ne[0]))
		}
		if len(ne) >= 2 && strings.TrimSpace(ne[1]) != "" {
			p.addText(textRef{kind: 's', sec: p.tbl.soll}, "\n", "- "+strings.TrimSpace(ne[1]))
		}
		return i
	}
	// The header of a verschillenanalyse: "Omschrijving | Begroting | Realisatie | Verschil | V/N".
	if low := strings.ToLower(l.text); p.tbl == nil && (strings.Contains(low, "v/n") || strings.Contains(low, "verschil") && (strings.Contains(low, "realisatie") || strings.Contains(low, "rekening"))) && !hasNumberCells(cells, nil) {
		p.finishTable()
		p.mode = modeVariance
		return i
	}
	// Variance rows: "Doelenboom Jeugd | N | 2.429.339,00".
	if p.varianceLine(line{no: l.no, text: strings.Join(nonEmpty(cells), " ")}) {
		return i
	}
	// Side labels of a finance table.
	if joined := strings.Join(nonEmpty(cells), " "); reSides.MatchString(joined) && len(nonEmpty(cells)) >= 2 {
		p.pendingSides = sidesOf(joined)
		return i
	}
	// A header: cells with years.
	var cols []icol
	var pos []int
	source := -1
	for k, c := range cells {
		if k == 0 {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(c), "bron") {
			source = k
			continue
		}
		if y, ok := cellYear(c); ok {
			cols = append(cols, y)
			pos = append(pos, k)
		}
	}
	if len(cols) > 0 && (p.tbl == nil || len(cols) >= 2 || first != "") && !hasNumberCells(cells[1:], pos) {
		p.finishTable()
		if strings.Contains(first, "taakveld") || p.pendingSides != nil || cols[0].side != "" || p.mode == modeFinance && !strings.Contains(first, "indicator") {
			p.tbl = &tableB{kind: tblFinance, line: l.no, fcols: p.financeCols(cols), ncols: len(cells)}
			p.tbl.icols = cols
			p.tbl.colTitle = pos[0]
			p.pendingSides = nil
			return i
		}
		p.tbl = &tableB{kind: tblIndicator, line: l.no, icols: cols, source: source, ncols: len(cells), group: strings.TrimSpace(cells[0])}
		p.tbl.colTitle = pos[0]
		p.tbl.yearPos = pos
		return i
	}
	// A long table: a row per indicator and year ("Indicator | Eenheid |
	// Periode | Waarde | Bron"), as waarstaatjegemeente.nl prints them.
	if lt, ok := longIndicatorHeader(cells); ok {
		p.finishTable()
		lt.line = l.no
		p.tbl = lt
		return i
	}
	if p.tbl != nil && p.tbl.kind == tblIndicator && p.tbl.long {
		p.longIndicatorRow(l)
		return i
	}
	if ne := nonEmpty(cells); p.tbl == nil && len(ne) == 2 {
		// A label and its value ("Aanspreekpunt bestuurlijk | Wethouders ...").
		label, value := strings.TrimSpace(ne[0]), strings.TrimSpace(ne[1])
		if p.headerField(label + " " + value) {
			return i
		}
		sec := &grip.Section{Kind: grip.SectionOther, Heading: label, Body: value, Line: l.no}
		if g := p.current(); g != nil {
			g.sections = append(g.sections, sec)
		} else {
			p.prog.sections = append(p.prog.sections, sec)
		}
		return i
	}
	if p.tbl == nil {
		p.note(l.no, grip.SeverityInfo, "tabelregel zonder herkende kop; als tekst bewaard", l.text)
		p.paragraph(line{no: l.no, text: l.text})
		return i
	}
	switch p.tbl.kind {
	case tblIndicator:
		p.indicatorRow(i)
	case tblFinance:
		p.financeCellRow(l)
	}
	return i
}

// hasNumberCells reports whether the cells at pos hold numbers rather than
// labels: then the row is data, not a header.
func hasNumberCells(cells []string, pos []int) bool {
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if _, ok := cellYear(c); ok {
			continue
		}
		if _, ok := parseDutchNumber(strings.TrimRight(c, "%*")); ok {
			return true
		}
	}
	return false
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			out = append(out, c)
		}
	}
	return out
}

// finishTable closes the open table: proposal amounts are handed to their
// proposal, finance rows are resolved.
func (p *parser) finishTable() {
	tb := p.tbl
	if tb == nil {
		return
	}
	p.tbl = nil
	switch tb.kind {
	case tblProposal:
		p.finishProposalTable(tb)
	case tblFinance:
		p.finishFinance(tb)
		p.mult = 1 // a "bedragen x 1.000" caption belongs to its table
	}
}

// --- proposal tables -------------------------------------------------------

func (p *parser) startProposalTable(l line) {
	p.finishTable()
	tb := &tableB{kind: tblProposal, line: l.no, ncols: len(l.cells), colTitle: 0, colIS: -1, colYear: -1, colAmount: -1, yearLine: map[int]int{}}
	for k, c := range l.cells {
		h := strings.ToLower(strings.ReplaceAll(strings.Trim(c, "* :"), " ", ""))
		switch {
		case k == 0:
		case h == "i/s" || h == "is" || h == "incidenteel/structureel":
			tb.colIS = k
		case h == "jaar" || h == "jaren":
			tb.colYear = k
		case strings.Contains(h, "financi") || strings.Contains(h, "bedrag") || strings.Contains(h, "kosten") || h == "€":
			tb.colAmount = k
		default:
			// "Voorstel | i/s | 2020 | 2021 | ...": a column per year.
			if y, err := strconv.Atoi(h); err == nil && y >= 1990 && y <= 2100 {
				tb.yearCols = append(tb.yearCols, yearCol{col: k, year: y})
			}
		}
	}
	if tb.colAmount < 0 {
		tb.colAmount = len(l.cells) - 1
	}
	p.tbl = tb
	if p.item.kind == itemProposal {
		tb.prop = p.prog.props[p.item.idx]
	}
}

func (p *parser) proposalRow(l line) {
	tb := p.tbl
	cells := l.cells
	// Rows after a break lose their empty first cells: align them right.
	if len(cells) < tb.ncols {
		pad := make([]string, tb.ncols-len(cells))
		cells = append(pad, cells...)
	}
	get := func(k int) string {
		if k < 0 || k >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[k])
	}
	title := get(tb.colTitle)
	if title != "" {
		if tb.title == "" {
			tb.title = title
			if tb.prop == nil {
				// A table without a VOORSTEL heading is a proposal of its own.
				pr := &proposalB{norm: normTitle(title), printed: 1}
				pr.p.Title = strings.TrimRight(title, ".")
				pr.p.Line = l.no
				pr.p.GoalKeys = p.linkGoal(nil)
				p.prog.props = append(p.prog.props, pr)
				tb.prop = pr
				p.item = itemRef{kind: itemProposal, idx: len(p.prog.props) - 1, title: pr.norm}
				p.itemRepeat = false
			}
		} else if normTitle(title) != normTitle(tb.title) {
			// A second proposal in the same table.
			p.finishProposalTable(tb)
			nt := &tableB{kind: tblProposal, line: l.no, ncols: tb.ncols, colTitle: tb.colTitle, colIS: tb.colIS, colYear: tb.colYear, colAmount: tb.colAmount, yearCols: tb.yearCols, yearLine: map[int]int{}}
			p.tbl = nil
			p.item = itemRef{}
			p.tbl = nt
			p.proposalRow(l)
			return
		}
	}
	is := get(tb.colIS)
	rec, recNote := parseRecurrence(is)
	if len(tb.yearCols) > 0 {
		for _, yc := range tb.yearCols {
			if cell := get(yc.col); cell != "" && cell != "-" {
				p.proposalAmount(l, tb, rec, recNote, yc.year, cell)
			}
		}
		return
	}
	amountCell := get(tb.colAmount)
	yearCell := get(tb.colYear)
	if is == "" && amountCell == "" && yearCell == "" {
		return
	}
	year := p.year
	if tb.colYear >= 0 {
		y, err := strconv.Atoi(yearCell)
		if err != nil || y < 1990 || y > 2100 {
			p.note(l.no, grip.SeverityWarning, fmt.Sprintf("voorstel: jaar %q is geen jaar; regel overgeslagen", yearCell), l.text)
			return
		}
		year = y
	} else {
		if tb.prop != nil {
			tb.prop.assumedYear = true
		}
		p.note(l.no, grip.SeverityInfo, fmt.Sprintf("voorstel zonder jaarkolom; het bedrag is toegerekend aan %d", p.year), l.text)
	}
	p.proposalAmount(l, tb, rec, recNote, year, amountCell)
}

// proposalAmount reads one amount cell of a proposal table for a year:
// "€ 75.000 (dekking reserve Sociaal Domein)", "25.000,-", or words
// ("financiering door gemeente Enschede") kept as the amount's note.
func (p *parser) proposalAmount(l line, tb *tableB, rec grip.Recurrence, recNote string, year int, amountCell string) {
	a := grip.ProposalAmount{Year: year, Recurrence: rec}
	amount, words, ok := parseMoney(amountCell, p.mult)
	if ok {
		a.Amount = amount
	} else {
		words = amountCell
		if amountCell != "" {
			p.note(l.no, grip.SeverityInfo, "voorstel: geen bedrag maar tekst; bewaard als toelichting bij het jaar", amountCell)
		}
	}
	notes := []string{}
	if recNote != "" {
		notes = append(notes, recNote)
	}
	if words != "" {
		notes = append(notes, words)
	}
	a.Note = strings.Join(notes, "; ")
	if tb.prop != nil && words != "" {
		low := strings.ToLower(words)
		if strings.Contains(low, "reserve") {
			r := words[strings.Index(low, "reserve"):]
			tb.prop.p.FundingReserve = grip.Slugify(r)
			a.FromReserve = a.Amount
		}
		if strings.Contains(low, "dekking") || strings.Contains(low, "financiering") || strings.Contains(low, "reserve") {
			if tb.prop.p.Funding == "" {
				tb.prop.p.Funding = words
			} else if !strings.Contains(tb.prop.p.Funding, words) {
				tb.prop.p.Funding += "; " + words
			}
		}
	}
	if prev, dup := tb.yearLine[a.Year]; dup {
		name := tb.title
		if tb.prop != nil {
			name = tb.prop.p.Title
		}
		p.note(l.no, grip.SeverityWarning, fmt.Sprintf("voorstel %q noemt het jaar %d twee keer (regels %d en %d); de tweede regel is niet meegeteld", name, a.Year, prev, l.no), l.text)
		return
	}
	tb.yearLine[a.Year] = l.no
	tb.amounts = append(tb.amounts, a)
}

// parseRecurrence reads "i", "s", "i/s", "i, voor 2 jaar".
func parseRecurrence(s string) (grip.Recurrence, string) {
	low := strings.ToLower(strings.TrimSpace(s))
	if low == "" {
		return "", ""
	}
	rest := ""
	head := low
	if k := strings.IndexAny(low, ",;("); k >= 0 {
		head = strings.TrimSpace(low[:k])
		rest = strings.TrimSpace(strings.Trim(s[k:], ",;() "))
	}
	switch strings.ReplaceAll(head, " ", "") {
	case "i", "incidenteel", "inc":
		return grip.Incidenteel, rest
	case "s", "structureel", "str":
		return grip.Structureel, rest
	case "i/s", "s/i":
		return grip.Mixed, rest
	}
	return "", strings.TrimSpace(s)
}

func (p *parser) finishProposalTable(tb *tableB) {
	pr := tb.prop
	if pr == nil {
		if len(tb.amounts) > 0 {
			p.note(tb.line, grip.SeverityWarning, "voorstellentabel zonder titel; bedragen niet geplaatst", "")
		}
		return
	}
	if tb.title != "" && normTitle(tb.title) != pr.norm && !p.hasText(textRef{kind: 'p', pr: pr}, tb.title) && pr.p.Title != strings.TrimRight(tb.title, ".") {
		if !(pr.printed > 1 && pr.hasTable) {
			p.addText(textRef{kind: 'p', pr: pr}, "\n\n", "Voorstel: "+tb.title)
		}
	}
	if !pr.hasTable {
		pr.p.Amounts = tb.amounts
		pr.hasTable = true
		pr.tableLine = tb.line
		return
	}
	if !sameAmounts(pr.p.Amounts, tb.amounts) {
		p.note(tb.line, grip.SeverityWarning, fmt.Sprintf("voorstel %q staat opnieuw in het document met andere bedragen; de bedragen van regel %d zijn aangehouden", pr.p.Title, pr.tableLine), "")
	}
}

func sameAmounts(a, b []grip.ProposalAmount) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Year != b[i].Year || a[i].Amount != b[i].Amount {
			return false
		}
	}
	return true
}

// --- indicator tables ------------------------------------------------------

// indicatorRow reads a data row of an indicator table with separate cells.
func (p *parser) indicatorRow(i int) {
	l := p.lines[i]
	tb := p.tbl
	cells := l.cells
	name := strings.TrimSpace(cells[0])
	if name == "" {
		p.note(l.no, grip.SeverityInfo, "indicatorregel zonder naam overgeslagen", l.text)
		return
	}
	hasValue := false
	for _, k := range tb.yearPos {
		if k < len(cells) && strings.TrimSpace(cells[k]) != "" {
			hasValue = true
		}
	}
	if !hasValue {
		// A group row, or an indicator without values yet.
		low := strings.ToLower(name)
		next := p.nextNonBlank(i)
		nextHasValues := false
		if next >= 0 && p.lines[next].isRow() {
			for _, k := range tb.yearPos {
				if k < len(p.lines[next].cells) && strings.TrimSpace(p.lines[next].cells[k]) != "" {
					nextHasValues = true
				}
			}
		}
		if strings.HasPrefix(low, "nieuwe indicatoren") || (nextHasValues && !strings.HasSuffix(name, ".")) {
			tb.group = name
			return
		}
	}
	var vals []cellValue
	for n, k := range tb.yearPos {
		if k >= len(cells) {
			break
		}
		raw := strings.TrimSpace(cells[k])
		if raw == "" {
			continue
		}
		vals = append(vals, cellValue{col: n, raw: raw})
	}
	src := ""
	if tb.source >= 0 && tb.source < len(cells) {
		src = strings.TrimSpace(cells[tb.source])
		if src == "-" {
			src = ""
		}
	}
	p.addIndicatorRow(l.no, name, src, tb, vals)
}

// cellValue is one printed value of an indicator row in column col.
type cellValue struct {
	col int
	raw string
}

// indicatorRunRow reads a row whose cells ran together.
func (p *parser) indicatorRunRow(l line, group string) {
	tb := p.tbl
	n := len(tb.icols)
	if len(l.text) > maxRunRow {
		p.note(l.no, grip.SeverityWarning, "indicatorregel te lang om te lezen; overgeslagen", l.text)
		return
	}
	name, readings, ok := splitNameValues(l.text, n)
	if !ok {
		// Fewer values than columns: try with trailing columns empty.
		for m := n - 1; m >= 1 && !ok; m-- {
			name, readings, ok = splitNameValues(l.text, m)
		}
		if !ok {
			p.note(l.no, grip.SeverityWarning, "indicatorregel niet te lezen: naam en waarden niet te scheiden", l.text)
			return
		}
	}
	if len(readings) > 1 {
		var cands []string
		for _, r := range readings {
			cands = append(cands, describeReading(r))
		}
		sort.Strings(cands)
		p.note(l.no, grip.SeverityWarning, fmt.Sprintf("cellen lopen in elkaar over en zijn op meer dan één manier te lezen: %s; de dubbelzinnige waarden zijn niet overgenomen", strings.Join(cands, " of ")), l.text)
		// Keep the values every reading agrees on.
		agreed := readings[0]
		var vals []cellValue
		for k := range agreed {
			same := true
			for _, r := range readings[1:] {
				if r[k].raw() != agreed[k].raw() {
					same = false
				}
			}
			if same {
				vals = append(vals, cellValue{col: k, raw: agreed[k].raw()})
			}
		}
		p.addIndicatorRow(l.no, name, "", tb, vals)
		return
	}
	var vals []cellValue
	for k, t := range readings[0] {
		vals = append(vals, cellValue{col: k, raw: t.raw()})
	}
	p.addIndicatorRow(l.no, name, "", tb, vals)
}

var reStarsIn = regexp.MustCompile(`\*+`)

// trailingStars splits "250*" into "250" and "*".
func trailingStars(s string) (string, string) {
	t := strings.TrimRight(s, " ")
	k := len(t)
	for k > 0 && t[k-1] == '*' {
		k--
	}
	if k == len(t) {
		return s, ""
	}
	return strings.TrimRight(t[:k], " "), t[k:]
}

// addIndicatorRow turns a row into an indicator with its measurements.
func (p *parser) addIndicatorRow(no int, name, source string, tb *tableB, vals []cellValue) {
	name, nameStars := trailingStars(name)
	if strings.IndexByte(name, '*') >= 0 {
		name = cleanSpace(reStarsIn.ReplaceAllString(name, ""))
	}
	in := grip.Indicator{Name: name, Group: tb.group, Source: source, Line: no}
	pct := false
	var refs []footRef
	for _, v := range vals {
		if v.col >= len(tb.icols) {
			continue
		}
		c := tb.icols[v.col]
		m, stars, isPct := parseMeasurement(v.raw)
		m.Year, m.Kind, m.Line = c.year, c.kind, no
		pct = pct || isPct
		in.Measurements = append(in.Measurements, m)
		if stars != "" {
			refs = append(refs, footRef{stars: stars, meas: len(in.Measurements) - 1})
		}
	}
	in.Unit = unitFromName(name)
	if in.Unit == "" {
		switch {
		case pct:
			in.Unit = grip.UnitPercentage
		case len(in.Measurements) > 0:
			numeric := false
			for _, m := range in.Measurements {
				numeric = numeric || m.Value != nil
			}
			if numeric {
				in.Unit = grip.UnitCount
			} else {
				in.Unit = grip.UnitText
			}
		}
	}
	if strings.Contains(strings.ToLower(tb.group), "verplicht") {
		in.Mandatory = true
	}
	in.GoalKeys = p.indicatorGoals(tb.group)
	if !p.addIndicator(in, no) {
		return
	}
	idx := len(p.prog.p.Indicators) - 1
	for _, r := range refs {
		r.ind = idx
		p.footRefs = append(p.footRefs, r)
	}
	if nameStars != "" {
		p.footRefs = append(p.footRefs, footRef{stars: nameStars, ind: idx, meas: -1})
	}
	if len(in.Measurements) == 0 {
		p.note(no, grip.SeverityInfo, "indicator zonder waarden", name)
	}
}

// addIndicator stores an indicator; a row repeated with the same values is
// dropped, one repeated with other values is kept and reported.
func (p *parser) addIndicator(in grip.Indicator, no int) bool {
	pb := p.prog
	base := grip.Slugify(in.Name)
	if base == "" {
		base = "indicator"
	}
	if idx, ok := pb.indKeys[strings.ToLower(in.Name)+"|"+in.Group]; ok {
		prev := pb.p.Indicators[idx]
		if sameMeasurements(prev.Measurements, in.Measurements) {
			p.note(no, grip.SeverityInfo, fmt.Sprintf("indicator staat twee keer met dezelfde waarden (regels %d en %d); één keer overgenomen", prev.Line, no), in.Name)
			return false
		}
		if len(in.Measurements) > 0 && len(prev.Measurements) > 0 {
			p.note(no, grip.SeverityWarning, fmt.Sprintf("indicator %q staat twee keer in de tabel met verschillende waarden (regels %d en %d); beide overgenomen, controleer welke juist is", in.Name, prev.Line, no), in.Name)
		}
	}
	in.Key = pb.newKey("i", base)
	pb.p.Indicators = append(pb.p.Indicators, in)
	pb.indKeys[strings.ToLower(in.Name)+"|"+in.Group] = len(pb.p.Indicators) - 1
	return true
}

func sameMeasurements(a, b []grip.Measurement) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Year != b[i].Year || a[i].Raw != b[i].Raw || a[i].Kind != b[i].Kind {
			return false
		}
	}
	return true
}

func unitFromName(name string) grip.Unit {
	low := strings.ToLower(name)
	switch {
	case strings.Contains(low, "per 10.000") || strings.Contains(low, "per 10000"):
		return grip.UnitPer10000
	case strings.Contains(low, "per 1.000") || strings.Contains(low, "per 1000"):
		return grip.UnitPer1000
	case strings.Contains(low, "(%)") || strings.HasPrefix(low, "%") || strings.HasPrefix(low, "percentage") || strings.Contains(low, "percentage"):
		return grip.UnitPercentage
	}
	return ""
}

var reAsOf = regexp.MustCompile(`^\(?\s*([^()]*?)\s*\)?$`)

// parseMeasurement reads an indicator cell: "511(01-7)", "489 (31/5)",
// "340 (47,5%)", "250*", "23,5%", "1.000", "n.n.b.", "-", "gereed".
func parseMeasurement(raw string) (grip.Measurement, string, bool) {
	m := grip.Measurement{Raw: raw}
	s := strings.TrimSpace(raw)
	remark := ""
	if k := strings.IndexByte(s, '('); k >= 0 {
		end := strings.LastIndexByte(s, ')')
		if end > k {
			remark = strings.TrimSpace(s[k+1 : end])
			s = strings.TrimSpace(s[:k] + s[end+1:])
		}
	}
	s, stars := trailingStars(s)
	pct := false
	if strings.HasSuffix(s, "%") {
		pct = true
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	if n, ok := parseDutchNumber(s); ok && !n.overflow {
		v := n.float()
		m.Value = &v
	} else {
		w := strings.TrimSpace(raw)
		if s != "" {
			w = s
		}
		m.Word = w
		pct = false
	}
	if remark != "" && !strings.HasSuffix(remark, "%") {
		m.AsOf = remark
	}
	return m, stars, pct
}

// indicatorGoals links an indicator to the goal its group row names, or to
// the open theme.
func (p *parser) indicatorGoals(group string) []string {
	if p.theme == nil {
		return nil
	}
	if group != "" {
		if g := bestGoal(p.theme, group); g != nil {
			return []string{g.key}
		}
	}
	return []string{p.theme.key}
}

// bestGoal finds the goal under root whose title shares most words with s.
func bestGoal(root *gnode, s string) *gnode {
	want := keywords(s)
	if len(want) == 0 {
		return nil
	}
	var best *gnode
	bestScore := 0.0
	var walk func(g *gnode)
	walk = func(g *gnode) {
		if g.kw == nil {
			g.kw = keywords(g.title)
		}
		have := g.kw
		if len(have) > 0 {
			hit := 0
			for _, w := range want {
				for _, h := range have {
					if w == h || (len(w) >= 6 && len(h) >= 6 && w[:6] == h[:6]) {
						hit++
						break
					}
				}
			}
			score := float64(hit) / float64(max(len(want), len(have)))
			if score > bestScore {
				best, bestScore = g, score
			}
		}
		for _, c := range g.children {
			walk(c)
		}
	}
	walk(root)
	if bestScore < 0.6 {
		return nil
	}
	return best
}

// hasYearDigits reports whether s holds four digits in a row.
func hasYearDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// longIndicatorHeader recognises the header of a table with a row per
// indicator and year: a period column (jaar, periode, peildatum) and a
// value column (waarde, realisatie, score, gemeente).
func longIndicatorHeader(cells []string) (*tableB, bool) {
	tb := &tableB{kind: tblIndicator, long: true, colPeriod: -1, colValue: -1, colUnit: -1, source: -1}
	for k, c := range cells {
		if k == 0 {
			continue
		}
		h := strings.ToLower(strings.TrimSpace(c))
		switch {
		case h == "jaar" || h == "periode" || h == "peildatum" || h == "peiljaar" || h == "meetjaar":
			tb.colPeriod = k
		case h == "eenheid":
			tb.colUnit = k
		case h == "bron":
			tb.source = k
		case tb.colValue < 0 && (strings.Contains(h, "waarde") || h == "realisatie" || h == "score" || strings.HasPrefix(h, "gemeente") || h == "uitkomst"):
			tb.colValue = k
		}
	}
	if tb.colPeriod < 0 || tb.colValue < 0 {
		return nil, false
	}
	tb.group = strings.TrimSpace(cells[0])
	return tb, true
}

// longIndicatorRow adds one year's value to the indicator of the row.
func (p *parser) longIndicatorRow(l line) {
	tb := p.tbl
	get := func(k int) string {
		if k < 0 || k >= len(l.cells) {
			return ""
		}
		return strings.TrimSpace(l.cells[k])
	}
	name := get(0)
	period := get(tb.colPeriod)
	raw := get(tb.colValue)
	if name == "" || raw == "" {
		return
	}
	year := 0
	for _, m := range yearRun(period) {
		year = m
	}
	if year == 0 {
		p.note(l.no, grip.SeverityWarning, fmt.Sprintf("indicator %q: periode %q bevat geen jaar; waarde niet overgenomen", name, period), l.text)
		return
	}
	m, _, pct := parseMeasurement(raw)
	m.Year, m.Kind, m.Line = year, grip.Realised, l.no
	if period != fmt.Sprint(year) {
		m.AsOf = period
	}
	pb := p.prog
	if idx, ok := pb.indKeys[strings.ToLower(name)+"|"+tb.group]; ok {
		in := &pb.p.Indicators[idx]
		for _, x := range in.Measurements {
			if x.Year == year && x.Kind == m.Kind {
				if x.Raw != m.Raw {
					p.note(l.no, grip.SeverityWarning, fmt.Sprintf("indicator %q heeft voor %d twee waarden (%s en %s); de tweede is niet overgenomen", name, year, x.Raw, m.Raw), l.text)
				}
				return
			}
		}
		in.Measurements = append(in.Measurements, m)
		return
	}
	in := grip.Indicator{Name: name, Group: tb.group, Source: get(tb.source), Line: l.no, Measurements: []grip.Measurement{m}}
	in.Unit = unitFromName(name + " " + get(tb.colUnit))
	if in.Unit == "" {
		if pct {
			in.Unit = grip.UnitPercentage
		} else if m.Value != nil {
			in.Unit = grip.UnitCount
		} else {
			in.Unit = grip.UnitText
		}
	}
	if strings.Contains(strings.ToLower(tb.group+" "+name), "verplicht") || p.indicatorsMandatory {
		in.Mandatory = true
	}
	in.GoalKeys = p.indicatorGoals(tb.group)
	p.addIndicator(in, l.no)
}

// yearRun returns the years (1980-2099) written in s, in order.
func yearRun(s string) []int {
	var out []int
	for i := 0; i+4 <= len(s); i++ {
		if (i == 0 || !isDigit(s[i-1])) && isDigit(s[i]) && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) && (i+4 == len(s) || !isDigit(s[i+4])) {
			y := int(atoi(s[i : i+4]))
			if y >= 1980 && y <= 2099 {
				out = append(out, y)
			}
		}
	}
	return out
}

func isISTHeading(s string) bool {
	k := headingKey(s)
	return k == "ist" || strings.HasPrefix(k, "waar stonden we") || strings.HasSuffix(k, "(ist)") || strings.HasSuffix(k, "(ist")
}

func isSOLLHeading(s string) bool {
	k := headingKey(s)
	return k == "soll" || strings.HasPrefix(k, "waar gaan we naar") || strings.HasSuffix(k, "(soll)") || strings.HasSuffix(k, "(soll")
}
