package site

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"golang.org/x/text/unicode/norm"

	"grip"
)

// searchIndex is an in-memory index of one document: every programme, goal,
// activity, proposal and indicator with its words. A query word matches a
// word of the document when one starts with the other's Dutch stem
// ("schulden" → "schuld" → "schuldhulpverlening") or when the stem is a
// part of a compound ("zorg" in "jeugdzorgaanbieders").
type searchIndex struct {
	entries []searchEntry
	vocab   map[string][]posting
}

type searchEntry struct {
	kind  string
	title string
	url   string
	text  string
}

type posting struct {
	entry  int
	weight int
}

// words splits s into lower-case words without accents.
func words(s string) []string {
	s = strings.ToLower(s)
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out
}

func stem(w string) string {
	env := snowballstem.NewEnv(w)
	dutch.Stem(env)
	return env.Current()
}

func buildSearch(x *docIndex) *searchIndex {
	s := &searchIndex{vocab: map[string][]posting{}}
	add := func(kind, title, url string, texts ...string) {
		i := len(s.entries)
		text := strings.Join(texts, " ")
		s.entries = append(s.entries, searchEntry{kind: kind, title: title, url: url, text: text})
		seen := map[string]int{}
		for _, w := range words(title) {
			seen[w] = 3
		}
		for _, w := range words(text) {
			if _, ok := seen[w]; !ok {
				seen[w] = 1
			}
		}
		for w, wt := range seen {
			s.vocab[w] = append(s.vocab[w], posting{entry: i, weight: wt})
		}
	}
	for _, p := range x.progs {
		var texts []string
		for _, sec := range p.p.Sections {
			texts = append(texts, sec.Body)
		}
		// Everything a reader sees on the programme page is found through
		// it: uitgangspunten, beleidsnota's and verbonden partijen too.
		texts = append(texts, p.p.MainObjective)
		texts = append(texts, p.p.Principles...)
		texts = append(texts, p.p.PolicyNotes...)
		for _, pt := range p.p.Partners {
			texts = append(texts, pt.Name, pt.Text)
		}
		add("Programma", p.p.Title, x.progURL(p), texts...)
		// Progress (voortgang) is shown on its goal's or activity's page
		// and is found there.
		progress := map[string][]string{}
		for _, e := range p.p.Progress {
			t := []string{e.Title, e.Plan, e.Realisation, e.Planning, e.Indicator, e.Resources, e.Risks}
			if e.ActivityKey != "" {
				progress["a:"+e.ActivityKey] = append(progress["a:"+e.ActivityKey], t...)
			}
			if e.GoalKey != "" {
				progress["g:"+e.GoalKey] = append(progress["g:"+e.GoalKey], t...)
			}
		}
		var goals []*goalNode
		for _, r := range p.roots {
			goals = append(goals, r.subtree()...)
		}
		for _, g := range goals {
			var t []string
			for _, sec := range g.g.Sections {
				t = append(t, sec.Body)
			}
			t = append(t, progress["g:"+g.g.Key]...)
			add(x.levelName(g.depth), g.g.Title, x.goalURL(p, g), t...)
		}
		for _, a := range p.acts {
			add("Activiteit", a.a.Title, x.actURL(p, a), append([]string{a.a.Description}, progress["a:"+a.a.Key]...)...)
		}
		for _, n := range p.props {
			add("Voorstel", n.p.Title, x.propURL(p, n), n.p.Text, n.p.Funding)
		}
		for _, n := range p.inds {
			add("Indicator", n.in.Name, x.indURL(p, n), n.in.Group, n.in.Source)
		}
		for i := range p.p.Developments {
			d := &p.p.Developments[i]
			url := x.progURL(p)
			for _, k := range d.GoalKeys {
				if g := p.goalByKey[k]; g != nil {
					url = x.goalURL(p, g)
					break
				}
			}
			add("Ontwikkeling", d.Title, url, d.Text)
		}
	}
	return s
}

// searchHit is an entry with its score.
type searchHit struct {
	entry *searchEntry
	score int
}

// search returns the entries that match every word of the query, best first.
func (s *searchIndex) search(q string) []searchHit {
	qs := words(q)
	if len(qs) == 0 {
		return nil
	}
	scores := map[int]int{}
	for n, w := range qs {
		st := stem(w)
		matched := map[int]int{}
		for term, ps := range s.vocab {
			if !termMatches(term, w, st) {
				continue
			}
			for _, p := range ps {
				if p.weight > matched[p.entry] {
					matched[p.entry] = p.weight
				}
			}
		}
		if n == 0 {
			scores = matched
			continue
		}
		for e, sc := range scores {
			if m, ok := matched[e]; ok {
				scores[e] = sc + m
			} else {
				delete(scores, e)
			}
		}
	}
	hits := make([]searchHit, 0, len(scores))
	for e, sc := range scores {
		hits = append(hits, searchHit{entry: &s.entries[e], score: sc})
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].entry.url < hits[j].entry.url
	})
	return hits
}

func termMatches(term, w, st string) bool {
	if strings.HasPrefix(term, w) {
		return true
	}
	if len(st) >= 3 && strings.HasPrefix(term, st) {
		return true
	}
	// A part of a compound: "zorg" in "jeugdzorg". Short stems would match
	// too much inside words.
	if len(st) >= 4 && strings.Contains(term, st) {
		return true
	}
	return false
}

// snippet returns a part of text around the first word that matches.
func snippet(text, q string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return ""
	}
	lower := strings.ToLower(text)
	at := -1
	for _, w := range words(q) {
		st := stem(w)
		if i := strings.Index(lower, st); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		at = 0
	}
	start := max(0, at-80)
	end := min(len(text), at+160)
	for start > 0 && !isBoundary(text, start) {
		start--
	}
	for end < len(text) && !isBoundary(text, end) {
		end++
	}
	out := strings.TrimSpace(text[start:end])
	if start > 0 {
		out = "… " + out
	}
	if end < len(text) {
		out += " …"
	}
	return out
}

func isBoundary(s string, i int) bool { return s[i] == ' ' }

const maxResults = 100

func (s *server) searchPage(ctx context.Context, org *orgEntry, q string) (page, error) {
	q = strings.TrimSpace(q)
	if len(q) > 200 {
		return nil, grip.Errorf(grip.EInvalid, "de zoekvraag is te lang: gebruik hooguit 200 tekens")
	}
	v := &searchView{Base: Base{Title: "Zoeken in de documenten van " + org.org.Name, OrgName: org.org.Name, OrgSlug: org.org.Slug,
		Query: q, Crumbs: []Crumb{{Label: "Home", URL: "/"}, {Label: org.org.Name, URL: "/" + org.org.Slug}, {Label: "Zoeken"}}}}
	if q == "" {
		return v, nil
	}
	v.Asked = true
	type docHit struct {
		searchHit
		doc string
	}
	var all []docHit
	// Newest documents first.
	infos := append([]grip.DocumentInfo(nil), org.docs...)
	sort.SliceStable(infos, func(i, j int) bool { return infos[i].Year > infos[j].Year })
	for _, di := range infos {
		d, err := s.document(ctx, org, docSlug(di.Kind, di.Year))
		if err != nil {
			return nil, err
		}
		label := di.Kind.Label() + " " + strconv.Itoa(di.Year)
		for _, h := range d.idx.search.search(q) {
			all = append(all, docHit{searchHit: h, doc: label})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	for i, h := range all {
		if i >= maxResults {
			v.More = len(all) - maxResults
			break
		}
		v.Results = append(v.Results, SearchResult{Link: Link{Label: h.entry.title, URL: h.entry.url}, Kind: h.entry.kind,
			Document: h.doc, Snippet: snippet(h.entry.text, q)})
	}
	return v, nil
}
