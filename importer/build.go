package importer

import (
	"fmt"
	"strings"

	"grip"
)

// build turns the programmes read into the document.
func (p *parser) build() *grip.Document {
	p.finishSpeerpunt()
	p.placeSubgoals()
	p.flushTexts()
	for _, r := range p.footRefs {
		if r.ind < len(p.prog.p.Indicators) {
			p.note(p.prog.p.Indicators[r.ind].Line, grip.SeverityInfo, fmt.Sprintf("voetnoot %s niet gevonden", r.stars), p.prog.p.Indicators[r.ind].Name)
		}
	}
	p.footRefs = nil
	doc := &grip.Document{
		Organisation: p.org.Code,
		Kind:         p.kind,
		Year:         p.year,
		Title:        fmt.Sprintf("%s %d", p.kind.Label(), p.year),
		Status:       p.statusFromText(),
	}
	for _, pb := range p.progs {
		if pb.implicit {
			p.note(0, grip.SeverityInfo, "geen programmakop gevonden; alles is in één programma gezet", "")
		}
		prog := pb.p
		for _, s := range pb.sections {
			if strings.TrimSpace(s.Body) != "" {
				prog.Sections = append(prog.Sections, *s)
			}
		}
		if len(pb.mainObj) > 0 {
			prog.MainObjective = strings.Join(pb.mainObj, "\n")
		}
		for _, g := range pb.roots {
			prog.Goals = append(prog.Goals, buildGoal(g))
		}
		prog.Proposals = p.buildProposals(pb)
		prog.Reserves = reservesOf(prog.Proposals)
		prog.VarianceLines = pb.varLines
		if p.isEmpty(&prog) && len(p.progs) > 1 {
			continue
		}
		doc.Programmes = append(doc.Programmes, prog)
	}
	if len(doc.Programmes) == 1 {
		pr := doc.Programmes[0]
		doc.Title = fmt.Sprintf("%s %d – %s", p.kind.Label(), p.year, pr.Title)
	}
	return doc
}

func (p *parser) isEmpty(prog *grip.Programme) bool {
	return len(prog.Goals) == 0 && len(prog.Sections) == 0 && len(prog.FinanceLines) == 0 && len(prog.Indicators) == 0 &&
		prog.MainObjective == "" && len(prog.Principles) == 0 && len(prog.Partners) == 0 && len(prog.PolicyNotes) == 0 &&
		len(prog.VarianceLines) == 0 && len(prog.Totals) == 0 && len(prog.Proposals) == 0
}

func buildGoal(g *gnode) grip.Goal {
	out := grip.Goal{Key: g.key, Title: g.title, Line: g.line}
	for _, s := range g.sections {
		if strings.TrimSpace(s.Body) != "" {
			out.Sections = append(out.Sections, *s)
		}
	}
	for _, c := range g.children {
		out.Children = append(out.Children, buildGoal(c))
	}
	return out
}

// reservesOf makes the reserves the proposals are funded from, with a
// withdrawal per proposal and year. Their balance is not in the document.
func reservesOf(props []grip.Proposal) []grip.Reserve {
	var out []grip.Reserve
	index := map[string]int{}
	for _, pr := range props {
		if pr.FundingReserve == "" {
			continue
		}
		i, ok := index[pr.FundingReserve]
		if !ok {
			name := pr.FundingReserve
			low := strings.ToLower(pr.Funding)
			if k := strings.Index(low, "reserve"); k >= 0 {
				name = strings.TrimSpace(strings.TrimRight(pr.Funding[k:], ").;"))
				if e := strings.IndexAny(name, ";)"); e > 0 {
					name = name[:e]
				}
				name = strings.ToUpper(name[:1]) + name[1:]
			}
			out = append(out, grip.Reserve{Key: pr.FundingReserve, Name: name, Line: pr.Line})
			i = len(out) - 1
			index[pr.FundingReserve] = i
		}
		for _, a := range pr.Amounts {
			if a.FromReserve != 0 {
				out[i].Mutations = append(out[i].Mutations, grip.ReserveMutation{Year: a.Year, Amount: -a.FromReserve, Description: pr.Title, ProposalKey: pr.Key})
			}
		}
	}
	return out
}

// statusFromText reads the status only where the title lines say it
// ("Ontwerpbegroting", "vastgesteld door de raad"); otherwise it is left
// empty (concept) for the user to set: the importer does not guess it.
func (p *parser) statusFromText() grip.DocumentStatus {
	n := 0
	for _, l := range p.lines {
		if l.blank {
			continue
		}
		if n++; n > 15 {
			break
		}
		low := strings.ToLower(headOf(l.text))
		switch {
		case strings.Contains(low, "vastgesteld door de raad") || strings.Contains(low, "vastgestelde begroting"):
			return grip.StatusVastgesteld
		case strings.Contains(low, "aangeboden aan de raad"):
			return grip.StatusAangeboden
		case strings.HasPrefix(low, "ontwerp") || strings.HasPrefix(low, "concept"):
			return grip.StatusConcept
		}
	}
	return ""
}
