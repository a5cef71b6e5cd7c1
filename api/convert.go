package api

import (
	"grip"
)

// list returns s, or an empty slice instead of nil, so that lists are
// written as [] and never as null.
func list[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// mapList converts every element of s.
func mapList[S, T any](s []S, f func(*S) T) []T {
	out := make([]T, len(s))
	for i := range s {
		out[i] = f(&s[i])
	}
	return out
}

func viewOrganisation(o *grip.Organisation) organisationView {
	return organisationView{
		Code: o.Code, Name: o.Name, Kind: o.Kind, Slug: o.Slug, Province: o.Province,
		Inhabitants: o.Inhabitants, SizeClass: o.SizeClass, Region: o.Region,
		LevelNames:        list(o.Settings.LevelNames),
		VarianceThreshold: int64(o.Settings.VarianceThreshold),
	}
}

func viewCounts(c grip.Counts) countsView {
	return countsView(c)
}

func viewDocumentSummary(d *grip.DocumentInfo) documentSummary {
	doc := grip.Document{Kind: d.Kind, Year: d.Year}
	return documentSummary{ID: d.ID, Organisation: d.Organisation, Kind: d.Kind, KindLabel: d.Kind.Label(),
		Year: d.Year, Slug: doc.Slug(), Title: d.Title, Status: d.Status, Counts: viewCounts(d.Counts)}
}

func refDocument(d *grip.Document) documentRef {
	return documentRef{ID: d.ID, Kind: d.Kind, Year: d.Year, Slug: d.Slug(), Title: d.Title}
}

func refProgramme(p *grip.Programme) programmeRef {
	return programmeRef{ID: p.ID, Key: p.Key, Number: p.Number, Title: p.Title, Slug: p.Slug()}
}

// viewer converts a document's contents; it knows the organisation's names
// of the goal-tree levels.
type viewer struct {
	settings grip.OrgSettings
}

func (v viewer) document(d *grip.Document) documentView {
	out := documentView{
		ID: d.ID, Organisation: d.Organisation, Kind: d.Kind, KindLabel: d.Kind.Label(), Year: d.Year,
		Slug: d.Slug(), Title: d.Title, Status: d.Status, PublishedOn: d.PublishedOn, AdoptedOn: d.AdoptedOn,
		Iv3Year: d.TaakveldYear(), Counts: viewCounts(d.Counts()),
		Programmes: mapList(d.Programmes, v.programme),
	}
	if d.Source != nil {
		out.Source = &sourceView{FileName: d.Source.FileName, SHA256: d.Source.SHA256, Format: d.Source.Format,
			Notes: mapList(d.Source.Notes, func(n *grip.SourceNote) sourceNoteView {
				return sourceNoteView{Line: n.Line, Severity: n.Severity, Message: n.Message, Text: n.Text}
			})}
	}
	return out
}

func (v viewer) programme(p *grip.Programme) programmeView {
	return programmeView{
		ID: p.ID, Key: p.Key, Number: p.Number, Title: p.Title, Slug: p.Slug(),
		PortfolioHolders: list(p.PortfolioHolders), MainObjective: p.MainObjective,
		Principles: list(p.Principles), PolicyNotes: list(p.PolicyNotes),
		Partners: mapList(p.Partners, func(x *grip.Partner) partnerView {
			return partnerView{Name: x.Name, Text: x.Text}
		}),
		Sections:      mapList(p.Sections, viewSection),
		Goals:         v.goals(p.Goals, 0),
		Activities:    mapList(p.Activities, viewActivity),
		Proposals:     mapList(p.Proposals, viewProposal),
		Developments:  mapList(p.Developments, viewDevelopment),
		Indicators:    mapList(p.Indicators, viewIndicator),
		FinanceLines:  mapList(p.FinanceLines, viewFinanceLine),
		VarianceLines: mapList(p.VarianceLines, viewVarianceLine),
		Progress:      mapList(p.Progress, viewProgress),
		Reserves:      mapList(p.Reserves, viewReserve),
	}
}

func viewSection(s *grip.Section) sectionView {
	return sectionView{Kind: s.Kind, Heading: s.Heading, Body: s.Body, Line: s.Line}
}

func (v viewer) goals(gs []grip.Goal, depth int) []goalView {
	out := make([]goalView, len(gs))
	for i := range gs {
		out[i] = v.goal(&gs[i], depth)
	}
	return out
}

func (v viewer) goal(g *grip.Goal, depth int) goalView {
	return goalView{ID: g.ID, Key: g.Key, Title: g.Title, Slug: g.Slug(), Depth: depth,
		Level: v.settings.LevelName(depth), Sections: mapList(g.Sections, viewSection),
		Children: v.goals(g.Children, depth+1), Line: g.Line}
}

func (v viewer) goalRef(g *grip.Goal, depth int) goalRef {
	return goalRef{ID: g.ID, Key: g.Key, Title: g.Title, Slug: g.Slug(), Depth: depth, Level: v.settings.LevelName(depth)}
}

func viewActivity(a *grip.Activity) activityView {
	return activityView{ID: a.ID, Key: a.Key, Title: a.Title, Description: a.Description,
		GoalKeys: list(a.GoalKeys), Line: a.Line}
}

func viewDevelopment(d *grip.Development) developmentView {
	return developmentView{ID: d.ID, Key: d.Key, Title: d.Title, Text: d.Text, GoalKeys: list(d.GoalKeys), Line: d.Line}
}

func viewProposal(p *grip.Proposal) proposalView {
	return proposalView{ID: p.ID, Key: p.Key, Title: p.Title, Text: p.Text, Recurrence: p.Recurrence,
		Amounts: mapList(p.Amounts, func(a *grip.ProposalAmount) proposalAmountView {
			return proposalAmountView{Year: a.Year, Amount: int64(a.Amount), Recurrence: a.Recurrence,
				FromReserve: int64(a.FromReserve), Note: a.Note}
		}),
		Funding: p.Funding, FundingReserve: p.FundingReserve, Decision: p.Decision,
		GoalKeys: list(p.GoalKeys), Line: p.Line}
}

func viewIndicator(in *grip.Indicator) indicatorView {
	return indicatorView{ID: in.ID, Key: in.Key, Name: in.Name, Group: in.Group, Unit: in.Unit, Source: in.Source,
		Mandatory: in.Mandatory, Direction: in.Direction, GoalKeys: list(in.GoalKeys),
		Measurements: mapList(in.Measurements, func(m *grip.Measurement) measurementView {
			return measurementView{Year: m.Year, Kind: m.Kind, Value: m.Value, Word: m.Word, Raw: m.Raw,
				AsOf: m.AsOf, Footnote: m.Footnote, Line: m.Line}
		}),
		Line: in.Line}
}

func viewFinanceLine(f *grip.FinanceLine) financeLineView {
	return financeLineView{ID: f.ID, Key: f.Key, Taakveld: f.Taakveld, Label: f.Label, Side: f.Side, Stage: f.Stage,
		Year: f.Year, Amount: int64(f.Amount), GoalKeys: list(f.GoalKeys), Line: f.Line}
}

func viewVarianceLine(l *grip.VarianceLine) varianceLineView {
	return varianceLineView{ID: l.ID, Key: l.Key, Title: l.Title, GoalKey: l.GoalKey, Taakveld: l.Taakveld,
		Side: l.Side, Amount: int64(l.Amount), VN: grip.VN(l.Amount), Total: l.Total,
		Explanation: l.Explanation, Line: l.Line}
}

func viewProgress(p *grip.ProgressEntry) progressView {
	return progressView{ID: p.ID, Key: p.Key, GoalKey: p.GoalKey, ActivityKey: p.ActivityKey, Title: p.Title,
		Status: p.Status, Plan: p.Plan, Realisation: p.Realisation, Planning: p.Planning, Indicator: p.Indicator,
		Resources: p.Resources, Risks: p.Risks, Line: p.Line}
}

func viewReserve(r *grip.Reserve) reserveView {
	return reserveView{ID: r.ID, Key: r.Key, Name: r.Name, BalanceYear: r.BalanceYear, Balance: int64(r.Balance),
		Mutations: mapList(r.Mutations, func(m *grip.ReserveMutation) reserveMutationView {
			return reserveMutationView{Year: m.Year, Amount: int64(m.Amount), Description: m.Description,
				ProposalKey: m.ProposalKey}
		}),
		Line: r.Line}
}
