package importer

import (
	"regexp"
	"strings"

	"grip"
)

// A goal tree printed as a table with numbered cells, as begrotingsapp
// pages export it: a header naming the levels ("Kerndoel Operationeel doel
// Acties 2023"), then rows whose cells ran together on one line:
//
//	P3 1. Onze inwoners zijn zelfredzaam P3 1.1 Ons aanbod … 1.1.1 - Jeugd: …
//	1.1.2 - WMO: …
//
// The numbers say the level: "1." a goal of the first level, "1.1" one of
// the second, "1.1.1 -" an activity. A number that does not continue the
// one above it ("2.1" under "1.") is text, not a new item.

var (
	reTreeHeader = regexp.MustCompile(`(?i)^(kerndoel|hoofddoel|ambitie|maatschappelijk doel|programmadoel|doel)(?:stelling)?(?:en)?\s+(operationeel doel|subdoel|actielijn|beleidsdoel|doel|resultaat)(?:en)?\s+(acties|activiteiten|inspanningen|prestaties|wat gaan we doen)(?:\s+(?:19|20)\d\d)?$`)
	reTreeMark   = regexp.MustCompile(`(?:^|\s)(?:[A-Z]{1,3}\d{0,2}\s+)?([1-9]\d?(?:\.[1-9]\d?){0,2})(\.|\s*[-–:])?\s+`)
)

// numberedTree reads such a tree from line i; it returns the last line used.
func (p *parser) numberedTree(i int) (int, bool) {
	l := p.lines[i]
	if len(l.text) > 80 || l.isRow() || !strings.Contains(l.text, "oel") && !strings.Contains(l.text, "mbitie") {
		return i, false
	}
	m := reTreeHeader.FindStringSubmatch(l.text)
	if m == nil {
		return i, false
	}
	p.finishTable()
	p.ensureProgramme(l.no)
	p.levelWord(0, m[1])
	p.levelWord(1, m[2])
	if p.levels == nil {
		p.levels = map[string]int{}
	}
	p.levels[strings.ToLower(m[1])] = 0
	p.levels[strings.ToLower(m[2])] = 1
	var n0, n1 string
	last := i
	for j := i + 1; j < len(p.lines); j++ {
		r := p.lines[j]
		if r.blank {
			break
		}
		if r.isRow() || r.heading > 0 {
			break
		}
		marks := reTreeMark.FindAllStringSubmatchIndex(r.text, -1)
		if len(marks) == 0 || strings.TrimSpace(r.text[:marks[0][0]]) != "" {
			break
		}
		// Keep the marks that continue the numbering; others are text.
		type item struct {
			depth      int
			start, end int // the title
		}
		var items []item
		c0, c1 := n0, n1
		for _, mk := range marks {
			num := r.text[mk[2]:mk[3]]
			sep := ""
			if mk[4] >= 0 {
				sep = strings.TrimSpace(r.text[mk[4]:mk[5]])
			}
			depth := strings.Count(num, ".")
			ok := false
			switch depth {
			case 0:
				ok = sep == "."
				if ok {
					c0, c1 = num, ""
				}
			case 1:
				ok = c0 != "" && strings.HasPrefix(num, c0+".")
				if ok {
					c1 = num
				}
			case 2:
				ok = c1 != "" && strings.HasPrefix(num, c1+".")
			}
			if !ok {
				continue
			}
			if len(items) > 0 {
				items[len(items)-1].end = mk[0]
			}
			items = append(items, item{depth: depth, start: mk[1], end: len(r.text)})
		}
		if len(items) == 0 {
			break
		}
		for _, it := range items {
			title := strings.TrimSpace(r.text[it.start:it.end])
			ln := line{no: r.no, text: title}
			switch it.depth {
			case 0:
				p.startGoal(ln, 0, title)
			case 1:
				p.startGoal(ln, 1, title)
			case 2:
				if p.current() == nil {
					p.note(r.no, grip.SeverityWarning, "actie zonder doel ervoor; niet geplaatst", title)
					continue
				}
				p.startActivity(ln, title)
			}
		}
		n0, n1 = c0, c1
		last = j
	}
	p.mode = modeNone
	p.item = itemRef{}
	return last, true
}
