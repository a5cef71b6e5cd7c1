package api

import (
	"net/http"
	"slices"

	"grip"
	"grip/httpx"
)

// entityRoute describes the route of one kind of entity:
// /api/v1/organisations/{org}/<path>/{id}.
type entityRoute struct {
	kind     grip.EntityKind
	path     string
	label    string // Dutch name for messages
	opID     string
	summary  string
	response any
	// build finds the entity with id in the document and returns its
	// response, or false when the document does not hold it.
	build func(c *entityContext, id int64) (any, bool)
}

// entityContext is a located document being searched for an entity.
type entityContext struct {
	doc *grip.Document
	v   viewer
}

func entityRoutes() []entityRoute {
	return []entityRoute{
		{kind: grip.EntityProgramme, path: "programmes", label: "programma", opID: "getProgramme",
			summary: "Een programma met zijn hele doelenboom en alles wat eraan hangt", response: programmeResponse{},
			build: func(c *entityContext, id int64) (any, bool) {
				for i := range c.doc.Programmes {
					if p := &c.doc.Programmes[i]; p.ID == id {
						return programmeResponse{Document: refDocument(c.doc), Programme: c.v.programme(p)}, true
					}
				}
				return nil, false
			}},
		{kind: grip.EntityGoal, path: "goals", label: "doel", opID: "getGoal",
			summary:  "Een thema, doel of subdoel met zijn onderliggende doelen, de doelen erboven en wat eraan gekoppeld is",
			response: goalResponse{}, build: (*entityContext).goal},
		{kind: grip.EntityActivity, path: "activities", label: "activiteit", opID: "getActivity",
			summary: "Een activiteit met de doelen waaraan zij bijdraagt", response: activityResponse{},
			build: func(c *entityContext, id int64) (any, bool) {
				return find(c, id, func(p *grip.Programme) []grip.Activity { return p.Activities },
					func(a *grip.Activity) int64 { return a.ID },
					func(p *grip.Programme, a *grip.Activity) any {
						return activityResponse{Document: refDocument(c.doc), Programme: refProgramme(p),
							Activity: viewActivity(a), Goals: c.goalRefs(p, a.GoalKeys)}
					})
			}},
		{kind: grip.EntityProposal, path: "proposals", label: "voorstel", opID: "getProposal",
			summary: "Een voorstel met zijn bedragen per jaar, dekking en doelen", response: proposalResponse{},
			build: func(c *entityContext, id int64) (any, bool) {
				return find(c, id, func(p *grip.Programme) []grip.Proposal { return p.Proposals },
					func(x *grip.Proposal) int64 { return x.ID },
					func(p *grip.Programme, x *grip.Proposal) any {
						out := proposalResponse{Document: refDocument(c.doc), Programme: refProgramme(p),
							Proposal: viewProposal(x), Goals: c.goalRefs(p, x.GoalKeys)}
						if x.FundingReserve != "" {
							for i := range p.Reserves {
								if r := &p.Reserves[i]; r.Key == x.FundingReserve {
									out.Reserve = &entityRef{ID: r.ID, Key: r.Key, Title: r.Name}
								}
							}
						}
						return out
					})
			}},
		{kind: grip.EntityDevelopment, path: "developments", label: "ontwikkeling", opID: "getDevelopment",
			summary: "Een ontwikkeling of risico", response: developmentResponse{},
			build: func(c *entityContext, id int64) (any, bool) {
				return find(c, id, func(p *grip.Programme) []grip.Development { return p.Developments },
					func(x *grip.Development) int64 { return x.ID },
					func(p *grip.Programme, x *grip.Development) any {
						return developmentResponse{Document: refDocument(c.doc), Programme: refProgramme(p),
							Development: viewDevelopment(x), Goals: c.goalRefs(p, x.GoalKeys)}
					})
			}},
		{kind: grip.EntityIndicator, path: "indicators", label: "indicator", opID: "getIndicator",
			summary: "Een indicator met zijn waarden over de jaren", response: indicatorResponse{},
			build: func(c *entityContext, id int64) (any, bool) {
				return find(c, id, func(p *grip.Programme) []grip.Indicator { return p.Indicators },
					func(x *grip.Indicator) int64 { return x.ID },
					func(p *grip.Programme, x *grip.Indicator) any {
						return indicatorResponse{Document: refDocument(c.doc), Programme: refProgramme(p),
							Indicator: viewIndicator(x), Goals: c.goalRefs(p, x.GoalKeys)}
					})
			}},
		{kind: grip.EntityFinanceLine, path: "finance-lines", label: "financiële regel", opID: "getFinanceLine",
			summary: "Een financiële regel: lasten of baten op een taakveld in een jaar", response: financeLineResponse{},
			build: func(c *entityContext, id int64) (any, bool) {
				return find(c, id, func(p *grip.Programme) []grip.FinanceLine { return p.FinanceLines },
					func(x *grip.FinanceLine) int64 { return x.ID },
					func(p *grip.Programme, x *grip.FinanceLine) any {
						return financeLineResponse{Document: refDocument(c.doc), Programme: refProgramme(p),
							FinanceLine: viewFinanceLine(x), Goals: c.goalRefs(p, x.GoalKeys)}
					})
			}},
		{kind: grip.EntityVarianceLine, path: "variance-lines", label: "regel van de verschillenanalyse", opID: "getVarianceLine",
			summary: "Een regel van de verschillenanalyse", response: varianceLineResponse{},
			build: func(c *entityContext, id int64) (any, bool) {
				return find(c, id, func(p *grip.Programme) []grip.VarianceLine { return p.VarianceLines },
					func(x *grip.VarianceLine) int64 { return x.ID },
					func(p *grip.Programme, x *grip.VarianceLine) any {
						return varianceLineResponse{Document: refDocument(c.doc), Programme: refProgramme(p),
							VarianceLine: viewVarianceLine(x), Goals: c.goalRefs(p, oneKey(x.GoalKey))}
					})
			}},
		{kind: grip.EntityProgress, path: "progress", label: "voortgang", opID: "getProgress",
			summary: "Voortgang op een doel of activiteit", response: progressResponse{},
			build: func(c *entityContext, id int64) (any, bool) {
				return find(c, id, func(p *grip.Programme) []grip.ProgressEntry { return p.Progress },
					func(x *grip.ProgressEntry) int64 { return x.ID },
					func(p *grip.Programme, x *grip.ProgressEntry) any {
						out := progressResponse{Document: refDocument(c.doc), Programme: refProgramme(p),
							Progress: viewProgress(x), Goals: c.goalRefs(p, oneKey(x.GoalKey))}
						for i := range p.Activities {
							if a := &p.Activities[i]; x.ActivityKey != "" && a.Key == x.ActivityKey {
								out.Activity = &entityRef{ID: a.ID, Key: a.Key, Title: a.Title}
							}
						}
						return out
					})
			}},
		{kind: grip.EntityReserve, path: "reserves", label: "reserve", opID: "getReserve",
			summary: "Een reserve met haar mutaties en de voorstellen die eruit gedekt worden", response: reserveResponse{},
			build: func(c *entityContext, id int64) (any, bool) {
				return find(c, id, func(p *grip.Programme) []grip.Reserve { return p.Reserves },
					func(x *grip.Reserve) int64 { return x.ID },
					func(p *grip.Programme, x *grip.Reserve) any {
						out := reserveResponse{Document: refDocument(c.doc), Programme: refProgramme(p),
							Reserve: viewReserve(x), Proposals: []entityRef{}}
						for i := range p.Proposals {
							if q := &p.Proposals[i]; q.FundingReserve == x.Key {
								out.Proposals = append(out.Proposals, entityRef{ID: q.ID, Key: q.Key, Title: q.Title})
							}
						}
						return out
					})
			}},
	}
}

// entityHandler serves one kind of entity: the store locates the document
// of the organisation that holds it, and the response is built from that
// document. An id of another organisation is not found by Locate.
func (s *server) entityHandler(e entityRoute) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := parseID(r.PathValue("id"))
		if err != nil {
			return err
		}
		org, err := s.organisation(r)
		if err != nil {
			return err
		}
		docID, err := s.store.Locate(r.Context(), org.Code, e.kind, id)
		if grip.ErrorCode(err) == grip.ENotFound {
			// The store names the kind by its code ("goal"); the reader
			// gets the Dutch word.
			return grip.Errorf(grip.ENotFound, "%s %d bestaat niet bij organisatie %s", e.label, id, org.Code)
		}
		if err != nil {
			return err
		}
		doc, err := s.store.Document(r.Context(), org.Code, docID)
		if err != nil {
			return err
		}
		c := &entityContext{doc: doc, v: viewer{settings: org.Settings}}
		resp, ok := e.build(c, id)
		if !ok {
			return grip.Errorf(grip.ENotFound, "%s %d bestaat niet bij organisatie %s", e.label, id, org.Code)
		}
		httpx.WriteJSON(w, http.StatusOK, resp)
		return nil
	}
}

// find looks for the element with id among the lists of every programme.
func find[T any](c *entityContext, id int64, items func(*grip.Programme) []T, idOf func(*T) int64,
	build func(*grip.Programme, *T) any) (any, bool) {
	for i := range c.doc.Programmes {
		p := &c.doc.Programmes[i]
		xs := items(p)
		for j := range xs {
			if idOf(&xs[j]) == id {
				return build(p, &xs[j]), true
			}
		}
	}
	return nil, false
}

func oneKey(k string) []string {
	if k == "" {
		return nil
	}
	return []string{k}
}

// goalRefs resolves goal keys of programme p to references, in the order of
// keys; unknown keys are left out.
func (c *entityContext) goalRefs(p *grip.Programme, keys []string) []goalRef {
	out := []goalRef{}
	for _, k := range keys {
		grip.WalkGoals(p.Goals, func(g *grip.Goal, depth int, _ []*grip.Goal) bool {
			if g.Key == k {
				out = append(out, c.v.goalRef(g, depth))
				return false
			}
			return true
		})
	}
	return out
}

// goal builds the response of the goal with id: the goal with its subtree,
// its ancestors, and everything of its programme linked to it.
func (c *entityContext) goal(id int64) (any, bool) {
	for i := range c.doc.Programmes {
		p := &c.doc.Programmes[i]
		var out *goalResponse
		grip.WalkGoals(p.Goals, func(g *grip.Goal, depth int, parents []*grip.Goal) bool {
			if g.ID != id {
				return true
			}
			anc := make([]goalRef, len(parents))
			for d, a := range parents {
				anc[d] = c.v.goalRef(a, d)
			}
			out = &goalResponse{Document: refDocument(c.doc), Programme: refProgramme(p),
				Goal: c.v.goal(g, depth), Ancestors: anc, Links: links(p, g.Key)}
			return false
		})
		if out != nil {
			return *out, true
		}
	}
	return nil, false
}

// links lists what of programme p is linked to the goal with key.
func links(p *grip.Programme, key string) goalLinks {
	l := goalLinks{Activities: []entityRef{}, Proposals: []entityRef{}, Developments: []entityRef{},
		Indicators: []entityRef{}, FinanceLines: []entityRef{}, VarianceLines: []entityRef{}, Progress: []entityRef{}}
	for _, x := range p.Activities {
		if slices.Contains(x.GoalKeys, key) {
			l.Activities = append(l.Activities, entityRef{ID: x.ID, Key: x.Key, Title: x.Title})
		}
	}
	for _, x := range p.Proposals {
		if slices.Contains(x.GoalKeys, key) {
			l.Proposals = append(l.Proposals, entityRef{ID: x.ID, Key: x.Key, Title: x.Title})
		}
	}
	for _, x := range p.Developments {
		if slices.Contains(x.GoalKeys, key) {
			l.Developments = append(l.Developments, entityRef{ID: x.ID, Key: x.Key, Title: x.Title})
		}
	}
	for _, x := range p.Indicators {
		if slices.Contains(x.GoalKeys, key) {
			l.Indicators = append(l.Indicators, entityRef{ID: x.ID, Key: x.Key, Title: x.Name})
		}
	}
	for _, x := range p.FinanceLines {
		if slices.Contains(x.GoalKeys, key) {
			title := x.Label
			if title == "" {
				title = x.Taakveld
			}
			l.FinanceLines = append(l.FinanceLines, entityRef{ID: x.ID, Key: x.Key, Title: title})
		}
	}
	for _, x := range p.VarianceLines {
		if x.GoalKey == key {
			l.VarianceLines = append(l.VarianceLines, entityRef{ID: x.ID, Key: x.Key, Title: x.Title})
		}
	}
	for _, x := range p.Progress {
		if x.GoalKey == key {
			l.Progress = append(l.Progress, entityRef{ID: x.ID, Key: x.Key, Title: x.Title})
		}
	}
	return l
}
