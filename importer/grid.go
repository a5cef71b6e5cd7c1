package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"grip"
)

// Finance tables as begroting websites export them: every cell on a line of
// its own ("Lasten" / "26.138" / "26.377" / …), or rows with "|" between the
// cells. The header gives the columns (years with Rekening / Realisatie /
// Begroting labels, or Lasten / Baten / Saldo); the rows are summary rows
// (Lasten, Baten, Saldo van lasten en baten, Subtotaal Lasten, Totaal),
// taakveld rows in any spelling ("6.1", "6.1.", "61-3 - Samenkracht",
// "Taakveld 6.1", the name alone), reserve mutations (0.10) and block
// markers ("Lasten" / "Baten" above their rows). Signs are read from the
// arithmetic: lasten or baten printed negative, a saldo printed as lasten −
// baten (positive = cost); the stored convention is lasten and baten
// positive and saldo = baten − lasten.

// gcol is one column of a grid table.
type gcol struct {
	year  int
	word  string // the label as printed, lower case ("rekening", "begr. na wijziging")
	side  string // lasten, baten, saldo; empty when the rows say it
	skip  bool   // a verschil column: not an amount of a stage
	stage grip.MoneyStage
}

// grow is one row of a grid table.
type grow struct {
	line  int
	label string
	block string // lasten or baten: the block marker above the row
	vals  []*dutchNumber
	text  string
	// padded marks a "|" row with empty cells at its end: they may have
	// been pushed there from the start by the export.
	padded bool
}

var (
	reBareYear  = regexp.MustCompile(`^(19[89]\d|20\d\d)$`)
	reStageWord = regexp.MustCompile(`(?i)^(rekening|realisatie|jaarrekening|werkelijk|begroting|begroot|raming|meerjarenraming|primitieve begroting|begroting primitief|actuele begroting|bijgestelde begroting|begroting na wijziging|begr\. na wijziging|begr\. na wijz\.?|na wijziging|prognose)$`)
	reStageYear = regexp.MustCompile(`(?i)^(rekening|realisatie|jaarrekening|werkelijk|begroting|begroot|raming|meerjarenraming|primitieve begroting|actuele begroting|bijgestelde begroting|begroting na wijziging|begr\. na wijziging|begr\. na wijz\.?|prognose)\s+(19[89]\d|20\d\d)(\s+primitief)?$`)
	reVerschil  = regexp.MustCompile(`(?i)^(verschil|afwijking)\b.{0,40}$`)
	reSideCell  = regexp.MustCompile(`(?i)^(lasten|baten|saldo|saldi):?$`)
	reColTitle  = regexp.MustCompile(`(?i)^(omschrijving|taakveld|omschrijving taakveld|taakvelden|programma)$`)
	// "6.1", "6.1.", "Taakveld 6.1 Samenkracht", "6.1-Samenkracht", "0.10".
	reTvDotted = regexp.MustCompile(`(?i)^(?:taakveld\s+)?(\d{1,2})\.(\d{1,3}[a-z]?)\.?(?:\s*[-–:]\s*|\s+|$)(.*)$`)
	// "61-3 - Samenkracht en burgerparticipatie", "671-3 - Maatwerkdienstverlening 18+".
	reTvRun  = regexp.MustCompile(`^(\d)(\d{1,3}[a-z]?)-\d{1,2}\s*[-–]\s*(.+)$`)
	reTvBare = regexp.MustCompile(`(?i)^(?:taakveld\s+)?\d{1,2}\.\d{1,3}[a-z]?\.?$`)
)

// gridToken is a non-blank line of a table printed one cell per line.
type gridToken struct {
	i    int // index into p.lines
	text string
}

// cellGrid recognises a table printed one cell per line (or as "|" rows)
// starting at line i, reads it and returns the index of the last line used.
func (p *parser) cellGrid(i int) (int, bool) {
	l := p.lines[i]
	if l.isRow() || l.bullet {
		return i, false
	}
	if strings.Count(l.text, "|") >= 2 && len(l.text) < 1000 {
		return p.pipeGrid(i)
	}
	if len(l.text) > 40 || !gridStartWord(l.text) {
		return i, false
	}
	t := l.text
	if !(reBareYear.MatchString(t) || reStageWord.MatchString(t) || reStageYear.MatchString(t) || reSideCell.MatchString(t) || reColTitle.MatchString(t)) {
		return i, false
	}
	toks := p.gridTokens(i, 4000)
	cols, k, ok := p.gridHeader(toks)
	if debugGrid {
		fmt.Println("GRID", l.no, t, ok, len(cols))
	}
	if !ok {
		return i, false
	}
	rows, last := p.gridRows(toks[k:], len(cols))
	if len(rows) == 0 {
		return i, false
	}
	p.finishTable()
	p.ensureProgramme(l.no)
	p.gridTable(i, cols, rows)
	return last, true
}

// gridHeadWords are the first words a grid header can start with; the
// regular expressions run only after this cheap test.
var gridHeadWords = map[string]bool{
	"rekening": true, "realisatie": true, "jaarrekening": true, "werkelijk": true, "begroting": true,
	"begroot": true, "raming": true, "meerjarenraming": true, "primitieve": true, "actuele": true,
	"bijgestelde": true, "begr.": true, "na": true, "prognose": true, "lasten": true, "lasten:": true,
	"baten": true, "baten:": true, "saldo": true, "saldi": true, "omschrijving": true, "taakveld": true,
	"taakvelden": true, "programma": true,
}

// gridStartWord reports whether s starts with a year or a header word.
func gridStartWord(s string) bool {
	if len(s) == 4 && (s[0] == '1' || s[0] == '2') {
		return true
	}
	w := s
	if k := strings.IndexByte(s, ' '); k >= 0 {
		w = s[:k]
	}
	if len(w) > 16 {
		return false
	}
	var buf [16]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return gridHeadWords[string(buf[:len(w)])]
}

// countYears counts the years (1980-2099) written in s as four digits of
// their own, up to max.
func countYears(s string, max int) int {
	n := 0
	for i := 0; i+4 <= len(s) && n < max; i++ {
		if !(s[i] == '1' && s[i+1] == '9' && (s[i+2] == '8' || s[i+2] == '9') || s[i] == '2' && s[i+1] == '0') {
			continue
		}
		if !isDigit(s[i+2]) || !isDigit(s[i+3]) || i > 0 && isDigit(s[i-1]) || i+4 < len(s) && isDigit(s[i+4]) {
			continue
		}
		n++
		i += 3
	}
	return n
}

// gridTokens collects up to max non-blank lines from i, stopping at a table
// row or a heading of the format.
func (p *parser) gridTokens(i, max int) []gridToken {
	var out []gridToken
	for j := i; j < len(p.lines) && len(out) < max; j++ {
		l := p.lines[j]
		if l.dash {
			out = append(out, gridToken{i: j, text: "-"})
			continue
		}
		if l.blank {
			continue
		}
		if l.isRow() || l.heading > 0 || l.bullet {
			break
		}
		out = append(out, gridToken{i: j, text: l.text})
	}
	return out
}

// gridHeader reads the column labels; k is the first token after them.
func (p *parser) gridHeader(toks []gridToken) (cols []gcol, k int, ok bool) {
	var pending []string
	var sides []string
	for k = 0; k < len(toks); k++ {
		t := toks[k].text
		low := strings.ToLower(t)
		switch {
		case len(t) < 40 && multCaption(t):
			p.mult = 1000
		case reBareYear.MatchString(t):
			y, _ := strconv.Atoi(t)
			w := ""
			if len(pending) > 0 {
				w, pending = pending[0], pending[1:]
			}
			cols = append(cols, gcol{year: y, word: w})
		case reStageYear.MatchString(t):
			m := reStageYear.FindStringSubmatch(t)
			y, _ := strconv.Atoi(m[2])
			w := strings.ToLower(m[1])
			if m[3] != "" {
				w = "primitieve begroting"
			}
			cols = append(cols, gcol{year: y, word: w})
		case reStageWord.MatchString(t):
			pending = append(pending, low)
		case reVerschil.MatchString(t) && (len(cols) > 0 || len(pending) > 0):
			cols = append(cols, gcol{skip: true, word: low})
		case reSideCell.MatchString(t) && (len(sides) > 0 || k+1 < len(toks) && reSideCell.MatchString(toks[k+1].text)):
			sides = append(sides, sideWord(low))
		case reColTitle.MatchString(t) && k+1 < len(toks) && (reSideCell.MatchString(toks[k+1].text) || reBareYear.MatchString(toks[k+1].text) || reStageYear.MatchString(toks[k+1].text)):
		default:
			return p.gridColumns(cols, sides, pending, toks, k)
		}
	}
	return nil, k, false
}

func sideWord(low string) string {
	low = strings.TrimSuffix(low, ":")
	if low == "saldi" {
		return "saldo"
	}
	return low
}

// gridColumns combines year columns and side labels.
func (p *parser) gridColumns(cols []gcol, sides, pending []string, toks []gridToken, k int) ([]gcol, int, bool) {
	if len(pending) > 0 {
		return nil, k, false
	}
	years := 0
	for _, c := range cols {
		if !c.skip {
			years++
		}
	}
	switch {
	case len(sides) > 0 && len(cols) == 0:
		y := p.captionYear(toks)
		for _, s := range sides {
			cols = append(cols, gcol{year: y, side: s})
		}
	case len(sides) > 0 && len(sides)%len(cols) == 0 && len(sides) > len(cols):
		per := len(sides) / len(cols)
		var out []gcol
		for ci, c := range cols {
			for _, s := range sides[ci*per : (ci+1)*per] {
				c.side = s
				out = append(out, c)
			}
		}
		cols = out
	case len(sides) > 0:
		return nil, k, false
	case years < 2:
		return nil, k, false
	}
	if len(cols) == 0 {
		return nil, k, false
	}
	for ci := range cols {
		if cols[ci].skip {
			continue
		}
		if cols[ci].year == 0 {
			cols[ci].skip = true
			continue
		}
		cols[ci].stage = p.gridStage(cols[ci])
	}
	return cols, k, true
}

// captionYear is the year of a table whose header has only Lasten / Baten /
// Saldo: "Specificatie taakvelden 2020", else the document's year.
func (p *parser) captionYear(toks []gridToken) int {
	if len(toks) > 0 {
		start := toks[0].i
		for j, n := start-1, 0; j >= 0 && n < 3; j-- {
			if p.lines[j].blank {
				continue
			}
			n++
			if m := reYearIn.FindAllString(p.lines[j].text, -1); len(m) == 1 {
				y, _ := strconv.Atoi(m[0])
				return y
			}
		}
	}
	return p.year
}

var reYearIn = regexp.MustCompile(`\b(19[89]\d|20\d\d)\b`)

// gridStage reads the money stage of a column from its label and year.
func (p *parser) gridStage(c gcol) grip.MoneyStage {
	w := c.word
	switch {
	case strings.Contains(w, "wijz") || strings.HasPrefix(w, "actuele") || strings.HasPrefix(w, "bijgestelde"):
		return grip.StageNaWijziging
	case w == "rekening" || w == "realisatie" || w == "jaarrekening" || w == "werkelijk":
		return grip.StageRealisatie
	case strings.HasPrefix(w, "primitie"):
		return grip.StagePrimitief
	case c.year > p.year:
		return grip.StageMeerjarenraming
	case w != "":
		return grip.StagePrimitief
	case c.year < p.year-1:
		return grip.StageRealisatie
	case c.year == p.year-1 && p.kind != grip.KindJaarverslag && p.kind != grip.KindJaarrekening:
		return grip.StageNaWijziging
	case c.year < p.year:
		return grip.StageRealisatie
	case p.kind == grip.KindJaarverslag || p.kind == grip.KindJaarrekening:
		return grip.StageRealisatie
	}
	return grip.StagePrimitief
}

// gridValue reads a cell as an amount: nil and ok for an empty cell ("-").
func gridValue(t string) (*dutchNumber, bool) {
	t = strings.TrimSpace(t)
	switch t {
	case "", "-", "–", "—", "0,0-":
		return nil, true
	}
	t = strings.TrimSpace(strings.TrimPrefix(t, "€"))
	t = strings.ReplaceAll(t, " ", "")
	if strings.HasPrefix(t, "–") {
		t = "-" + strings.TrimPrefix(t, "–")
	}
	n, ok := parseDutchNumber(t)
	if !ok {
		return nil, false
	}
	return &n, true
}

// gridRows reads the rows after the header; last is the index of the last
// line of the last row (text after the table is given back).
func (p *parser) gridRows(toks []gridToken, ncols int) ([]grow, int) {
	var rows []grow
	last := -1
	block := ""
	var labels []gridToken
	for k := 0; k < len(toks); {
		t := toks[k].text
		isVal := false
		if _, ok := gridValue(t); ok && !p.codeToken(toks, k) {
			// A table may open with a row without label: the programme's.
			isVal = len(labels) > 0 || len(rows) == 0
			if len(labels) == 0 && len(rows) == 0 {
				labels = append(labels, gridToken{i: toks[k].i, text: "Totaal programma"})
			}
		}
		if !isVal && len(labels) == 0 && len(rows) > 0 && isGridValue(t) && !p.codeToken(toks, k) {
			// More amounts than columns: they belong to the row before,
			// which is then reported rather than read with a value lost.
			n, _ := gridValue(t)
			prev := &rows[len(rows)-1]
			prev.vals = append(prev.vals, n)
			prev.text += " " + t
			last = toks[k].i
			k++
			continue
		}
		if !isVal {
			if len(t) > 120 || strings.HasSuffix(t, ".") && !reTvBare.MatchString(t) || strings.HasSuffix(t, "?") || strings.HasSuffix(t, ":") || len(labels) >= 3 ||
				reStageYear.MatchString(t) || reBareYear.MatchString(t) && len(labels) == 0 {
				break
			}
			labels = append(labels, toks[k])
			k++
			continue
		}
		// The values of the row, with V/N markers after them skipped.
		var vals []*dutchNumber
		end := k
		for end < len(toks) {
			v := toks[end].text
			if v == "V" || v == "N" {
				end++
				continue
			}
			n, ok := gridValue(v)
			if !ok || len(vals) >= ncols || p.codeToken(toks, end) {
				break
			}
			vals = append(vals, n)
			end++
		}
		// The labels: block markers, a bare code with its name, the label.
		lab := labels
		for len(lab) > 1 {
			first := strings.ToLower(strings.TrimSuffix(lab[0].text, ":"))
			if first == "lasten" || first == "baten" {
				block = first
			}
			if reTvBare.MatchString(lab[0].text) && len(lab) == 2 {
				break
			}
			lab = lab[1:]
		}
		label := lab[0].text
		if len(lab) == 2 {
			label = lab[0].text + " " + lab[1].text
		}
		rows = append(rows, grow{line: p.lines[lab[0].i].no, label: label, block: block, vals: vals, text: label + " " + joinTokens(toks[k:end])})
		last = toks[end-1].i
		labels = nil
		k = end
		if len(rows) > 500 {
			break
		}
	}
	return rows, last
}

// codeToken reports whether token k is a taakveld code on its own line
// ("6.1" above "Samenkracht en burgerparticipatie") rather than an amount
// ("24.525"): it is followed by a name and is a code of the year's Iv3 list
// (without a list: at most two digits after the point).
func (p *parser) codeToken(toks []gridToken, k int) bool {
	t := toks[k].text
	if !reTvBare.MatchString(t) || k+1 >= len(toks) || isGridValue(toks[k+1].text) {
		return false
	}
	code := strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(t), "taakveld "), ".")
	if p.opt.Taakvelden != nil && p.opt.Taakvelden.Taakvelden(p.year) != nil {
		_, ok := p.opt.Taakvelden.Taakveld(p.year, code)
		return ok
	}
	dot := strings.IndexByte(code, '.')
	return dot >= 0 && len(code)-dot-1 <= 2
}

func isGridValue(t string) bool {
	_, ok := gridValue(t)
	return ok
}

func joinTokens(toks []gridToken) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// pipeGrid reads a table whose rows are written with "|" between the cells
// ("Lasten: | -19.263 | -17.801 |"), as some websites export them.
func (p *parser) pipeGrid(i int) (int, bool) {
	var cols []gcol
	var rows []grow
	start := i
	last := i - 1
	flush := func() {
		if cols != nil && len(rows) > 0 {
			p.finishTable()
			p.ensureProgramme(p.lines[start].no)
			p.gridTable(start, cols, rows)
		}
		cols, rows = nil, nil
	}
	block := ""
	j := i
	for ; j < len(p.lines); j++ {
		l := p.lines[j]
		if l.blank || l.isRow() || strings.Count(l.text, "|") < 2 {
			break
		}
		if strings.Trim(l.text, "-|: ") == "" {
			last = j
			continue
		}
		cells := strings.Split(strings.TrimSuffix(strings.TrimSpace(l.text), "|"), "|")
		for c := range cells {
			cells[c] = strings.TrimSpace(cells[c])
		}
		if hdr, ok := p.pipeHeader(cells); ok {
			flush()
			if multCaption(cells[0]) {
				p.mult = 1000
			}
			cols, start, block = hdr, j, ""
			last = j
			continue
		}
		if cols == nil {
			break
		}
		label, valCells := cells[0], cells[1:]
		if len(cells) > 2 && reTvBare.MatchString(cells[0]) && !isGridValue(cells[1]) {
			// "6.1 | Samenkracht en burgerparticipatie | -1.700 | …"
			label, valCells = cells[0]+" "+cells[1], cells[2:]
		}
		var vals []*dutchNumber
		allEmpty := true
		for _, c := range valCells {
			n, ok := gridValue(c)
			if !ok {
				vals = nil
				allEmpty = false
				break
			}
			if n != nil {
				allEmpty = false
			}
			vals = append(vals, n)
		}
		if allEmpty {
			if low := strings.ToLower(strings.TrimSuffix(label, ":")); low == "lasten" || low == "baten" {
				block = low
			}
		}
		if vals == nil && !allEmpty {
			break
		}
		// A "|" row may drop its empty cells at the end: pad them.
		padded := len(vals) < len(cols) || len(vals) > 0 && vals[len(vals)-1] == nil
		for len(vals) < len(cols) {
			vals = append(vals, nil)
		}
		if !allEmpty {
			rows = append(rows, grow{line: l.no, label: label, block: block, vals: vals, text: l.text, padded: padded})
		}
		last = j
	}
	flush()
	if last < i {
		return i, false
	}
	return last, true
}

// pipeHeader reads a "|" header row: a caption and year or side labels.
func (p *parser) pipeHeader(cells []string) ([]gcol, bool) {
	if len(cells) < 2 {
		return nil, false
	}
	var toks []gridToken
	for _, c := range cells[1:] {
		if c == "" {
			continue
		}
		toks = append(toks, gridToken{text: c})
	}
	if len(toks) == 0 {
		return nil, false
	}
	var cols []gcol
	var sides []string
	for _, t := range toks {
		low := strings.ToLower(t.text)
		switch {
		case reStageYear.MatchString(t.text):
			m := reStageYear.FindStringSubmatch(t.text)
			y, _ := strconv.Atoi(m[2])
			cols = append(cols, gcol{year: y, word: strings.ToLower(m[1])})
		case reBareYear.MatchString(t.text):
			y, _ := strconv.Atoi(t.text)
			cols = append(cols, gcol{year: y})
		case reVerschil.MatchString(t.text):
			cols = append(cols, gcol{skip: true, word: low})
		case reSideCell.MatchString(t.text):
			sides = append(sides, sideWord(low))
		default:
			return nil, false
		}
	}
	if len(sides) > 0 && len(cols) == 0 {
		y := p.year
		if m := reYearIn.FindAllString(cells[0], -1); len(m) == 1 {
			y, _ = strconv.Atoi(m[0])
		}
		for _, s := range sides {
			cols = append(cols, gcol{year: y, side: s})
		}
	} else if len(sides) > 0 {
		return nil, false
	}
	for ci := range cols {
		if !cols[ci].skip {
			cols[ci].stage = p.gridStage(cols[ci])
		}
	}
	return cols, true
}

// gridKind is what a row of a grid table is.
type gridKind int

const (
	gridOther gridKind = iota
	gridTaakveld
	gridTotal
	gridReserve
	gridResult
)

// classify tells a row's kind, its taakveld code and name, and for a total
// row its side.
func (p *parser) classifyGridRow(r grow) (kind gridKind, code, name, side string) {
	label := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(r.label), ":"))
	low := strings.ToLower(label)
	if m := reTvDotted.FindStringSubmatch(label); m != nil {
		code, name = m[1]+"."+m[2], strings.TrimSpace(m[3])
	} else if m := reTvRun.FindStringSubmatch(label); m != nil {
		code, name = m[1]+"."+m[2], strings.TrimSpace(m[3])
	}
	if code == "0.10" || strings.Contains(low, "reserve") && !strings.HasPrefix(low, "resultaat") {
		return gridReserve, code, name, ""
	}
	if code != "" {
		return gridTaakveld, code, name, ""
	}
	hasL, hasB := strings.Contains(low, "lasten"), strings.Contains(low, "baten")
	switch {
	case strings.HasPrefix(low, "resultaat na") || strings.HasPrefix(low, "geraamd resultaat") || low == "resultaat" || strings.HasPrefix(low, "resultaat programma") || strings.HasPrefix(low, "resultaat van"):
		if hasL && hasB {
			return gridTotal, "", "", "saldo"
		}
		return gridResult, "", "", ""
	case low == "lasten" || low == "totaal lasten" || low == "subtotaal lasten" || low == "baten" || low == "totaal baten" || low == "subtotaal baten":
		if hasL {
			return gridTotal, "", "", "lasten"
		}
		return gridTotal, "", "", "baten"
	case strings.HasPrefix(low, "saldo") || strings.HasPrefix(low, "resultaat voor"):
		return gridTotal, "", "", "saldo"
	case strings.HasPrefix(low, "totaal") || strings.HasPrefix(low, "subtotaal"):
		// The side of the block or the column ("Totaal" under "Baten").
		return gridTotal, "", "", ""
	}
	if c := p.taakveldByName(label); c != "" {
		return gridTaakveld, c, label, ""
	}
	return gridOther, "", "", ""
}

// gridTable turns the rows of a grid table into finance lines and printed
// totals of the programme.
func (p *parser) gridTable(start int, cols []gcol, rows []grow) {
	defer func() { p.mult = 1 }() // a "bedragen x 1.000" caption belongs to its table
	lineNo := p.lines[start].no
	context := strings.ToLower(p.textBefore(start, 3))
	if c := strings.NewReplacer("mutaties reserves", "", "mutaties in reserves", "").Replace(context); strings.Contains(c, "mutaties") || strings.Contains(c, "begrotingswijziging") {
		p.note(lineNo, grip.SeverityInfo, "tabel met mutaties (begrotingswijziging) per taakveld: niet als lasten of baten overgenomen", "")
		return
	}
	type cell struct {
		row  int
		col  int
		side string
		kind gridKind
	}
	kinds := make([]gridKind, len(rows))
	codes := make([]string, len(rows))
	names := make([]string, len(rows))
	sides := make([]string, len(rows))
	for ri, r := range rows {
		kinds[ri], codes[ri], names[ri], sides[ri] = p.classifyGridRow(r)
	}
	p.placeShortRows(rows, kinds, sides, len(cols))
	// The side of each value: the column's, else the row's (a total row or
	// a block of taakvelden under "Lasten"), else a saldo.
	sideOf := func(ri, ci int) string {
		if cols[ci].side != "" {
			return cols[ci].side
		}
		if sides[ri] != "" {
			return sides[ri]
		}
		if rows[ri].block != "" {
			return rows[ri].block
		}
		return "saldo"
	}
	// Signs: lasten or baten printed negative when most are.
	var negL, posL, negB, posB int
	small := true
	for ri, r := range rows {
		if kinds[ri] != gridTaakveld && kinds[ri] != gridTotal {
			continue
		}
		if len(r.vals) != len(cols) {
			continue
		}
		for ci, v := range r.vals {
			if v == nil || cols[ci].skip || v.whole == 0 && v.frac == "" {
				continue
			}
			if v.whole >= 100000 || v.frac != "" {
				small = false
			}
			switch sideOf(ri, ci) {
			case "lasten":
				if v.neg {
					negL++
				} else {
					posL++
				}
			case "baten":
				if v.neg {
					negB++
				} else {
					posB++
				}
			}
		}
	}
	lastenNeg, batenNeg := negL > posL, negB > posB
	if lastenNeg && batenNeg {
		// Both printed negative is no convention: keep lasten as printed
		// positive when baten are the negative ones of most rows.
		lastenNeg = negL > negB
		batenNeg = !lastenNeg
	}
	norm := func(v *dutchNumber, side string) int64 {
		c, _ := v.cents(1)
		x := int64(c)
		if side == "lasten" && lastenNeg || side == "baten" && batenNeg {
			x = -x
		}
		return x
	}
	// The saldo convention from the arithmetic: per row and column group
	// with lasten, baten and saldo.
	direct, flipped := 0, 0
	check := func(l, b, s int64) {
		const tol = 200 // two printed units: rounding of amounts in thousands
		d1, d2 := s-(b-l), s-(l-b)
		if d1 < 0 {
			d1 = -d1
		}
		if d2 < 0 {
			d2 = -d2
		}
		if b == l {
			return
		}
		if d1 <= tol && d1 < d2 {
			direct++
		} else if d2 <= tol && d2 < d1 {
			flipped++
		}
	}
	// Rows with the three sides as columns (same year and stage).
	for ri, r := range rows {
		if len(r.vals) != len(cols) || kinds[ri] == gridOther || kinds[ri] == gridReserve {
			continue
		}
		for ci, c := range cols {
			if c.side != "saldo" || r.vals[ci] == nil {
				continue
			}
			var l, b *dutchNumber
			for cj, o := range cols {
				if o.year == c.year && o.stage == c.stage && r.vals[cj] != nil {
					switch o.side {
					case "lasten":
						l = r.vals[cj]
					case "baten":
						b = r.vals[cj]
					}
				}
			}
			if l != nil && b != nil {
				sv, _ := r.vals[ci].cents(1)
				check(norm(l, "lasten"), norm(b, "baten"), int64(sv))
			}
		}
	}
	// Summary rows: Lasten, Baten and a saldo row in the same column.
	var rl, rb, rs = -1, -1, -1
	for ri := range rows {
		if kinds[ri] != gridTotal || len(rows[ri].vals) != len(cols) {
			continue
		}
		switch {
		case sides[ri] == "lasten" && rl < 0:
			rl = ri
		case sides[ri] == "baten" && rb < 0:
			rb = ri
		case (sides[ri] == "saldo" || sides[ri] == "" && rows[ri].block == "") && rs < 0:
			rs = ri
		}
	}
	if rl >= 0 && rb >= 0 && rs >= 0 {
		for ci, c := range cols {
			if c.skip || c.side != "" {
				continue
			}
			l, b, s := rows[rl].vals[ci], rows[rb].vals[ci], rows[rs].vals[ci]
			if l != nil && b != nil && s != nil {
				sv, _ := s.cents(1)
				check(norm(l, "lasten"), norm(b, "baten"), int64(sv))
			}
		}
	}
	saldoFlip := false
	hasSaldo := false
	for ri := range rows {
		for ci := range cols {
			if ci < len(rows[ri].vals) && rows[ri].vals[ci] != nil && !cols[ci].skip && sideOf(ri, ci) == "saldo" && (kinds[ri] == gridTaakveld || kinds[ri] == gridTotal) {
				hasSaldo = true
			}
		}
	}
	switch {
	case direct > flipped:
		p.setSaldoConvention(false)
	case flipped > direct:
		saldoFlip = true
		p.setSaldoConvention(true)
		p.note(lineNo, grip.SeverityInfo, "het saldo staat in deze tabel als lasten − baten (positief is een nadeel); omgezet naar baten − lasten", "")
	case hasSaldo:
		if conv, ok := p.saldoConvention(); ok {
			saldoFlip = conv
			if conv {
				p.note(lineNo, grip.SeverityInfo, "saldo's gelezen als lasten − baten, zoals de eerdere tabel van dit programma ze schrijft; omgezet naar baten − lasten", "")
			}
		} else if strings.Contains(context, "+ = nadeel") {
			saldoFlip = true
		} else if !lastenNeg {
			p.note(lineNo, grip.SeverityWarning, "teken van het saldo niet vast te stellen (geen lasten en baten om mee te rekenen); gelezen als baten − lasten", "")
		}
	}
	if lastenNeg {
		p.note(lineNo, grip.SeverityInfo, "lasten staan negatief in deze tabel; als positieve lasten opgeslagen", "")
	}
	if batenNeg {
		p.note(lineNo, grip.SeverityInfo, "baten staan negatief in deze tabel; als positieve baten opgeslagen", "")
	}
	if p.mult == 1 && small {
		p.note(lineNo, grip.SeverityWarning, "de tabel noemt geen eenheid (zoals \"bedragen x € 1.000\"); bedragen als euro's gelezen", "")
	}
	for ci, c := range cols {
		if c.stage == grip.StageNaWijziging && c.word == "" {
			p.note(lineNo, grip.SeverityInfo, fmt.Sprintf("kolom %d zonder label: als begroting na wijziging gelezen", c.year), "")
		}
		_ = ci
	}
	coded, mismatched := 0, 0
	for ri := range rows {
		if kinds[ri] == gridTaakveld {
			coded++
			if p.nameMismatch(codes[ri], names[ri]) {
				mismatched++
			}
		}
	}
	ownNumbering := mismatched*2 > coded
	// The lines and totals.
	for ri, r := range rows {
		switch kinds[ri] {
		case gridReserve:
			p.note(r.line, grip.SeverityInfo, "mutatie van reserves (taakveld 0.10): apart gehouden, niet bij de taakvelden van het programma", r.text)
			continue
		case gridResult:
			continue
		case gridOther:
			p.note(r.line, grip.SeverityWarning, "regel zonder taakveldcode; niet overgenomen", r.text)
			continue
		}
		if len(r.vals) != len(cols) {
			p.note(r.line, grip.SeverityWarning, fmt.Sprintf("regel heeft %d bedragen waar de tabel %d kolommen heeft; niet te zien welke cel leeg is, regel niet overgenomen", len(r.vals), len(cols)), r.text)
			continue
		}
		if kinds[ri] == gridTaakveld && !p.acceptTaakveld(codes[ri], names[ri], r.line, r.text, ownNumbering) {
			continue
		}
		for ci, c := range cols {
			v := r.vals[ci]
			if v == nil || c.skip {
				continue
			}
			side := sideOf(ri, ci)
			if side == "saldo" && kinds[ri] == gridTaakveld && gridYearHasSides(cols, c) {
				continue
			}
			amount, ok := v.cents(p.mult)
			if !ok {
				p.note(r.line, grip.SeverityWarning, fmt.Sprintf("bedrag %q te groot of met te veel decimalen", v.text), r.text)
				continue
			}
			if side == "lasten" && lastenNeg || side == "baten" && batenNeg || side == "saldo" && saldoFlip {
				amount = -amount
			}
			if kinds[ri] == gridTotal {
				t := grip.PrintedTotal{Stage: c.stage, Year: c.year, Amount: amount, Label: r.label, Line: r.line}
				if side != "saldo" {
					t.Side = grip.Side(side)
				}
				if !p.hasTotal(t) {
					p.prog.p.Totals = append(p.prog.p.Totals, t)
				}
				continue
			}
			fl := grip.FinanceLine{Taakveld: codes[ri], Label: names[ri], Year: c.year, Stage: c.stage, Line: r.line, Side: grip.Side(side), Amount: amount}
			fl.Key = fmt.Sprintf("%s/%s/%s/%d", fl.Taakveld, fl.Stage, fl.Side, fl.Year)
			p.addFinanceLine(fl, r.text)
		}
	}
}

// placeShortRows places the values of taakveld rows whose cells may have
// shifted: a row with one cell less than the table has columns (an empty
// cell lost in the export), and a "|" row whose empty cells were pushed to
// its end (padded). They are placed by the arithmetic: the rows of a block
// must add up to its subtotal ("Subtotaal Baten", or the table's "Totaal")
// in every column, exactly or, when no placement is exact, within the
// rounding of two printed units. A row is placed only when exactly one
// placement of all such rows fits; a short row that cannot be placed stays
// short and is reported, a padded row is reported as read from the left.
func (p *parser) placeShortRows(rows []grow, kinds []gridKind, sides []string, ncols int) {
	groups := map[string][]int{}
	for ri, r := range rows {
		if kinds[ri] == gridTaakveld && (len(r.vals) == ncols-1 || r.padded) {
			groups[r.block] = append(groups[r.block], ri)
		}
	}
	for block, short := range groups {
		total := -1
		for ri := range rows {
			if kinds[ri] == gridTotal && len(rows[ri].vals) == ncols && (block != "" && sides[ri] == block || block == "" && sides[ri] != "lasten" && sides[ri] != "baten" && rows[ri].block == "") {
				total = ri
				break
			}
		}
		// The distinct readings of each row.
		cands := make([][][]*dutchNumber, len(short))
		combos := 1
		for k, ri := range short {
			cands[k] = placements(rows[ri].vals, ncols)
			combos *= max(1, len(cands[k]))
			if combos > 4096 {
				break
			}
		}
		fit := func(tol int64) [][]int {
			if total < 0 || combos > 4096 {
				return nil
			}
			// The column sums of the other rows of the block.
			base := make([]int64, ncols)
			in := map[int]bool{}
			for _, ri := range short {
				in[ri] = true
			}
			for ri, r := range rows {
				if kinds[ri] == gridTaakveld && r.block == block && !in[ri] && len(r.vals) == ncols {
					for c, v := range r.vals {
						if v != nil {
							x, _ := v.cents(1)
							base[c] += int64(x)
						}
					}
				}
			}
			want := make([]int64, ncols)
			for c, v := range rows[total].vals {
				if v != nil {
					x, _ := v.cents(1)
					want[c] = int64(x)
				}
			}
			var fits [][]int
			choice := make([]int, len(short))
			var rec func(k int)
			rec = func(k int) {
				if len(fits) > 1 {
					return
				}
				if k == len(short) {
					for c := 0; c < ncols; c++ {
						sum := base[c]
						for j := range short {
							if v := cands[j][choice[j]][c]; v != nil {
								x, _ := v.cents(1)
								sum += int64(x)
							}
						}
						if d := sum - want[c]; d > tol*100 || d < -tol*100 {
							return
						}
					}
					fits = append(fits, append([]int(nil), choice...))
					return
				}
				for c := range cands[k] {
					choice[k] = c
					rec(k + 1)
				}
			}
			rec(0)
			return fits
		}
		fits := fit(0)
		if len(fits) == 0 {
			fits = fit(2)
		}
		if len(fits) != 1 {
			for _, ri := range short {
				if rows[ri].padded && len(rows[ri].vals) == ncols && len(placements(rows[ri].vals, ncols)) > 1 {
					p.note(rows[ri].line, grip.SeverityWarning, "lege cellen staan aan het eind van de regel: misschien zijn cellen in de export verschoven; van links gelezen (geen totaal om het na te rekenen)", rows[ri].text)
				}
			}
			continue
		}
		for k, ri := range short {
			short := len(rows[ri].vals) == ncols-1
			before := readingString(rows[ri].vals)
			rows[ri].vals = cands[k][fits[0][k]]
			switch {
			case len(cands[k]) < 2:
			case short:
				p.note(rows[ri].line, grip.SeverityInfo, fmt.Sprintf("regel heeft een cel minder dan de tabel kolommen; geplaatst zodat de regels optellen tot %q (regel %d)", rows[total].label, rows[total].line), rows[ri].text)
			case readingString(rows[ri].vals) != before:
				p.note(rows[ri].line, grip.SeverityInfo, fmt.Sprintf("lege cellen stonden aan het eind van de regel: in de export verschoven; geplaatst zodat de regels optellen tot %q (regel %d)", rows[total].label, rows[total].line), rows[ri].text)
			}
		}
	}
}

// placements are the distinct ways to place the values of a row in n
// columns, keeping their order: a row with one cell less gets an empty
// cell anywhere, a padded row its filled cells anywhere.
func placements(vals []*dutchNumber, n int) [][]*dutchNumber {
	var filled []*dutchNumber
	if len(vals) == n {
		for _, v := range vals {
			if v != nil {
				filled = append(filled, v)
			}
		}
	} else {
		filled = vals // a lost cell: the printed cells keep their order, dashes too
	}
	if len(filled) > n {
		return nil
	}
	seen := map[string]bool{}
	var out [][]*dutchNumber
	cur := make([]*dutchNumber, n)
	var rec func(pos, k int)
	rec = func(pos, k int) {
		if len(out) > 64 {
			return
		}
		if k == len(filled) {
			rd := append([]*dutchNumber(nil), cur...)
			if key := readingString(rd); !seen[key] {
				seen[key] = true
				out = append(out, rd)
			}
			return
		}
		for q := pos; q <= n-(len(filled)-k); q++ {
			cur[q] = filled[k]
			rec(q+1, k+1)
			cur[q] = nil
		}
	}
	rec(0, 0)
	return out
}

func gridYearHasSides(cols []gcol, c gcol) bool {
	for _, o := range cols {
		if o.year == c.year && o.stage == c.stage && (o.side == "lasten" || o.side == "baten") {
			return true
		}
	}
	return false
}

// hasTotal reports whether the programme has a printed total of that
// stage, year and side already (a saldo printed above and below).
func (p *parser) hasTotal(t grip.PrintedTotal) bool {
	for _, o := range p.prog.p.Totals {
		if o.Stage == t.Stage && o.Year == t.Year && o.Side == t.Side {
			return true
		}
	}
	return false
}

// textBefore joins up to n non-blank lines before line index i.
func (p *parser) textBefore(i, n int) string {
	var parts []string
	for j := i - 1; j >= 0 && len(parts) < n; j-- {
		if p.lines[j].blank {
			continue
		}
		parts = append(parts, p.lines[j].text)
	}
	return strings.Join(parts, " ")
}

// setSaldoConvention remembers how the current programme prints a saldo,
// for a later table that prints only saldo's.
func (p *parser) setSaldoConvention(flipped bool) {
	p.saldoProg = p.prog
	p.saldoFlip = flipped
}

func (p *parser) saldoConvention() (bool, bool) {
	if p.saldoProg != nil && p.saldoProg == p.prog {
		return p.saldoFlip, true
	}
	return false, false
}

// acceptTaakveld checks a code against the Iv3 list of the document's year:
// a code the list does not have is reported and left out. A name that
// shares no word with the list's name is reported: the line is kept when
// most rows of the table agree with the list (a name of the gemeente's
// own), and left out when most do not (the table numbers its own rows).
func (p *parser) acceptTaakveld(code, name string, lineNo int, text string, ownNumbering bool) bool {
	if p.opt.Taakvelden == nil {
		return true
	}
	tv, ok := p.opt.Taakvelden.Taakveld(p.year, code)
	if !ok {
		if p.opt.Taakvelden.Taakvelden(p.year) != nil {
			p.note(lineNo, grip.SeverityWarning, fmt.Sprintf("taakveld %s bestaat niet in de Iv3-lijst van %d; regel niet overgenomen", code, p.year), text)
			return false
		}
		p.note(lineNo, grip.SeverityWarning, fmt.Sprintf("taakveld %s bestaat niet in de Iv3-lijst van %d", code, p.year), text)
		return true
	}
	if name == "" || similarName(tv.Name, name) {
		return true
	}
	if sharesWord(tv.Name, name) {
		p.note(lineNo, grip.SeverityInfo, fmt.Sprintf("taakveld %s heet in de Iv3-lijst van %d %q", code, p.year, tv.Name), name)
		return true
	}
	if ownNumbering {
		p.note(lineNo, grip.SeverityWarning, fmt.Sprintf("code %s heet in de Iv3-lijst van %d %q, de tabel noemt %q; de meeste regels van deze tabel wijken zo af (een eigen nummering): regel niet overgenomen", code, p.year, tv.Name, name), text)
		return false
	}
	p.note(lineNo, grip.SeverityWarning, fmt.Sprintf("taakveld %s heet in de Iv3-lijst van %d %q, de tabel noemt %q; als %s overgenomen", code, p.year, tv.Name, name, code), text)
	return true
}

// nameMismatch reports whether a coded row's name shares no word with the
// name the Iv3 list gives the code.
func (p *parser) nameMismatch(code, name string) bool {
	if p.opt.Taakvelden == nil || name == "" {
		return false
	}
	tv, ok := p.opt.Taakvelden.Taakveld(p.year, code)
	return ok && !similarName(tv.Name, name) && !sharesWord(tv.Name, name)
}

// sharesWord reports whether two names share the start of a word of four
// letters or more ("Geescaleerde" and "Geëscaleerde" count as different).
func sharesWord(a, b string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
		})
	}
	for _, x := range split(a) {
		for _, y := range split(b) {
			if len(x) >= 4 && len(y) >= 4 && x[:4] == y[:4] {
				return true
			}
		}
	}
	return false
}

const debugGrid = false

// reSignLegend is the legend above a list of variances: "-/- = nadeel",
// "(+ = voordeel, - = nadeel)", "+ = nadeel".
var reSignLegend = regexp.MustCompile(`(?i)^\(?\s*(-/-|\+/-|-|\+)\s*=\s*(nadeel|voordeel)\b`)

// signedVariances reads the list of variances after a sign legend, as
// jaarverslag websites print the explanation of a verschillenanalyse:
//
//	6.1 Samenkracht en burgerparticipatie
//	Lagere lasten inburgering
//	95.000
//	Totaal
//	197.000
//
// A heading with a taakveld code opens a group; a text with an amount on
// the next line is a variance line of that taakveld, signed by the legend
// (stored: positive is voordeel); "Totaal" closes the group and is checked
// against its lines (not stored). The list ends at the first text that is
// neither.
func (p *parser) signedVariances(i int) (int, bool) {
	m := reSignLegend.FindStringSubmatch(p.lines[i].text)
	if m == nil {
		return i, false
	}
	// The legend says what a minus (or a plus) means.
	minusNadeel := (m[1] == "-/-" || m[1] == "-") == strings.EqualFold(m[2], "nadeel")
	toks := p.gridTokens(i+1, 2000)
	p.finishTable()
	p.ensureProgramme(p.lines[i].no)
	pb := p.prog
	last := i
	code, group := "", ""
	var groupSum grip.Cents
	groupLines := 0
	amount := func(t string) (grip.Cents, bool) {
		n, ok := gridValue(strings.TrimSpace(strings.TrimPrefix(strings.TrimSuffix(t, ",-"), "€")))
		if !ok || n == nil {
			return 0, false
		}
		c, ok := n.cents(p.mult)
		if !ok {
			return 0, false
		}
		if !minusNadeel {
			c = -c
		}
		return c, true
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k].text
		no := p.lines[toks[k].i].no
		var next string
		if k+1 < len(toks) {
			next = toks[k+1].text
		}
		if c, ok := amount(next); ok && len(t) < 200 {
			if strings.EqualFold(strings.TrimSuffix(t, ":"), "totaal") {
				if groupLines > 0 && c != groupSum {
					p.note(no, grip.SeverityWarning, fmt.Sprintf("subtotaal klopt niet: de regels van %s tellen op tot %s %s", group, absCents(groupSum).Format(true), grip.VN(groupSum)), t+" "+next)
				}
				groupSum, groupLines = 0, 0
			} else {
				v := grip.VarianceLine{Title: t, Taakveld: code, Amount: c, Line: no}
				v.Key = pb.newKey("v", grip.Slugify(t))
				pb.varLines = append(pb.varLines, v)
				groupSum += c
				groupLines++
			}
			last = toks[k+1].i
			k++
			continue
		}
		if mm := reTvDotted.FindStringSubmatch(t); mm != nil && mm[3] != "" && len(t) < 120 {
			code, group = mm[1]+"."+mm[2], t
			if p.opt.Taakvelden != nil {
				if _, ok := p.opt.Taakvelden.Taakveld(p.year, code); !ok && p.opt.Taakvelden.Taakvelden(p.year) != nil {
					p.note(no, grip.SeverityWarning, fmt.Sprintf("taakveld %s bestaat niet in de Iv3-lijst van %d; verschillen zonder taakveld overgenomen", code, p.year), t)
					code = ""
				}
			}
			groupSum, groupLines = 0, 0
			last = toks[k].i
			continue
		}
		break
	}
	return last, true
}

// spacedHeader reads a header line whose columns are separated by single
// spaces: "Programma Sociaal Domein Realisatie 2021 Begroting 2022 …
// Begroting 2026". It needs two year columns or more at its end.
func (p *parser) spacedHeader(t string) ([]gcol, bool) {
	f := strings.Fields(t)
	var cols []gcol
	k := len(f)
	for k > 0 {
		w := f[k-1]
		if !reBareYear.MatchString(w) {
			break
		}
		y, _ := strconv.Atoi(w)
		c := gcol{year: y}
		k--
		// The label before the year: one word, or "na wijziging" and the like.
		for n := 3; n >= 1; n-- {
			if k-n >= 0 && reStageWord.MatchString(strings.Join(f[k-n:k], " ")) {
				c.word = strings.ToLower(strings.Join(f[k-n:k], " "))
				k -= n
				break
			}
		}
		cols = append([]gcol{c}, cols...)
	}
	if len(cols) < 2 {
		return nil, false
	}
	low := strings.ToLower(t)
	for _, w := range []string{"indicator", "kengetal", "beleidsdoel", "meting", "streefwaarde"} {
		if strings.Contains(low, w) {
			return nil, false
		}
	}
	for ci := range cols {
		cols[ci].stage = p.gridStage(cols[ci])
	}
	return cols, true
}

// spacedRow splits "7.1-Maatschappelijke Ondersteuning 4.171.452 4.696.000"
// into its label and its last n amounts.
func spacedRow(t string, n int) (string, []*dutchNumber, bool) {
	f := strings.Fields(t)
	if len(f) < n+1 {
		return "", nil, false
	}
	vals := make([]*dutchNumber, n)
	for k := 0; k < n; k++ {
		v, ok := gridValue(f[len(f)-n+k])
		if !ok {
			return "", nil, false
		}
		vals[k] = v
	}
	label := strings.Join(f[:len(f)-n], " ")
	if _, ok := gridValue(f[len(f)-n-1]); ok && !reTvBare.MatchString(label) {
		return "", nil, false // more amounts than columns
	}
	return label, vals, true
}

// spacedGrid reads a table whose header and rows have their cells
// separated by single spaces, as some begrotingsapp pages export them.
func (p *parser) spacedGrid(i int) (int, bool) {
	l := p.lines[i]
	if len(l.text) > 300 || l.isRow() || l.bullet || countYears(l.text, 3) < 2 {
		return i, false
	}
	cols, ok := p.spacedHeader(l.text)
	if !ok {
		return i, false
	}
	var rows []grow
	block := ""
	last := i
	for j := i + 1; j < len(p.lines); j++ {
		r := p.lines[j]
		if r.blank {
			if len(rows) > 0 {
				break
			}
			continue
		}
		if r.isRow() || r.bullet {
			break
		}
		if low := strings.ToLower(strings.TrimSuffix(r.text, ":")); low == "lasten" || low == "baten" {
			block, last = low, j
			continue
		}
		label, vals, ok := spacedRow(r.text, len(cols))
		if !ok {
			break
		}
		rows = append(rows, grow{line: r.no, label: label, block: block, vals: vals, text: r.text})
		last = j
	}
	if len(rows) == 0 {
		return i, false
	}
	p.finishTable()
	p.ensureProgramme(l.no)
	p.gridTable(i, cols, rows)
	return last, true
}
