package importer

import (
	"strings"

	"grip"
)

// textRef names a text field that paragraphs are appended to while reading.
// Texts grow in builders and are written to their fields at the end, so
// that a long text costs linear time, not quadratic.
type textRef struct {
	kind byte // 's' section, 'a' activity, 'p' proposal, 'd' development, 'P' partner, 'v' variance line
	sec  *grip.Section
	pr   *proposalB
	prog *progB
	idx  int
}

type textBuf struct {
	b strings.Builder
}

// itemText is the text of the open item.
func (p *parser) itemText() textRef {
	switch p.item.kind {
	case itemActivity:
		return textRef{kind: 'a', prog: p.prog, idx: p.item.idx}
	case itemProposal:
		return textRef{kind: 'p', pr: p.prog.props[p.item.idx]}
	case itemDevelopment:
		return textRef{kind: 'd', prog: p.prog, idx: p.item.idx}
	}
	return textRef{}
}

// addText appends s to the text r, after sep when the text is not empty.
func (p *parser) addText(r textRef, sep, s string) {
	if r.kind == 0 {
		return
	}
	if p.texts == nil {
		p.texts = map[textRef]*textBuf{}
	}
	t := p.texts[r]
	if t == nil {
		t = &textBuf{}
		p.texts[r] = t
		p.textOrder = append(p.textOrder, r)
	}
	if t.b.Len() > 0 {
		t.b.WriteString(sep)
	}
	t.b.WriteString(s)
}

// hasText reports whether the text r already holds s.
func (p *parser) hasText(r textRef, s string) bool {
	t := p.texts[r]
	return t != nil && strings.Contains(t.b.String(), s)
}

// flushTexts writes the collected texts to their fields.
func (p *parser) flushTexts() {
	for _, r := range p.textOrder {
		s := p.texts[r].b.String()
		switch r.kind {
		case 's':
			r.sec.Body = joinPara(r.sec.Body, s)
		case 'a':
			a := &r.prog.p.Activities[r.idx]
			a.Description = joinPara(a.Description, s)
		case 'p':
			r.pr.p.Text = joinPara(r.pr.p.Text, s)
		case 'd':
			d := &r.prog.p.Developments[r.idx]
			d.Text = joinPara(d.Text, s)
		case 'P':
			pa := &r.prog.p.Partners[r.idx]
			pa.Text = joinPara(pa.Text, s)
		case 'v':
			v := &r.prog.varLines[r.idx]
			v.Explanation = joinPara(v.Explanation, s)
		}
	}
	p.texts, p.textOrder = nil, nil
}
