package importer

import (
	"fmt"
	"regexp"
	"strings"

	"grip"
)

var (
	// "Doelenboom Jeugd N 2.429.339,00", "Totaal programma V € 12.000"
	reVarianceVN = regexp.MustCompile(`^(.{2,150}?)\s+([VN])\s+(?:€\s*)?(-?\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?)$`)
	// "Doelenboom Jeugd 2.429.339,00 N"
	reVarianceNV = regexp.MustCompile(`^(.{2,150}?)\s+(?:€\s*)?(-?\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?)\s+([VN])$`)
)

// looksVariance reports whether a line outside a verschillenanalyse still
// has the shape of a variance line.
func (p *parser) looksVariance(l line) bool {
	if l.bullet || len(l.text) > 200 || !hasVN(l.text) {
		return false
	}
	return reVarianceVN.MatchString(l.text) || reVarianceNV.MatchString(l.text)
}

// varianceLine reads "title V/N amount". Subtotals are not stored, so they
// are checked here; the programme total is stored and checked by analysis.
func (p *parser) varianceLine(l line) bool {
	t := strings.TrimSpace(l.text)
	if len(t) > 300 || !hasVN(t) {
		return false
	}
	var title, vn, amount string
	if m := reVarianceVN.FindStringSubmatch(t); m != nil {
		title, vn, amount = m[1], m[2], m[3]
	} else if m := reVarianceNV.FindStringSubmatch(t); m != nil {
		title, amount, vn = m[1], m[2], m[3]
	} else {
		return false
	}
	p.ensureProgramme(l.no)
	mult := p.mult
	c, _, ok := parseMoney(amount, mult)
	if !ok {
		return false
	}
	v := grip.VarianceLine{Title: trimTrailingAmounts(title), Amount: grip.SignedVariance(c, vn), Line: l.no}
	if v.Title == "" {
		return false
	}
	low := strings.ToLower(v.Title)
	if m := reTaakveld.FindStringSubmatch(v.Title); m != nil {
		v.Taakveld = m[1]
	}
	pb := p.prog
	switch {
	case strings.HasPrefix(low, "subtotaal"):
		var sum grip.Cents
		for _, x := range pb.varLines[p.varGroupStart:] {
			if !x.Total {
				sum += x.Amount
			}
		}
		if sum != v.Amount {
			p.note(l.no, grip.SeverityWarning, fmt.Sprintf("subtotaal klopt niet: de regels erboven tellen op tot %s %s", absCents(sum).Format(true), grip.VN(sum)), t)
		}
		p.varGroupStart = len(pb.varLines)
		return true
	case strings.HasPrefix(low, "totaal"):
		// The programme total is kept as a line marked Total; whether the
		// lines add up to it is for the checks (package analysis) to say.
		v.Total = true
	default:
		for _, root := range pb.roots {
			name := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(low, "doelenboom"), ":"))
			if normTitle(root.title) == normTitle(name) {
				v.GoalKey = root.key
			}
		}
	}
	v.Key = pb.newKey("v", grip.Slugify(v.Title))
	pb.varLines = append(pb.varLines, v)
	p.target = target{kind: tVariance, varIdx: len(pb.varLines) - 1}
	p.item = itemRef{}
	return true
}

func absCents(c grip.Cents) grip.Cents {
	if c < 0 {
		return -c
	}
	return c
}

// hasVN is a quick test for a V or N standing alone in the text.
func hasVN(t string) bool {
	for i := 0; i < len(t); i++ {
		if (t[i] == 'V' || t[i] == 'N') && (i == 0 || t[i-1] == ' ' || t[i-1] == '\t') && (i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\t') {
			return true
		}
	}
	return false
}

// trimTrailingAmounts drops the other columns of a variance row from its
// title: "Jeugd 12.000.000 14.429.339" is "Jeugd".
func trimTrailingAmounts(title string) string {
	f := strings.Fields(title)
	for len(f) > 1 {
		w := strings.TrimPrefix(f[len(f)-1], "€")
		if w == "" || w == "€" {
			f = f[:len(f)-1]
			continue
		}
		if _, ok := parseDutchNumber(w); !ok {
			break
		}
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}
