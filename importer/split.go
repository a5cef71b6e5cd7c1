package importer

import (
	"strings"
)

// Run-together cells: exported tables often lose the separators between
// cells ("-12.075741-11.334"). The functions here enumerate every way a run
// of digits can be read as Dutch numbers (an amount of a thousand or more is
// written with "." groups, so an ungrouped number has at most three digits);
// the callers then keep the splits that satisfy what the table must satisfy.

// maxSplits bounds the enumeration: a run with more readings than this is
// reported as unreadable rather than explored.
const maxSplits = 256

// maxRunRow is the longest row of run-together cells that is split; real
// rows are a few hundred bytes, and splitting costs more than linear time.
const maxRunRow = 2000

// enumerateRun returns the readings of run (digits, ".", ",", "-") as a
// sequence of numbers, with at most maxTokens numbers each.
func enumerateRun(run string, maxTokens int) [][]dutchNumber {
	var out [][]dutchNumber
	var cur []dutchNumber
	var walk func(p int) bool
	walk = func(p int) bool {
		if p == len(run) {
			out = append(out, append([]dutchNumber(nil), cur...))
			return len(out) < maxSplits
		}
		if len(cur) >= maxTokens {
			return true
		}
		for _, n := range numberPrefixes(run[p:]) {
			cur = append(cur, n)
			ok := walk(p + len(n.text))
			cur = cur[:len(cur)-1]
			if !ok {
				return false
			}
		}
		return true
	}
	walk(0)
	if len(out) >= maxSplits {
		return nil
	}
	return out
}

// numberPrefixes returns every number s can start with under the strict
// reading (ungrouped numbers have one to three digits, no leading zero).
func numberPrefixes(s string) []dutchNumber {
	i := 0
	neg := false
	if strings.HasPrefix(s, "-") {
		neg = true
		i = 1
	}
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	run := j - i
	if run == 0 {
		return nil
	}
	var out []dutchNumber
	for lead := 1; lead <= 3 && lead <= run; lead++ {
		if lead > 1 && s[i] == '0' {
			break
		}
		k := i + lead
		digits := s[i:k]
		grouped := false
		if lead == run {
			// Groups can only follow the whole digit run.
			for k+4 <= len(s) && s[k] == '.' && isDigit(s[k+1]) && isDigit(s[k+2]) && isDigit(s[k+3]) {
				digits += s[k+1 : k+4]
				k += 4
				grouped = true
			}
		}
		base := dutchNumber{neg: neg, grouped: grouped}
		if k+1 < len(s) && s[k] == ',' && isDigit(s[k+1]) && (lead == run || grouped) {
			e := k + 1
			for e < len(s) && isDigit(s[e]) {
				e++
			}
			for d := k + 2; d <= e; d++ {
				n := base
				n.whole = atoi(digits)
				n.frac = s[k+1 : d]
				n.text = s[:d]
				n.overflow = len(digits) > 15
				out = append(out, n)
			}
			continue
		}
		if k < len(s) && s[k] == '.' {
			// A dot that does not start a group cannot follow a number
			// inside a run, except at the very end ("behoort.").
			if k+1 != len(s) {
				continue
			}
		}
		n := base
		n.whole = atoi(digits)
		n.text = s[:k]
		n.overflow = len(digits) > 15
		out = append(out, n)
	}
	return out
}

func atoi(digits string) int64 {
	var v int64
	for i := 0; i < len(digits) && i < 18; i++ {
		v = v*10 + int64(digits[i]-'0')
	}
	return v
}

// valueToken is one cell value of a run-together indicator row: a number
// (with % and a parenthesised remark such as a peildatum or year), or a word
// ("N.B.", "n.n.b.", "-").
type valueToken struct {
	num    dutchNumber
	isNum  bool
	pct    bool
	word   string
	remark string // the text in parentheses after the value
}

// raw renders the token as a cell would have printed it.
func (t valueToken) raw() string {
	var s string
	if t.isNum {
		s = t.num.text
		if t.pct {
			s += "%"
		}
	} else {
		s = t.word
	}
	if t.remark != "" {
		s += " (" + t.remark + ")"
	}
	return s
}

// valueSegment is a part of a row: either fixed tokens or a digit run with
// several readings.
type valueSegment struct {
	text     string
	readings [][]valueToken
}

var valueWords = []string{"n.n.b.", "n.v.t.", "N.B.", "n.b.", "nvt", "nnb", "gereed", "--", "-"}

// segmentValues cuts the value part of a row into segments. It fails when
// the text holds anything that is not a value.
func segmentValues(s string, maxTokens int) ([]valueSegment, bool) {
	var segs []valueSegment
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
			continue
		case c == '(':
			end := strings.IndexByte(s[i:], ')')
			if end < 0 || len(segs) == 0 {
				return nil, false
			}
			remark := strings.TrimSpace(s[i+1 : i+end])
			last := &segs[len(segs)-1]
			for r := range last.readings {
				toks := last.readings[r]
				if len(toks) > 0 {
					t := &toks[len(toks)-1]
					if t.remark != "" {
						return nil, false
					}
					// A percentage in the remark, "340 (47,5%)", stays in the remark.
					t.remark = remark
				}
			}
			i += end + 1
			continue
		}
		matched := false
		for _, w := range valueWords {
			if strings.HasPrefix(s[i:], w) {
				e := i + len(w)
				if w == "-" || w == "--" {
					// a dash only as a value of its own, not as a minus sign
					if e < len(s) && (isDigit(s[e]) || s[e] == '-') {
						continue
					}
				}
				segs = append(segs, valueSegment{text: w, readings: [][]valueToken{{{word: w}}}})
				i = e
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		if !(isDigit(c) || c == '-') {
			return nil, false
		}
		j := i
		for j < len(s) && (isDigit(s[j]) || s[j] == '.' || s[j] == ',' || s[j] == '-') {
			j++
		}
		run := s[i:j]
		pct := j < len(s) && s[j] == '%'
		if pct {
			j++
		}
		var readings [][]valueToken
		for _, nums := range enumerateRun(strings.TrimSuffix(run, "."), maxTokens) {
			toks := make([]valueToken, len(nums))
			for k, n := range nums {
				toks[k] = valueToken{num: n, isNum: true}
			}
			if pct && len(toks) > 0 {
				toks[len(toks)-1].pct = true
			}
			readings = append(readings, toks)
		}
		if len(readings) == 0 {
			return nil, false
		}
		segs = append(segs, valueSegment{text: s[i:j], readings: readings})
		i = j
	}
	return segs, true
}

// combineSegments returns every reading of the whole row that has exactly n
// tokens, at most limit of them.
func combineSegments(segs []valueSegment, n, limit int) [][]valueToken {
	var out [][]valueToken
	var cur []valueToken
	var walk func(k int) bool
	walk = func(k int) bool {
		if len(cur) > n {
			return true
		}
		if k == len(segs) {
			if len(cur) == n {
				out = append(out, append([]valueToken(nil), cur...))
			}
			return len(out) < limit
		}
		for _, r := range segs[k].readings {
			l := len(cur)
			cur = append(cur, r...)
			ok := walk(k + 1)
			cur = cur[:l]
			if !ok {
				return false
			}
		}
		return true
	}
	walk(0)
	return out
}

// consistentDecimals keeps the readings in which every number with decimals
// has the same number of them, when that leaves any.
func consistentDecimals(rs [][]valueToken) [][]valueToken {
	if len(rs) < 2 {
		return rs
	}
	var keep [][]valueToken
	for _, r := range rs {
		d := -1
		ok := true
		for _, t := range r {
			if !t.isNum || t.num.frac == "" {
				continue
			}
			if d == -1 {
				d = len(t.num.frac)
			} else if d != len(t.num.frac) {
				ok = false
				break
			}
		}
		if ok {
			keep = append(keep, r)
		}
	}
	if len(keep) == 0 {
		return rs
	}
	return keep
}

// describeReading renders a reading for a note: "14 | 26".
func describeReading(r []valueToken) string {
	parts := make([]string, len(r))
	for i, t := range r {
		parts[i] = t.raw()
	}
	return strings.Join(parts, " | ")
}

// splitNameValues splits a run-together row into the name and n values. It
// tries the split points from the left and takes the first at which the rest
// reads as exactly n values. It returns every reading at that point (more
// than one when the row is ambiguous).
func splitNameValues(row string, n int) (name string, readings [][]valueToken, ok bool) {
	for p := 1; p < len(row); p++ {
		c := row[p]
		if !(isDigit(c) || c == '-' || c == 'N' || c == 'n' || c == ' ') {
			continue
		}
		if c == ' ' {
			continue
		}
		prev := row[p-1]
		if isDigit(prev) || prev == ',' || (prev == '.' && p >= 2 && isDigit(row[p-2])) {
			continue
		}
		if (c == 'N' || c == 'n') && !(strings.HasPrefix(row[p:], "N.B.") || strings.HasPrefix(row[p:], "n.n.b.") || strings.HasPrefix(row[p:], "n.v.t.")) {
			continue
		}
		if (c == 'N' || c == 'n') && prev != ' ' {
			continue
		}
		segs, ok := segmentValues(row[p:], n)
		if !ok {
			continue
		}
		rs := combineSegments(segs, n, maxSplits)
		if len(rs) == 0 {
			continue
		}
		name = strings.TrimSpace(row[:p])
		if name == "" {
			return "", nil, false
		}
		return name, consistentDecimals(rs), true
	}
	return "", nil, false
}
