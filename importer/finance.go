package importer

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"grip"
)

// financeRunRow reads a taakveld row whose cells ran together:
// "6.1 Samenkracht en burgerparticipatie-12.075741-11.334-11.296-11.267-11.264".
func (p *parser) financeRunRow(l line) {
	tb := p.tbl
	if tb == nil || l.isRow() {
		if l.isRow() {
			p.financeCellRow(l)
		}
		return
	}
	t := l.text
	if len(t) > maxRunRow {
		p.note(l.no, grip.SeverityWarning, "taakveldregel te lang om te lezen; overgeslagen", t)
		return
	}
	code, rest := "", t
	if m := reTaakveld.FindStringSubmatch(t); m != nil {
		code, rest = m[1], m[2]
	}
	start := len(t) - len(rest)
	n := len(tb.fcols)
	// Try the split points from the left; the first one with readings that
	// satisfy the table's arithmetic wins.
	for q := start + 1; q < len(t); q++ {
		c := t[q]
		if !(c == '-' || isDigit(c)) {
			continue
		}
		prev := t[q-1]
		if isDigit(prev) || prev == ',' || (prev == '.' && q >= 2 && isDigit(t[q-2])) {
			continue
		}
		nums := enumerateChunks(strings.Fields(t[q:]), n)
		if len(nums) == 0 {
			continue
		}
		var readings [][]*dutchNumber
		for _, r := range nums {
			for _, assigned := range p.assignColumns(r, tb.fcols) {
				if financeArithmetic(assigned, tb.fcols) {
					readings = append(readings, assigned)
				}
			}
		}
		if len(readings) == 0 {
			continue
		}
		label := strings.TrimSpace(t[start:q])
		if label == "" || isDigit(label[len(label)-1]) {
			continue
		}
		tb.addFinRow(finRow{line: l.no, code: code, label: label, text: t, readings: dedupeReadings(readings)})
		return
	}
	p.note(l.no, grip.SeverityWarning, "taakveldregel niet te lezen: geen splitsing van de bedragen klopt met lasten + baten = saldo", t)
}

// financeCellRow reads a taakveld row with separate cells.
func (p *parser) financeCellRow(l line) {
	tb := p.tbl
	cells := l.cells
	label := strings.TrimSpace(cells[0])
	code := ""
	if m := reTaakveld.FindStringSubmatch(label); m != nil {
		code, label = m[1], strings.TrimSpace(m[2])
	}
	vals := cells[1:]
	if tb.colTitle > 1 {
		vals = cells[tb.colTitle:]
	}
	if l.spaced {
		vals = nonEmpty(vals)
	}
	reading := make([]*dutchNumber, len(tb.fcols))
	for k := range tb.fcols {
		if k >= len(vals) {
			break
		}
		v := strings.TrimSpace(vals[k])
		if v == "" || v == "-" {
			continue
		}
		n, ok := parseDutchNumber(strings.ReplaceAll(strings.TrimPrefix(v, "€"), " ", ""))
		if !ok {
			p.note(l.no, grip.SeverityWarning, fmt.Sprintf("bedrag %q is geen getal", v), l.text)
			continue
		}
		reading[k] = &n
	}
	if l.spaced && len(nonEmpty(vals)) < len(tb.fcols) {
		// Columns separated by spaces lose their empty cells: place the
		// numbers as a run-together row is placed, by the arithmetic.
		var nums []dutchNumber
		for _, n := range reading {
			if n != nil {
				nums = append(nums, *n)
			}
		}
		var readings [][]*dutchNumber
		for _, r := range p.assignColumns(nums, tb.fcols) {
			if financeArithmetic(r, tb.fcols) {
				readings = append(readings, r)
			}
		}
		if len(readings) > 0 {
			tb.addFinRow(finRow{line: l.no, code: code, label: label, text: l.text, readings: dedupeReadings(readings)})
			return
		}
	}
	if !financeArithmetic(reading, tb.fcols) {
		p.note(l.no, grip.SeverityWarning, "lasten en baten tellen niet op tot het saldo", l.text)
	}
	tb.addFinRow(finRow{line: l.no, code: code, label: label, text: l.text, readings: [][]*dutchNumber{reading}})
}

func (tb *tableB) addFinRow(r finRow) {
	if r.code == "" && strings.HasPrefix(strings.ToLower(r.label), "totaal") {
		tb.total = &r
		return
	}
	tb.frows = append(tb.frows, r)
}

// assignColumns places the numbers of a reading in the columns. With fewer
// numbers than columns, the missing ones are lasten or baten columns left
// empty (a taakveld without baten).
func (p *parser) assignColumns(nums []dutchNumber, cols []fcol) [][]*dutchNumber {
	n := len(cols)
	missing := n - len(nums)
	if missing < 0 || missing > 2 {
		return nil
	}
	var out [][]*dutchNumber
	var rec func(col, used int, cur []*dutchNumber, skipped int)
	rec = func(col, used int, cur []*dutchNumber, skipped int) {
		if col == n {
			if used == len(nums) && skipped == missing {
				out = append(out, append([]*dutchNumber(nil), cur...))
			}
			return
		}
		if used < len(nums) {
			v := nums[used]
			rec(col+1, used+1, append(cur, &v), skipped)
		}
		if skipped < missing && cols[col].side != "saldo" {
			rec(col+1, used, append(cur, nil), skipped+1)
		}
	}
	rec(0, 0, nil, 0)
	return out
}

// financeArithmetic checks lasten and baten against the saldo of each year
// where all are printed, under any of the sign conventions gemeenten use.
func financeArithmetic(r []*dutchNumber, cols []fcol) bool {
	p := colsInfo{}
	type lbs struct {
		l, b, s    int64
		hl, hb, hs bool
	}
	years := map[string]*lbs{}
	for k, c := range cols {
		key := fmt.Sprintf("%d|%s", c.year, c.stage)
		y := years[key]
		if y == nil {
			y = &lbs{}
			years[key] = y
		}
		var v int64
		has := false
		if k < len(r) && r[k] != nil {
			c, ok := r[k].cents(1)
			if !ok {
				return false
			}
			v, has = int64(c), true
		}
		switch c.side {
		case "lasten":
			y.l, y.hl = v, has
		case "baten":
			y.b, y.hb = v, has
		case "saldo":
			y.s, y.hs = v, has
		}
	}
	for key, y := range years {
		_ = key
		if !y.hl && !y.hb && p.sideCols(cols, key) {
			return false // a year with lasten and baten columns but neither filled
		}
		if !y.hs || (!y.hl && !y.hb) {
			continue
		}
		if !(y.l+y.b == y.s || y.b-y.l == y.s || y.l-y.b == y.s) {
			return false
		}
	}
	return true
}

func dedupeReadings(rs [][]*dutchNumber) [][]*dutchNumber {
	seen := map[string]bool{}
	var out [][]*dutchNumber
	for _, r := range rs {
		k := readingString(r)
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

func readingString(r []*dutchNumber) string {
	parts := make([]string, len(r))
	for i, n := range r {
		if n == nil {
			parts[i] = "(leeg)"
		} else {
			parts[i] = n.text
		}
	}
	return strings.Join(parts, " | ")
}

// finishFinance resolves ambiguous rows with the totals, checks the totals
// and writes the finance lines in the stored convention.
func (p *parser) finishFinance(tb *tableB) {
	if len(tb.frows) == 0 {
		return
	}
	// Baten are not printed negative: drop readings that need that.
	for i := range tb.frows {
		r := &tb.frows[i]
		if len(r.readings) < 2 {
			continue
		}
		var keep [][]*dutchNumber
		for _, rd := range r.readings {
			ok := true
			for k, c := range tb.fcols {
				if c.side == "baten" && rd[k] != nil && rd[k].neg && rd[k].whole != 0 {
					ok = false
				}
			}
			if ok {
				keep = append(keep, rd)
			}
		}
		if len(keep) > 0 {
			r.readings = keep
		}
	}
	// Resolve ambiguous rows with the column totals when that leaves one choice.
	var amb []int
	for i, r := range tb.frows {
		if len(r.readings) > 1 {
			amb = append(amb, i)
		}
	}
	if len(amb) > 0 && tb.total != nil && len(tb.total.readings) == 1 {
		combos := 1
		for _, i := range amb {
			combos *= len(tb.frows[i].readings)
			if combos > 4096 {
				break
			}
		}
		if combos <= 4096 {
			var fits [][]int
			choice := make([]int, len(amb))
			var rec func(k int)
			rec = func(k int) {
				if k == len(amb) {
					if p.totalsFit(tb, amb, choice) {
						fits = append(fits, append([]int(nil), choice...))
					}
					return
				}
				for c := range tb.frows[amb[k]].readings {
					choice[k] = c
					rec(k + 1)
				}
			}
			rec(0)
			if len(fits) == 1 {
				for k, i := range amb {
					tb.frows[i].readings = [][]*dutchNumber{tb.frows[i].readings[fits[0][k]]}
				}
			}
		}
	}
	// The sign convention: lasten printed negative when most are.
	negLasten := 0
	posLasten := 0
	for _, r := range tb.frows {
		if len(r.readings) != 1 {
			continue
		}
		for k, c := range tb.fcols {
			if c.side == "lasten" && r.readings[0][k] != nil && r.readings[0][k].whole != 0 {
				if r.readings[0][k].neg {
					negLasten++
				} else {
					posLasten++
				}
			}
		}
	}
	lastenNegative := negLasten > posLasten
	saldoFlipped := p.saldoFlipped(tb, lastenNegative)
	for _, r := range tb.frows {
		if len(r.readings) > 1 {
			var cands []string
			for _, rd := range r.readings {
				cands = append(cands, readingString(rd))
			}
			sort.Strings(cands)
			p.note(r.line, grip.SeverityWarning, fmt.Sprintf("cellen lopen in elkaar over en zijn op meer dan één manier te lezen: %s; regel niet overgenomen", strings.Join(cands, " of ")), r.text)
			continue
		}
		code := r.code
		if code == "" {
			code = p.taakveldByName(r.label)
			if code == "" {
				p.note(r.line, grip.SeverityWarning, "regel zonder taakveldcode; niet overgenomen", r.text)
				continue
			}
		}
		if p.opt.Taakvelden != nil {
			if tv, ok := p.opt.Taakvelden.Taakveld(p.year, code); !ok && p.opt.Taakvelden.Taakvelden(p.year) != nil {
				// A code the year's list does not have cannot be stored
				// (the document would not validate): report and leave out.
				p.note(r.line, grip.SeverityWarning, fmt.Sprintf("taakveld %s bestaat niet in de Iv3-lijst van %d; regel niet overgenomen", code, p.year), r.text)
				continue
			} else if !ok {
				p.note(r.line, grip.SeverityWarning, fmt.Sprintf("taakveld %s bestaat niet in de Iv3-lijst van %d", code, p.year), r.text)
			} else if !similarName(tv.Name, r.label) {
				p.note(r.line, grip.SeverityInfo, fmt.Sprintf("taakveld %s heet in de Iv3-lijst van %d %q", code, p.year, tv.Name), r.label)
			}
		}
		for k, c := range tb.fcols {
			n := r.readings[0][k]
			if n == nil {
				continue
			}
			v, ok := n.cents(p.mult)
			if !ok {
				p.note(r.line, grip.SeverityWarning, fmt.Sprintf("bedrag %q te groot of met te veel decimalen", n.text), r.text)
				continue
			}
			fl := grip.FinanceLine{Taakveld: code, Label: r.label, Year: c.year, Stage: c.stage, Line: r.line}
			switch c.side {
			case "lasten":
				fl.Side = grip.Lasten
				if lastenNegative {
					v = -v
				}
				fl.Amount = v
			case "baten":
				fl.Side = grip.Baten
				fl.Amount = v
			case "saldo":
				// Only store a saldo when the year has no lasten and baten of its own.
				if p.yearHasSides(tb, c) {
					continue
				}
				// The year gives only the net amount: keep it as a saldo
				// line (baten - lasten), not as lasten or baten it is not.
				fl.Side = grip.SaldoSide
				fl.Amount = v
				if saldoFlipped {
					fl.Amount = -v
				}
			}
			fl.Key = fmt.Sprintf("%s/%s/%s/%d", code, fl.Stage, fl.Side, fl.Year)
			p.addFinanceLine(fl, r.text)
		}
	}
	p.financeTotals(tb, lastenNegative, saldoFlipped)
}

// addFinanceLine adds fl unless the programme has that taakveld, stage,
// year and side already (a column or row printed twice), or has a saldo
// where fl gives lasten or baten or the other way round: the first value
// stays and the second is reported, so that nothing is counted twice.
func (p *parser) addFinanceLine(fl grip.FinanceLine, text string) {
	if p.finCells == nil {
		p.finCells = map[finCell][]int{}
	}
	c := finCell{p.prog, fl.Taakveld, fl.Stage, fl.Year}
	for _, i := range p.finCells[c] {
		o := p.prog.p.FinanceLines[i]
		if o.Side == fl.Side || (o.Side == grip.SaldoSide) != (fl.Side == grip.SaldoSide) {
			p.note(fl.Line, grip.SeverityWarning, fmt.Sprintf("taakveld %s heeft voor %s %d al een bedrag (%s %s, regel %d); %s %s niet overgenomen",
				fl.Taakveld, fl.Stage, fl.Year, o.Side, o.Amount.Format(false), o.Line, fl.Side, fl.Amount.Format(false)), text)
			return
		}
	}
	p.finCells[c] = append(p.finCells[c], len(p.prog.p.FinanceLines))
	p.prog.p.FinanceLines = append(p.prog.p.FinanceLines, fl)
}

// finCell is a taakveld, stage and year of one programme.
type finCell struct {
	prog     *progB
	taakveld string
	stage    grip.MoneyStage
	year     int
}

// saldoFlipped reports whether the table prints the saldo as lasten -
// baten (positive for a net expense) rather than baten - lasten, judged on
// the rows that print lasten, baten and saldo of one year. Without such
// rows the saldo is taken as baten - lasten, the stored convention and the
// one of the printed signs when lasten are negative.
func (p *parser) saldoFlipped(tb *tableB, lastenNegative bool) bool {
	direct, flipped := 0, 0
	for _, r := range tb.frows {
		if len(r.readings) != 1 {
			continue
		}
		rd := r.readings[0]
		for k, c := range tb.fcols {
			if c.side != "saldo" || rd[k] == nil {
				continue
			}
			var l, b grip.Cents
			var hasL, hasB bool
			for j, o := range tb.fcols {
				if o.year != c.year || o.stage != c.stage || rd[j] == nil {
					continue
				}
				v, ok := rd[j].cents(1)
				if !ok {
					continue
				}
				switch o.side {
				case "lasten":
					l, hasL = v, true
					if lastenNegative {
						l = -l
					}
				case "baten":
					b, hasB = v, true
				}
			}
			s, ok := rd[k].cents(1)
			if !ok || !(hasL || hasB) || b == l {
				continue
			}
			switch s {
			case b - l:
				direct++
			case l - b:
				flipped++
			}
		}
	}
	return flipped > direct
}

// financeTotals keeps the table's total row as the programme's printed
// totals, one per column in the stored convention. Whether the lines add up
// to them is for the checks (package analysis) to say, once.
func (p *parser) financeTotals(tb *tableB, lastenNegative, saldoFlipped bool) {
	if tb.total == nil {
		return
	}
	if len(tb.total.readings) != 1 {
		p.note(tb.total.line, grip.SeverityWarning, "totaalregel is op meer dan één manier te lezen; totalen niet overgenomen", tb.total.text)
		return
	}
	label := tb.total.label
	for k, c := range tb.fcols {
		n := tb.total.readings[0][k]
		if n == nil {
			continue
		}
		v, ok := n.cents(p.mult)
		if !ok {
			p.note(tb.total.line, grip.SeverityWarning, fmt.Sprintf("totaalbedrag %q te groot of met te veel decimalen", n.text), tb.total.text)
			continue
		}
		t := grip.PrintedTotal{Stage: c.stage, Year: c.year, Label: label, Line: tb.total.line}
		switch c.side {
		case "lasten":
			t.Side = grip.Lasten
			if lastenNegative {
				v = -v
			}
		case "baten":
			t.Side = grip.Baten
		case "saldo":
			if saldoFlipped {
				v = -v
			}
		}
		t.Amount = v
		p.prog.p.Totals = append(p.prog.p.Totals, t)
	}
}

func (p *parser) yearHasSides(tb *tableB, c fcol) bool {
	for _, o := range tb.fcols {
		if o.year == c.year && o.stage == c.stage && o.side != "saldo" {
			return true
		}
	}
	return false
}

// totalsFit reports whether the rows, with the given choices for the
// ambiguous ones, add up to the total row in every column.
func (p *parser) totalsFit(tb *tableB, amb []int, choice []int) bool {
	pick := map[int]int{}
	for k, i := range amb {
		pick[i] = choice[k]
	}
	tot := tb.total.readings[0]
	for k := range tb.fcols {
		var sum int64
		for i, r := range tb.frows {
			rd := r.readings[0]
			if c, ok := pick[i]; ok {
				rd = r.readings[c]
			}
			if rd[k] != nil {
				c, _ := rd[k].cents(1)
				sum += int64(c)
			}
		}
		var want int64
		if tot[k] != nil {
			c, _ := tot[k].cents(1)
			want = int64(c)
		}
		if sum != want {
			return false
		}
	}
	return true
}

func formatThousands(cents int64) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	s := grip.Cents(cents).Format(false)
	s = strings.TrimPrefix(s, "€ ")
	if neg {
		return "-" + s
	}
	return s
}

// taakveldByName finds a taakveld code by its name in the document year's
// list, through an index built once per document.
func (p *parser) taakveldByName(label string) string {
	if p.opt.Taakvelden == nil {
		return ""
	}
	if p.tvNames == nil || p.tvNamesYear != p.year {
		p.tvNames, p.tvNamesYear = map[string]string{}, p.year
		for _, tv := range p.opt.Taakvelden.Taakvelden(p.year) {
			if k := nameKey(tv.Name); p.tvNames[k] == "" {
				p.tvNames[k] = tv.Code
			}
		}
	}
	return p.tvNames[nameKey(label)]
}

var reNonAlnum = regexp.MustCompile(`[^a-z0-9+\-]+`)

// similarName reports whether two taakveld names are the same name in other
// spellings: "Maatwerkvoorzieningen (WMO)" and "Maatwerkvoorziening WMO".
func similarName(a, b string) bool {
	return nameKey(a) == nameKey(b)
}

// nameKey is the spelling-free form of a taakveld name that similarName
// compares: letters and digits, without "en" and a trailing "s", with the
// sign after an age kept ("18+" and "18-" are different taakvelden; the
// slug drops the sign).
func nameKey(s string) string {
	n := reNonAlnum.ReplaceAllString(strings.ToLower(grip.Slugify(s)), "")
	n = strings.TrimSuffix(strings.ReplaceAll(n, "en", ""), "s")
	if sign := ageSign(s); sign != 0 {
		n = string(sign) + n
	}
	return n
}

// ageSign is the "+" or "-" after an age ("Maatwerkdienstverlening 18+").
func ageSign(s string) byte {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "18"); i >= 0 && i+2 < len(s) && (s[i+2] == '+' || s[i+2] == '-') {
		return s[i+2]
	}
	return 0
}

// colsInfo answers questions about the columns of a finance table.
type colsInfo struct{}

// sideCols reports whether the year|stage key has lasten or baten columns.
func (colsInfo) sideCols(cols []fcol, key string) bool {
	for _, c := range cols {
		if fmt.Sprintf("%d|%s", c.year, c.stage) == key && c.side != "saldo" {
			return true
		}
	}
	return false
}

// enumerateChunks reads space-separated runs: a space always ends a number,
// so each chunk is enumerated on its own and the readings are combined.
func enumerateChunks(chunks []string, maxTokens int) [][]dutchNumber {
	out := [][]dutchNumber{nil}
	for _, c := range chunks {
		rs := enumerateRun(c, maxTokens)
		if len(rs) == 0 {
			return nil
		}
		var next [][]dutchNumber
		for _, prefix := range out {
			for _, r := range rs {
				if len(prefix)+len(r) > maxTokens {
					continue
				}
				next = append(next, append(append([]dutchNumber(nil), prefix...), r...))
				if len(next) > maxSplits {
					return nil
				}
			}
		}
		out = next
	}
	if len(out) == 1 && out[0] == nil {
		return nil
	}
	return out
}
