package importer

import (
	"fmt"
	"strings"

	"grip"
)

// proposalB is a proposal while the document is read.
type proposalB struct {
	p grip.Proposal
	// marked: introduced by a "VOORSTEL:" heading (not only a table).
	marked   bool
	norm     string
	printed  int
	hasTable bool
	// assumedYear: the table had no year column.
	assumedYear bool
	tableLine   int
}

// linkGoal adds the current goal's key to keys once.
func (p *parser) linkGoal(keys []string) []string {
	g := p.current()
	if g == nil {
		return keys
	}
	for _, k := range keys {
		if k == g.key {
			return keys
		}
	}
	return append(keys, g.key)
}

func (p *parser) uniqueKey(used func(string) bool, base string) string {
	if base == "" {
		base = "x"
	}
	key := base
	for n := 2; used(key); n++ {
		key = fmt.Sprintf("%s-%d", base, n)
	}
	return key
}

// startActivity opens an activity; an activity already read under another
// goal gets one more link instead of a copy.
func (p *parser) startActivity(l line, title string) {
	title = cleanTitle(title)
	if title == "" {
		return
	}
	if m := matchLead(reMarker, title, "VOORSTEL", "ONTWIKKELING", "NIEUW", "RISICO"); m != nil {
		t := cleanTitle(m[2])
		switch m[1] {
		case "VOORSTEL":
			p.startProposal(l, t)
			return
		case "ONTWIKKELING", "RISICO":
			p.startDevelopment(l, t)
			return
		}
	}
	title = strings.TrimRight(title, " ")
	norm := normTitle(title)
	pb := p.prog
	if idx, ok := pb.actByNorm[norm]; ok {
		a := &pb.p.Activities[idx]
		a.GoalKeys = p.linkGoal(a.GoalKeys)
		p.item = itemRef{kind: itemActivity, idx: idx, title: norm}
		p.itemRepeat = true
		return
	}
	display := strings.TrimRight(title, ".")
	key := pb.newKey("a", grip.Slugify(display))
	pb.p.Activities = append(pb.p.Activities, grip.Activity{Key: key, Title: display, GoalKeys: p.linkGoal(nil), Line: l.no})
	idx := len(pb.p.Activities) - 1
	pb.actByNorm[norm] = idx
	p.item = itemRef{kind: itemActivity, idx: idx, title: norm}
	p.itemRepeat = false
}

// startProposal opens a proposal; a proposal printed again (under another
// goal) is the same proposal with one more link.
func (p *parser) startProposal(l line, title string) {
	p.ensureProgramme(l.no)
	if p.mode != modeActivities && p.current() != nil {
		p.mode = modeActivities
	}
	norm := normTitle(title)
	pb := p.prog
	if i, ok := pb.propByNorm[norm]; ok {
		pr := pb.props[i]
		pr.p.GoalKeys = p.linkGoal(pr.p.GoalKeys)
		pr.printed++
		p.item = itemRef{kind: itemProposal, idx: i, title: norm}
		p.itemRepeat = true
		return
	}
	pr := &proposalB{marked: true, norm: norm, printed: 1}
	pr.p.Title = strings.TrimRight(title, ".")
	pr.p.Line = l.no
	pr.p.GoalKeys = p.linkGoal(nil)
	pb.props = append(pb.props, pr)
	pb.propByNorm[norm] = len(pb.props) - 1
	p.item = itemRef{kind: itemProposal, idx: len(pb.props) - 1, title: norm}
	p.itemRepeat = false
}

// startDevelopment opens an ontwikkeling; repeated ones are linked.
func (p *parser) startDevelopment(l line, title string) {
	p.ensureProgramme(l.no)
	if p.mode != modeActivities && p.current() != nil {
		p.mode = modeActivities
	}
	title = strings.TrimRight(title, ".")
	norm := normTitle(title)
	pb := p.prog
	if idx, ok := pb.devByNorm[norm]; ok {
		d := &pb.p.Developments[idx]
		d.GoalKeys = p.linkGoal(d.GoalKeys)
		p.item = itemRef{kind: itemDevelopment, idx: idx, title: norm}
		p.itemRepeat = true
		return
	}
	key := pb.newKey("d", grip.Slugify(title))
	pb.p.Developments = append(pb.p.Developments, grip.Development{Key: key, Title: title, GoalKeys: p.linkGoal(nil), Line: l.no})
	idx := len(pb.p.Developments) - 1
	pb.devByNorm[norm] = idx
	p.item = itemRef{kind: itemDevelopment, idx: idx, title: norm}
	p.itemRepeat = false
}

// appendItemText adds a paragraph to the open item (not when the item is a
// repeat printing: its text was read the first time).
func (p *parser) appendItemText(text string) {
	if p.itemRepeat {
		return
	}
	p.addText(p.itemText(), "\n\n", text)
}

func (p *parser) appendItemLine(text string) {
	if p.itemRepeat {
		return
	}
	p.addText(p.itemText(), "\n", text)
}

// footnote places a "* text" line: on the measurements that carry the
// stars, else on the open proposal.
func (p *parser) footnote(l line, stars, body string) bool {
	used := false
	for _, r := range p.footRefs {
		if r.stars != stars {
			continue
		}
		in := &p.prog.p.Indicators[r.ind]
		for k := range in.Measurements {
			if r.meas == -1 || r.meas == k {
				in.Measurements[k].Footnote = body
			}
		}
		used = true
	}
	if used {
		var keep []footRef
		for _, r := range p.footRefs {
			if r.stars != stars {
				keep = append(keep, r)
			}
		}
		p.footRefs = keep
		return true
	}
	if p.item.kind == itemProposal && !p.itemRepeat {
		p.addText(textRef{kind: 'p', pr: p.prog.props[p.item.idx]}, "\n\n", stars+" "+body)
		return true
	}
	if p.item.kind == itemProposal {
		return true
	}
	return false
}

// mandatoryIndicator records an indicator named under "verplichte
// indicatoren" whose values were a chart and did not come along.
func (p *parser) mandatoryIndicator(l line) {
	name := strings.TrimSpace(l.text)
	in := grip.Indicator{Name: name, Group: "Verplichte indicatoren", Mandatory: true, Line: l.no}
	in.Unit = unitFromName(name)
	if g := p.theme; g != nil {
		in.GoalKeys = []string{g.key}
	}
	if p.addIndicator(in, l.no) {
		p.note(l.no, grip.SeverityInfo, "verplichte indicator zonder waarden (de grafiek is niet meegekomen)", name)
	}
}

// buildProposals merges proposals printed twice in other words (a table
// without a VOORSTEL heading and a heading with a table, such as
// "Tweede jongereninloop Vriezenveen") and returns the domain values.
func (p *parser) buildProposals(pb *progB) []grip.Proposal {
	props := pb.props
	merged := make([]bool, len(props))
	for i, u := range props {
		if u.marked || !u.hasTable {
			continue
		}
		best := -1
		for j, m := range props {
			if j == i || merged[j] || !m.hasTable {
				continue
			}
			if !sameProposal(u, m) {
				continue
			}
			if best >= 0 {
				best = -2 // more than one: do not guess
				break
			}
			best = j
		}
		if best == -2 {
			p.note(u.p.Line, grip.SeverityWarning, "voorstel lijkt op meer dan één ander voorstel; niet samengevoegd", u.p.Title)
			continue
		}
		if best < 0 {
			continue
		}
		m := props[best]
		for _, k := range u.p.GoalKeys {
			found := false
			for _, mk := range m.p.GoalKeys {
				found = found || mk == k
			}
			if !found {
				m.p.GoalKeys = append(m.p.GoalKeys, k)
			}
		}
		if !strings.Contains(m.p.Text, u.p.Title) {
			m.p.Text = joinPara(u.p.Title, m.p.Text)
		}
		if u.p.Text != "" && !strings.Contains(m.p.Text, u.p.Text) {
			m.p.Text = joinPara(m.p.Text, u.p.Text)
		}
		for _, a := range u.p.Amounts {
			if a.Note != "" {
				for k := range m.p.Amounts {
					if m.p.Amounts[k].Note == "" && m.p.Amounts[k].Amount == a.Amount {
						m.p.Amounts[k].Note = a.Note
						break
					}
				}
			}
		}
		merged[i] = true
		p.note(u.p.Line, grip.SeverityInfo, fmt.Sprintf("voorstel (regel %d) is hetzelfde als %q (regel %d): één voorstel, het geld één keer geteld", u.p.Line, m.p.Title, m.p.Line), u.p.Title)
	}
	var out []grip.Proposal
	used := map[string]bool{}
	for i, pr := range props {
		if merged[i] {
			continue
		}
		if pr.printed > 1 {
			p.note(pr.p.Line, grip.SeverityInfo, fmt.Sprintf("voorstel staat %d keer in het document; één voorstel met %d koppelingen, het geld één keer geteld", pr.printed, len(pr.p.GoalKeys)), pr.p.Title)
		}
		if !pr.hasTable && pr.marked {
			p.note(pr.p.Line, grip.SeverityInfo, "voorstel zonder tabel met bedragen", pr.p.Title)
		}
		key := p.uniqueKey(func(k string) bool { return used[k] }, grip.Slugify(pr.p.Title))
		used[key] = true
		pr.p.Key = key
		pr.p.Recurrence = recurrenceOf(pr.p.Amounts)
		out = append(out, pr.p)
	}
	return out
}

func recurrenceOf(as []grip.ProposalAmount) grip.Recurrence {
	var r grip.Recurrence
	for _, a := range as {
		if a.Recurrence == "" {
			continue
		}
		if r == "" {
			r = a.Recurrence
		} else if r != a.Recurrence {
			return grip.Mixed
		}
	}
	return r
}

var stopWords = map[string]bool{
	"voor": true, "van": true, "het": true, "een": true, "de": true, "en": true, "in": true, "op": true, "te": true,
	"dat": true, "die": true, "met": true, "aan": true, "door": true, "is": true, "er": true, "wordt": true, "kader": true,
	"sociaal": true, "domein": true, "gemeente": true, "uitvoeren": true, "uitvoering": true, "geven": true,
}

func keywords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if len(w) >= 4 && !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// sameProposal reports whether table-only proposal u is m printed in other
// words: most of the words of the shorter title occur in the other, and
// every amount of one occurs in the other.
func sameProposal(u, m *proposalB) bool {
	kw := keywords(m.p.Title)
	if len(kw) < 2 {
		return false
	}
	longLow := strings.ToLower(u.p.Title + " " + u.p.Text)
	hit := 0
	for _, w := range kw {
		if strings.Contains(longLow, w) {
			hit++
		}
	}
	if hit < 2 || hit*5 < len(kw)*3 {
		return false
	}
	if len(u.p.Amounts) == 0 || len(m.p.Amounts) == 0 {
		return false
	}
	for _, a := range u.p.Amounts {
		found := false
		for _, b := range m.p.Amounts {
			if a.Amount == b.Amount {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
