package importer

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"grip"
	"grip/iv3"
)

// builtinGemeenten is used when Options.Gemeenten is nil: the gemeenten of
// the documents grip ships with and their neighbours named in them.
var builtinGemeenten = map[string][2]string{
	"twenterand":  {"GM1700", "Twenterand"},
	"hengelo":     {"GM0164", "Hengelo"},
	"hulst":       {"GM0677", "Hulst"},
	"enschede":    {"GM0153", "Enschede"},
	"almelo":      {"GM0141", "Almelo"},
	"borne":       {"GM0147", "Borne"},
	"haaksbergen": {"GM0158", "Haaksbergen"},
	"tubbergen":   {"GM0183", "Tubbergen"},
	"dinkelland":  {"GM1774", "Dinkelland"},
}

func builtinLookup(name string) (string, string, bool) {
	g, ok := builtinGemeenten[strings.ToLower(strings.TrimSpace(name))]
	return g[0], g[1], ok
}

var (
	yearPattern = regexp.MustCompile(`\b(19[89]\d|20\d\d)\b`)
	chromeYear  = regexp.MustCompile(`^[^|]{2,80}\|\s*(19[89]\d|20\d\d)$`)
)

// kindWords maps the words for documents to the kinds.
var kindWords = []struct {
	word string
	kind grip.DocumentKind
}{
	{"kadernota", grip.KindKadernota},
	{"voorjaarsnota", grip.KindKadernota},
	{"perspectiefnota", grip.KindKadernota},
	{"programmabegroting", grip.KindBegroting},
	{"begroting", grip.KindBegroting},
	{"jaarverslag", grip.KindJaarverslag},
	{"jaarstukken", grip.KindJaarverslag},
	{"programmaverantwoording", grip.KindJaarverslag},
	{"jaarrekening", grip.KindJaarrekening},
	{"najaarsnota", grip.KindTussentijds},
	{"voortgangsrapportage", grip.KindTussentijds},
	{"bestuursrapportage", grip.KindTussentijds},
	{"tussentijdse rapportage", grip.KindTussentijds},
	{"berap", grip.KindTussentijds},
	{"turap", grip.KindTussentijds},
}

func kindOf(s string) (grip.DocumentKind, bool) {
	s = strings.ToLower(s)
	for _, kw := range kindWords {
		if strings.Contains(s, kw.word) {
			return kw.kind, true
		}
	}
	return "", false
}

// recognise decides organisation, kind and year: options first, then the
// text, then the file name.
func (p *parser) recognise() (grip.Organisation, Report, error) {
	var rep Report
	lookup := p.opt.Gemeenten
	if lookup == nil {
		lookup = builtinLookup
	}
	base := strings.ToLower(p.name)
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}

	// The title lines: the first non-blank lines and short heading-like lines.
	var head []string
	for _, l := range p.lines {
		if l.blank {
			continue
		}
		if len(head) < 12 || l.heading > 0 {
			head = append(head, l.text)
		}
		if len(head) >= 40 {
			break
		}
	}

	// Kind.
	switch {
	case p.opt.Kind != "":
		if !p.opt.Kind.Valid() {
			return grip.Organisation{}, rep, grip.Errorf(grip.EInvalid, "%s: soort document %q is onbekend: verwacht kadernota, begroting, tussentijdse-rapportage, jaarverslag of jaarrekening", p.name, p.opt.Kind)
		}
		p.kind, rep.KindFrom = p.opt.Kind, "optie"
	default:
		for _, h := range head {
			if len(h) < 120 && !columnLabels(h) {
				if k, ok := kindOf(h); ok {
					p.kind, rep.KindFrom = k, "tekst"
					break
				}
			}
		}
		if p.kind == "" {
			if k, ok := kindOf(strings.NewReplacer("-", " ", "_", " ").Replace(base)); ok {
				p.kind, rep.KindFrom = k, "bestandsnaam"
			}
		}
		if p.kind == "" {
			if k, ok := p.kindFromBody(); ok {
				p.kind, rep.KindFrom = k, "tekst"
			}
		}
		if p.kind == "" {
			return grip.Organisation{}, rep, grip.Errorf(grip.EInvalid, "%s: de soort document staat niet in de tekst of de bestandsnaam; geef --kind op (kadernota, begroting, tussentijdse-rapportage, jaarverslag of jaarrekening)", p.name)
		}
	}

	// Year.
	switch {
	case p.opt.Year != 0:
		if p.opt.Year < 1990 || p.opt.Year > 2100 {
			return grip.Organisation{}, rep, grip.Errorf(grip.EInvalid, "%s: jaar %d is ongeldig", p.name, p.opt.Year)
		}
		p.year, rep.YearFrom = p.opt.Year, "optie"
	default:
		if y := p.yearFromText(); y != 0 {
			p.year, rep.YearFrom = y, "tekst"
		} else if m := yearPattern.FindString(base); m != "" {
			p.year, _ = strconv.Atoi(m)
			rep.YearFrom = "bestandsnaam"
		}
		if p.year == 0 {
			return grip.Organisation{}, rep, grip.Errorf(grip.EInvalid, "%s: het jaar van het document staat niet in de tekst of de bestandsnaam; geef --year op", p.name)
		}
	}

	// Organisation.
	var org grip.Organisation
	if p.opt.Org != "" {
		code := strings.ToUpper(strings.TrimSpace(p.opt.Org))
		if !grip.ValidOrgCode(code) {
			return org, rep, grip.Errorf(grip.EInvalid, "%s: organisatiecode %q is ongeldig: verwacht een CBS-code zoals GM0164", p.name, p.opt.Org)
		}
		org.Code = code
		org.Name = p.opt.OrgName
		if org.Name == "" {
			// Find the name of the code in the text or file name.
			if c, n := p.orgFromText(lookup, base); c == code {
				org.Name = n
			}
		}
		if org.Name == "" {
			org.Name = code
		}
		rep.OrgFrom = "optie"
	} else {
		code, name := p.orgFromText(lookup, base)
		if code == "" {
			return org, rep, grip.Errorf(grip.EInvalid, "%s: de gemeente is niet herkend in de tekst of de bestandsnaam; geef --org op met de CBS-code (bijvoorbeeld GM0164)", p.name)
		}
		org.Code, org.Name = code, name
		rep.OrgFrom = p.orgFrom
	}
	org.Kind = grip.OrgGemeente
	if !strings.HasPrefix(org.Code, "GM") {
		org.Kind = grip.OrgRegio
	}
	org.Slug = grip.Slugify(org.Name)
	if org.Slug == "" {
		org.Slug = strings.ToLower(org.Code)
	}
	p.org = org
	rep.Organisation = org.Code
	rep.Kind = p.kind
	rep.Year = p.year
	return org, rep, nil
}

func (p *parser) kindFromBody() (grip.DocumentKind, bool) {
	counts := map[grip.DocumentKind]int{}
	n := 0
	for _, l := range p.lines {
		if l.blank {
			continue
		}
		low := strings.ToLower(headOf(l.text))
		for _, kw := range kindWords {
			if strings.Contains(low, kw.word) {
				if !columnLabels(l.text) {
					counts[kw.kind]++
				}
				break
			}
		}
		if n++; n > 5000 {
			break
		}
	}
	best, bestN := grip.DocumentKind(""), 0
	for _, k := range grip.DocumentKinds() {
		if counts[k] > bestN {
			best, bestN = k, counts[k]
		}
	}
	return best, bestN > 0
}

// columnLabels reports whether a line is the column labels of a table
// ("Begroting 2022", "Rekening 2020 | Begroting 2021 | …"), which name the
// years of the figures, not the document's kind and year.
func columnLabels(s string) bool {
	if len(s) >= 300 {
		return false
	}
	if len(s) < 40 && gridStartWord(s) && (reStageYear.MatchString(s) || reStageWord.MatchString(s)) {
		return true
	}
	years := countYears(s, 3)
	return years >= 3 || years >= 2 && strings.Count(s, "|") >= 2
}

// yearFromText finds "Kadernota 2020" or a "Sociale zaken | 2020" line; else
// the year that follows the word of the document's kind most often.
func (p *parser) yearFromText() int {
	counts := map[int]int{}
	n := 0
	for _, l := range p.lines {
		if l.blank {
			continue
		}
		if n++; n > 3000 {
			break
		}
		if len(l.text) < 100 && strings.IndexByte(l.text, '|') >= 0 {
			if m := chromeYear.FindStringSubmatch(l.text); m != nil {
				y, _ := strconv.Atoi(m[1])
				counts[y] += 3
			}
		}
		if ys := kindYears(l.text, p.kind); len(ys) > 0 && !columnLabels(l.text) {
			for _, y := range ys {
				counts[y] += 2
			}
		}
	}
	best, bestN := 0, 0
	for y, c := range counts {
		if c > bestN || (c == bestN && y < best) {
			best, bestN = y, c
		}
	}
	return best
}

// orgFromText counts the gemeente names in the text ("gemeente X" counts
// more) and the file name; the most named wins.
func (p *parser) orgFromText(lookup GemeenteLookup, base string) (string, string) {
	type cand struct {
		code, name string
		score      int
		fromText   bool
	}
	cands := map[string]*cand{}
	add := func(words []string, i, n, weight int, fromText bool) {
		if i+n > len(words) {
			return
		}
		name := strings.Join(words[i:i+n], " ")
		if len(name) < 3 {
			return
		}
		code, canon, ok := lookup(name)
		if !ok {
			return
		}
		if len(name) < 5 && weight < 3 {
			return // short names ("Ede", "Oss") only after "gemeente"
		}
		c := cands[code]
		if c == nil {
			c = &cand{code: code, name: canon}
			cands[code] = c
		}
		c.score += weight
		c.fromText = c.fromText || fromText
	}
	scanned := 0
	for _, l := range p.lines {
		if l.blank {
			continue
		}
		words := nameWords(headOf(l.text))
		for i, w := range words {
			r := []rune(w)
			if len(r) == 0 || !(unicode.IsUpper(r[0]) || w[0] == '\'') {
				continue
			}
			weight := 1
			if i > 0 && strings.EqualFold(words[i-1], "gemeente") {
				weight = 3
			}
			for n := 1; n <= 3; n++ {
				add(words, i, n, weight, true)
			}
		}
		scanned += len(l.text)
		if scanned > 32<<10 {
			break
		}
	}
	// The file name: words between separators.
	fw := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ' ' })
	for i := range fw {
		for n := 1; n <= 3; n++ {
			if i+n <= len(fw) {
				name := strings.Join(fw[i:i+n], " ")
				if code, canon, ok := lookup(name); ok && len(name) >= 3 {
					c := cands[code]
					if c == nil {
						c = &cand{code: code, name: canon}
						cands[code] = c
					}
					c.score += 5
				}
			}
		}
	}
	list := make([]*cand, 0, len(cands))
	for _, c := range cands {
		list = append(list, c)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return list[i].code < list[j].code
	})
	if len(list) == 0 {
		return "", ""
	}
	if list[0].fromText {
		p.orgFrom = "tekst"
	} else {
		p.orgFrom = "bestandsnaam"
	}
	if len(list) > 1 && list[1].score*2 > list[0].score {
		p.note(0, grip.SeverityInfo, "meerdere gemeenten genoemd; gekozen: "+list[0].name+" ("+list[0].code+"), ook genoemd: "+list[1].name, "")
	}
	return list[0].code, list[0].name
}

// nameWords splits text into words for name matching, keeping hyphens and
// apostrophes inside names ("Midden-Groningen", "'s-Hertogenbosch").
func nameWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || r == '-' || r == '\'' || r == '’')
	})
}

// LookupIn adapts the national gemeente table of package iv3 to a
// GemeenteLookup.
func LookupIn(g *iv3.Gemeenten) GemeenteLookup {
	return func(name string) (string, string, bool) {
		gm, ok := g.Lookup(name)
		if !ok {
			return "", "", false
		}
		return gm.Code, gm.Name, true
	}
}

// headOf is the start of a line, enough to recognise names in.
func headOf(s string) string {
	if len(s) > 4096 {
		return s[:4096]
	}
	return s
}

// kindYears finds "<word for kind> <year>" in s ("Begroting 2019",
// "kadernota2020"), for the words of kind.
func kindYears(s string, kind grip.DocumentKind) []int {
	s = headOf(s)
	if !strings.Contains(s, "20") && !strings.Contains(s, "19") {
		return nil
	}
	low := strings.ToLower(s)
	var out []int
	for _, kw := range kindWords {
		if kw.kind != kind {
			continue
		}
		from := 0
		for {
			k := strings.Index(low[from:], kw.word)
			if k < 0 {
				break
			}
			at := from + k + len(kw.word)
			from = at
			j := at
			for j < len(low) && low[j] == ' ' {
				j++
			}
			if j+4 <= len(low) && isDigit(low[j]) && isDigit(low[j+1]) && isDigit(low[j+2]) && isDigit(low[j+3]) && (j+4 == len(low) || !isDigit(low[j+4])) {
				y, _ := strconv.Atoi(low[j : j+4])
				if y >= 1980 && y <= 2099 {
					out = append(out, y)
				}
			}
		}
	}
	return out
}
