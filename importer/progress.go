package importer

import (
	"fmt"
	"regexp"
	"strings"

	"grip"
)

// progressB is the voortgang of one speerpunt while it is read: the blocks
// of text under each field. In the exports the begroting's text (plan) and
// the toelichting (what happened) arrive one after the other: the first
// block of a field is the plan, the rest the realisation.
type progressB struct {
	goal   *gnode
	entry  grip.ProgressEntry
	field  string
	blocks map[string][][]string
	order  []string
	status string
	lineOf map[string]int
}

// progressLine handles a line in a "voortgang speerpunten" part.
func (p *parser) progressLine(i int) int {
	l := p.lines[i]
	next := p.nextNonBlank(i)
	if !l.bullet && next >= 0 && headingKey(p.lines[next].text) == "status" {
		p.startSpeerpunt(l)
		return i
	}
	if p.prg == nil {
		p.paragraph(l)
		return i
	}
	pr := p.prg
	f := pr.field
	if f == "" {
		f = "toelichting"
	}
	if _, ok := pr.blocks[f]; !ok {
		pr.order = append(pr.order, f)
	}
	bs := pr.blocks[f]
	if pr.lineOf == nil {
		pr.lineOf = map[string]int{}
	}
	if _, ok := pr.lineOf[l.text]; !ok {
		pr.lineOf["- "+l.text] = l.no
	}
	prevBlank := i > 0 && p.lines[i-1].blank
	text := l.text
	if l.bullet {
		text = "- " + text
	}
	switch {
	case len(bs) == 0:
		bs = append(bs, []string{text})
	case l.bullet && !prevBlank && strings.HasPrefix(last(bs[len(bs)-1]), "- "):
		bs[len(bs)-1] = append(bs[len(bs)-1], text)
	case l.bullet && strings.HasSuffix(last(bs[len(bs)-1]), ":"):
		bs[len(bs)-1] = append(bs[len(bs)-1], text)
	default:
		bs = append(bs, []string{text})
	}
	pr.blocks[f] = bs
	return i
}

func last(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[len(ss)-1]
}

// progressField switches the field that following text belongs to.
func (p *parser) progressField(l line, what string) {
	if p.prg == nil {
		return
	}
	switch what {
	case "progress-status":
		p.prg.field = "status"
	case "progress-toelichting":
		// the column header of the realisation: keep the field
		if p.prg.field == "status" {
			p.prg.field = ""
		}
	case "progress-do":
		p.prg.field = "do"
	case "progress-planning":
		p.prg.field = "planning"
	case "progress-indicator":
		p.prg.field = "indicator"
	case "progress-resources":
		p.prg.field = "resources"
	case "progress-risks":
		p.prg.field = "risks"
	}
}

// startSpeerpunt opens a speerpunt: a theme of the goal tree with its
// progress entry. The first sentence is its title.
func (p *parser) startSpeerpunt(l line) {
	p.finishSpeerpunt()
	title, rest := firstSentence(l.text)
	p.levelWord(0, "speerpunt")
	p.startGoal(l, 0, title)
	p.mode = modeProgress
	g := p.theme
	if rest != "" && len(g.sections) > 0 {
		g.sections[0].Kind = grip.SectionEffect
		g.sections[0].Body = rest
	}
	p.prg = &progressB{goal: g, blocks: map[string][][]string{}}
	p.prg.entry = grip.ProgressEntry{Key: g.key, GoalKey: g.key, Title: title, Line: l.no}
}

func firstSentence(s string) (string, string) {
	if k := strings.Index(s, ". "); k > 0 && k < 200 {
		return strings.TrimSpace(s[:k]), strings.TrimSpace(s[k+2:])
	}
	return strings.TrimRight(s, "."), ""
}

var reIndicatorValue = regexp.MustCompile(`^- (.+?):\s*(-?\d[\d.]*(?:,\d+)?%?)\s*[.;]?$`)

// finishSpeerpunt writes the open speerpunt's progress entry.
func (p *parser) finishSpeerpunt() {
	pr := p.prg
	if pr == nil {
		return
	}
	p.prg = nil
	e := &pr.entry
	join := func(bs [][]string) string {
		var parts []string
		for _, b := range bs {
			parts = append(parts, strings.Join(b, "\n"))
		}
		return strings.Join(parts, "\n\n")
	}
	if bs := pr.blocks["do"]; len(bs) > 0 {
		e.Plan = strings.Join(bs[0], "\n")
		e.Realisation = join(bs[1:])
		// The plan's list items are the speerpunt's activities.
		for _, it := range bs[0] {
			if strings.HasPrefix(it, "- ") {
				p.theme, p.goal, p.sub = pr.goal, nil, nil
				p.startActivity(line{no: e.Line}, strings.TrimRight(strings.TrimPrefix(it, "- "), ";."))
			}
		}
		p.item = itemRef{}
	}
	if t := join(pr.blocks["toelichting"]); t != "" {
		e.Realisation = joinPara(e.Realisation, t)
	}
	e.Planning = join(pr.blocks["planning"])
	e.Indicator = join(pr.blocks["indicator"])
	e.Resources = join(pr.blocks["resources"])
	e.Risks = join(pr.blocks["risks"])
	status := strings.ToLower(join(pr.blocks["status"]))
	switch {
	case status == "":
		p.note(e.Line, grip.SeverityInfo, "status van het speerpunt is leeg (in de bron waarschijnlijk alleen een pictogram)", e.Title)
	case strings.Contains(status, "gereed") || strings.Contains(status, "afgerond"):
		e.Status = grip.ProgressDone
	case strings.Contains(status, "groen") || strings.Contains(status, "op koers") || strings.Contains(status, "op schema"):
		e.Status = grip.ProgressOnTrack
	case strings.Contains(status, "oranje") || strings.Contains(status, "geel") || strings.Contains(status, "aandacht"):
		e.Status = grip.ProgressAttention
	case strings.Contains(status, "rood") || strings.Contains(status, "niet op koers") || strings.Contains(status, "vertraagd"):
		e.Status = grip.ProgressOffTrack
	default:
		p.note(e.Line, grip.SeverityInfo, "status niet herkend; als tekst bij de toelichting bewaard", status)
		e.Realisation = joinPara("Status: "+status, e.Realisation)
	}
	// Indicator values written as "naam: 32."
	for _, b := range pr.blocks["indicator"] {
		for _, it := range b {
			m := reIndicatorValue.FindStringSubmatch(it)
			if m == nil {
				continue
			}
			meas, _, pct := parseMeasurement(strings.TrimRight(m[2], "."))
			if meas.Value == nil {
				continue
			}
			no := e.Line
			if n, ok := pr.lineOf[it]; ok {
				no = n
			}
			meas.Year, meas.Kind, meas.Line = p.year, grip.Realised, no
			in := grip.Indicator{Name: m[1], Group: pr.goal.title, GoalKeys: []string{pr.goal.key}, Line: no, Measurements: []grip.Measurement{meas}}
			in.Unit = unitFromName(m[1])
			if in.Unit == "" {
				in.Unit = grip.UnitCount
				if pct {
					in.Unit = grip.UnitPercentage
				}
			}
			p.addIndicator(in, no)
		}
	}
	if e.Plan == "" && e.Realisation == "" {
		p.note(e.Line, grip.SeverityInfo, fmt.Sprintf("speerpunt %q zonder tekst over wat er gedaan is", e.Title), "")
	}
	p.prog.p.Progress = append(p.prog.p.Progress, *e)
}
