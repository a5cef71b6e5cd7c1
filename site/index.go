package site

import (
	"sort"
	"strconv"
	"strings"

	"grip"
)

// Fixed URL names under a programme. Goal slugs never take them.
const (
	activitiesSlug = "activiteiten"
	proposalsSlug  = "voorstellen"
	indicatorsSlug = "indicatoren"
	searchSlug     = "zoeken"
)

// docIndex is a document prepared for the site: every entity with its URL
// name and the links between them both ways. It is built once per stored
// version of a document and only read afterwards.
type docIndex struct {
	org        *grip.Organisation
	doc        *grip.Document
	slug       string
	progs      []*progIndex
	progBySlug map[string]*progIndex
	taakvelden grip.TaakveldCatalog
	search     *searchIndex
}

// progIndex is one programme with its entities by URL name and key.
type progIndex struct {
	p          *grip.Programme
	slug       string
	roots      []*goalNode
	goalByPath map[string]*goalNode
	goalByKey  map[string]*goalNode
	acts       []*activityNode
	actBySlug  map[string]*activityNode
	props      []*proposalNode
	propBySlug map[string]*proposalNode
	inds       []*indicatorNode
	indBySlug  map[string]*indicatorNode
}

// goalNode is a goal of the tree with what links to it.
type goalNode struct {
	g        *grip.Goal
	slug     string
	path     string // under the programme: "jeugd/doel-1"
	depth    int
	parent   *goalNode
	children []*goalNode

	acts     []*activityNode
	props    []*proposalNode
	inds     []*indicatorNode
	devs     []*grip.Development
	progress []*grip.ProgressEntry
	finance  []grip.FinanceLine
}

type activityNode struct {
	a     *grip.Activity
	slug  string
	goals []*goalNode
}

type proposalNode struct {
	p     *grip.Proposal
	slug  string
	goals []*goalNode
}

type indicatorNode struct {
	in    *grip.Indicator
	slug  string
	goals []*goalNode
}

// slugger hands out unique URL names within one scope, deterministically in
// the order asked: the second "jeugd" becomes "jeugd-2".
type slugger map[string]bool

func (s slugger) take(title, fallback string) string {
	base := grip.Slugify(title)
	if base == "" {
		base = fallback
	}
	slug := base
	for n := 2; s[slug]; n++ {
		slug = base + "-" + strconv.Itoa(n)
	}
	s[slug] = true
	return slug
}

func buildIndex(org *grip.Organisation, doc *grip.Document, cat grip.TaakveldCatalog, ext extensions) *docIndex {
	x := &docIndex{org: org, doc: doc, slug: doc.Slug(), progBySlug: map[string]*progIndex{}, taakvelden: cat}
	progSlugs := slugger{searchSlug: true}
	for _, p := range ext.docPages {
		progSlugs[p.Slug] = true
	}
	for i := range doc.Programmes {
		p := &doc.Programmes[i]
		pi := indexProgramme(p, progSlugs.take(p.Title, "programma-"+strconv.Itoa(i+1)))
		x.progs = append(x.progs, pi)
		x.progBySlug[pi.slug] = pi
	}
	x.search = buildSearch(x)
	return x
}

func indexProgramme(p *grip.Programme, slug string) *progIndex {
	pi := &progIndex{p: p, slug: slug, goalByPath: map[string]*goalNode{}, goalByKey: map[string]*goalNode{},
		actBySlug: map[string]*activityNode{}, propBySlug: map[string]*proposalNode{}, indBySlug: map[string]*indicatorNode{}}
	var add func(gs []grip.Goal, parent *goalNode, depth int) []*goalNode
	add = func(gs []grip.Goal, parent *goalNode, depth int) []*goalNode {
		sl := slugger{}
		if depth == 0 {
			sl[activitiesSlug], sl[proposalsSlug], sl[indicatorsSlug] = true, true, true
		}
		var out []*goalNode
		for i := range gs {
			g := &gs[i]
			n := &goalNode{g: g, depth: depth, parent: parent, slug: sl.take(g.Title, "onderdeel-"+strconv.Itoa(i+1))}
			n.path = n.slug
			if parent != nil {
				n.path = parent.path + "/" + n.slug
			}
			pi.goalByPath[n.path] = n
			if _, dup := pi.goalByKey[g.Key]; !dup && g.Key != "" {
				pi.goalByKey[g.Key] = n
			}
			n.children = add(g.Children, n, depth+1)
			out = append(out, n)
		}
		return out
	}
	pi.roots = add(p.Goals, nil, 0)

	goalsOf := func(keys []string) []*goalNode {
		var out []*goalNode
		seen := map[*goalNode]bool{}
		for _, k := range keys {
			if g := pi.goalByKey[k]; g != nil && !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
		return out
	}
	sl := slugger{}
	for i := range p.Activities {
		a := &p.Activities[i]
		n := &activityNode{a: a, slug: sl.take(a.Title, "activiteit-"+strconv.Itoa(i+1)), goals: goalsOf(a.GoalKeys)}
		pi.acts = append(pi.acts, n)
		pi.actBySlug[n.slug] = n
		for _, g := range n.goals {
			g.acts = append(g.acts, n)
		}
	}
	sl = slugger{}
	for i := range p.Proposals {
		pr := &p.Proposals[i]
		n := &proposalNode{p: pr, slug: sl.take(pr.Title, "voorstel-"+strconv.Itoa(i+1)), goals: goalsOf(pr.GoalKeys)}
		pi.props = append(pi.props, n)
		pi.propBySlug[n.slug] = n
		for _, g := range n.goals {
			g.props = append(g.props, n)
		}
	}
	sl = slugger{}
	for i := range p.Indicators {
		in := &p.Indicators[i]
		n := &indicatorNode{in: in, slug: sl.take(in.Name, "indicator-"+strconv.Itoa(i+1)), goals: goalsOf(in.GoalKeys)}
		pi.inds = append(pi.inds, n)
		pi.indBySlug[n.slug] = n
		for _, g := range n.goals {
			g.inds = append(g.inds, n)
		}
	}
	for i := range p.Developments {
		d := &p.Developments[i]
		for _, g := range goalsOf(d.GoalKeys) {
			g.devs = append(g.devs, d)
		}
	}
	for i := range p.Progress {
		e := &p.Progress[i]
		if g := pi.goalByKey[e.GoalKey]; g != nil {
			g.progress = append(g.progress, e)
		}
	}
	for _, l := range p.FinanceLines {
		for _, g := range goalsOf(l.GoalKeys) {
			g.finance = append(g.finance, l)
		}
	}
	return pi
}

// Entity URLs. Every URL of the site is made here.

func (x *docIndex) orgURL() string { return "/" + x.org.Slug }
func (x *docIndex) docURL() string { return "/" + x.org.Slug + "/" + x.slug }
func (x *docIndex) progURL(p *progIndex) string {
	return x.docURL() + "/" + p.slug
}
func (x *docIndex) goalURL(p *progIndex, g *goalNode) string {
	return x.progURL(p) + "/" + g.path
}
func (x *docIndex) actURL(p *progIndex, a *activityNode) string {
	return x.progURL(p) + "/" + activitiesSlug + "/" + a.slug
}
func (x *docIndex) propURL(p *progIndex, n *proposalNode) string {
	return x.progURL(p) + "/" + proposalsSlug + "/" + n.slug
}
func (x *docIndex) indURL(p *progIndex, n *indicatorNode) string {
	return x.progURL(p) + "/" + indicatorsSlug + "/" + n.slug
}

// ancestors returns the goal's chain from the theme down to its parent.
func (g *goalNode) ancestors() []*goalNode {
	var chain []*goalNode
	for p := g.parent; p != nil; p = p.parent {
		chain = append(chain, p)
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	return chain
}

// descendants returns g and every goal below it.
func (g *goalNode) subtree() []*goalNode {
	out := []*goalNode{g}
	for _, c := range g.children {
		out = append(out, c.subtree()...)
	}
	return out
}

// sortedYears returns the keys of m ascending.
func sortedYears[V any](m map[int]V) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// levelName is the organisation's name of a goal-tree level, capitalised.
func (x *docIndex) levelName(depth int) string {
	n := x.org.Settings.LevelName(depth)
	if n == "" {
		return ""
	}
	return strings.ToUpper(n[:1]) + n[1:]
}
