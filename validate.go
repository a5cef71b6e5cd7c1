package grip

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Years a document, amount or measurement may be about.
const (
	MinYear = 1990
	MaxYear = 2100
)

// maxProblems caps the problems one validation reports.
const maxProblems = 20

// ValidateDocument checks a whole document before it is stored: its kind,
// status and year; keys unique per programme (per kind of entity, and
// programme keys per document); every goal_keys, goal_key, activity_key,
// proposal_key and funding_reserve referring to an entity of the programme;
// each proposal naming a year at most once; valid units, stages, sides,
// statuses; and taakveld codes valid for the document's TaakveldYear in tv.
// The error is an *Error (EInvalid) whose message names each problem's JSON
// path, e.g. programmes[0].proposals[3].amounts[1].year.
func ValidateDocument(d *Document, tv TaakveldCatalog) error {
	return ValidateDocumentAt(d, tv, "")
}

// ValidateDocumentAt is ValidateDocument for a document found at path in a
// larger file ("documents[2]"): every problem's path starts with it.
func ValidateDocumentAt(d *Document, tv TaakveldCatalog, path string) error {
	v := &validator{tv: tv, prefix: path}
	v.document(d)
	return v.err(d)
}

type validator struct {
	tv       TaakveldCatalog
	prefix   string
	problems []string
}

func (v *validator) addf(path, format string, args ...any) {
	if v.prefix != "" {
		if path == "" {
			path = v.prefix
		} else {
			path = v.prefix + "." + path
		}
	}
	msg := fmt.Sprintf(format, args...)
	if path != "" {
		msg = path + ": " + msg
	}
	v.problems = append(v.problems, msg)
}

func (v *validator) err(d *Document) error {
	if len(v.problems) == 0 {
		return nil
	}
	ps := v.problems
	more := ""
	if len(ps) > maxProblems {
		more = fmt.Sprintf("\n  ... en nog %d problemen", len(ps)-maxProblems)
		ps = ps[:maxProblems]
	}
	return Errorf(EInvalid, "document %s %s %d is ongeldig:\n  %s%s", d.Organisation, d.Kind, d.Year, strings.Join(ps, "\n  "), more)
}

func (v *validator) year(path string, y int) {
	if y < MinYear || y > MaxYear {
		v.addf(path, "jaar %d valt buiten %d-%d", y, MinYear, MaxYear)
	}
}

var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func (v *validator) date(path, s string) {
	if s == "" {
		return
	}
	if _, err := time.Parse("2006-01-02", s); err != nil || !datePattern.MatchString(s) {
		v.addf(path, "datum %q is ongeldig: verwacht JJJJ-MM-DD", s)
	}
}

// text reports strings that no database stores alike: invalid UTF-8 and
// NUL characters (PostgreSQL refuses both, SQLite keeps them). It walks the
// value by its JSON field names so that the path is the one in the file.
func (v *validator) text(path string, rv reflect.Value) {
	switch rv.Kind() {
	case reflect.String:
		s := rv.String()
		if !utf8.ValidString(s) {
			v.addf(path, "tekst bevat ongeldige tekens: verwacht UTF-8")
		} else if strings.ContainsRune(s, 0) {
			v.addf(path, "tekst bevat een NUL-teken")
		}
	case reflect.Pointer:
		if !rv.IsNil() {
			v.text(path, rv.Elem())
		}
	case reflect.Slice:
		for i := 0; i < rv.Len(); i++ {
			v.text(fmt.Sprintf("%s[%d]", path, i), rv.Index(i))
		}
	case reflect.Struct:
		t := rv.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			v.text(p, rv.Field(i))
		}
	}
}

func (v *validator) document(d *Document) {
	v.text("", reflect.ValueOf(d).Elem())
	if !ValidOrgCode(d.Organisation) {
		v.addf("organisation", "organisatiecode %q is ongeldig: verwacht een CBS-code zoals GM1700", d.Organisation)
	}
	if !d.Kind.Valid() {
		v.addf("kind", "soort %q is ongeldig: verwacht een van %s", d.Kind, kindList())
	}
	v.year("year", d.Year)
	if d.Iv3Year != 0 {
		v.year("iv3_year", d.Iv3Year)
	}
	if strings.TrimSpace(d.Title) == "" {
		v.addf("title", "de titel ontbreekt")
	}
	if !d.Status.Valid() {
		v.addf("status", "status %q is ongeldig: verwacht concept, aangeboden of vastgesteld", d.Status)
	}
	v.date("published_on", d.PublishedOn)
	v.date("adopted_on", d.AdoptedOn)
	if d.Source != nil {
		for i, n := range d.Source.Notes {
			switch n.Severity {
			case SeverityInfo, SeverityWarning, SeverityError:
			default:
				v.addf(fmt.Sprintf("source.notes[%d].severity", i), "ernst %q is ongeldig: verwacht info, warning of error", n.Severity)
			}
		}
	}
	keys := map[string]int{}
	for i := range d.Programmes {
		p := &d.Programmes[i]
		path := fmt.Sprintf("programmes[%d]", i)
		if p.Key == "" {
			v.addf(path+".key", "de sleutel (key) ontbreekt")
		} else if j, dup := keys[p.Key]; dup {
			v.addf(path+".key", "sleutel %q is al gebruikt door programmes[%d]", p.Key, j)
		} else {
			keys[p.Key] = i
		}
		v.programme(d, p, path)
	}
}

func kindList() string {
	var ks []string
	for _, k := range DocumentKinds() {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

// keySet records the keys of one kind of entity in a programme.
type keySet struct {
	what string
	seen map[string]string // key -> path of first use
}

func (v *validator) key(ks *keySet, path, key string) {
	if ks.seen == nil {
		ks.seen = map[string]string{}
	}
	if key == "" {
		v.addf(path+".key", "de sleutel (key) ontbreekt")
		return
	}
	if first, dup := ks.seen[key]; dup {
		v.addf(path+".key", "sleutel %q is al gebruikt door %s: sleutels van %s zijn uniek per programma", key, first, ks.what)
		return
	}
	ks.seen[key] = path
}

func (v *validator) ref(ks *keySet, path, key string) {
	if key == "" {
		v.addf(path, "lege verwijzing: verwacht de sleutel van een %s in dit programma", ks.what)
		return
	}
	if _, ok := ks.seen[key]; !ok {
		v.addf(path, "verwijst naar %s %q, maar die bestaat niet in dit programma", ks.what, key)
	}
}

func (v *validator) refs(ks *keySet, path string, keys []string) {
	seen := map[string]bool{}
	for i, k := range keys {
		p := fmt.Sprintf("%s[%d]", path, i)
		if seen[k] {
			v.addf(p, "%s %q staat twee keer in de lijst", ks.what, k)
			continue
		}
		seen[k] = true
		v.ref(ks, p, k)
	}
}

func (v *validator) sections(path string, ss []Section) {
	for i, s := range ss {
		if s.Kind == "" {
			v.addf(fmt.Sprintf("%s[%d].kind", path, i), "de soort tekst (kind) ontbreekt")
		}
	}
}

func (v *validator) taakveld(d *Document, path, code string) {
	if v.tv == nil {
		return
	}
	y := d.TaakveldYear()
	if v.tv.Taakvelden(y) == nil {
		v.addf(path, "taakveld %q kan niet worden gecontroleerd: er is geen officiële Iv3-taakveldenlijst (CBS) voor boekjaar %d", code, y)
		return
	}
	if _, ok := v.tv.Taakveld(y, code); !ok {
		v.addf(path, "taakveld %q bestaat niet in de officiële Iv3-taakveldenlijst (CBS) van boekjaar %d", code, y)
	}
}

func validRecurrence(r Recurrence) bool {
	switch r {
	case "", Incidenteel, Structureel, Mixed:
		return true
	}
	return false
}

func (v *validator) programme(d *Document, p *Programme, path string) {
	if strings.TrimSpace(p.Title) == "" {
		v.addf(path+".title", "de titel ontbreekt")
	}
	v.sections(path+".sections", p.Sections)
	goals := &keySet{what: "doel"}
	var walk func(gs []Goal, path string)
	walk = func(gs []Goal, gpath string) {
		for i := range gs {
			g := &gs[i]
			p := fmt.Sprintf("%s[%d]", gpath, i)
			v.key(goals, p, g.Key)
			if strings.TrimSpace(g.Title) == "" {
				v.addf(p+".title", "de titel ontbreekt")
			}
			v.sections(p+".sections", g.Sections)
			walk(g.Children, p+".children")
		}
	}
	walk(p.Goals, path+".goals")

	activities := &keySet{what: "activiteit"}
	for i, a := range p.Activities {
		ap := fmt.Sprintf("%s.activities[%d]", path, i)
		v.key(activities, ap, a.Key)
		v.refs(goals, ap+".goal_keys", a.GoalKeys)
	}
	reserves := &keySet{what: "reserve"}
	for i, r := range p.Reserves {
		rp := fmt.Sprintf("%s.reserves[%d]", path, i)
		v.key(reserves, rp, r.Key)
		if strings.TrimSpace(r.Name) == "" {
			v.addf(rp+".name", "de naam ontbreekt")
		}
		if r.BalanceYear != 0 {
			v.year(rp+".balance_year", r.BalanceYear)
		}
	}
	proposals := &keySet{what: "voorstel"}
	for i := range p.Proposals {
		pr := &p.Proposals[i]
		pp := fmt.Sprintf("%s.proposals[%d]", path, i)
		v.key(proposals, pp, pr.Key)
		if !validRecurrence(pr.Recurrence) {
			v.addf(pp+".recurrence", "%q is ongeldig: verwacht i, s of i/s", pr.Recurrence)
		}
		years := map[int]int{}
		for j, a := range pr.Amounts {
			ap := fmt.Sprintf("%s.amounts[%d]", pp, j)
			v.year(ap+".year", a.Year)
			if k, dup := years[a.Year]; dup {
				v.addf(ap+".year", "voorstel %q noemt het jaar %d twee keer (ook in amounts[%d]): verwacht elk jaar hooguit één keer", pr.Title, a.Year, k)
			} else {
				years[a.Year] = j
			}
			if !validRecurrence(a.Recurrence) {
				v.addf(ap+".recurrence", "%q is ongeldig: verwacht i, s of i/s", a.Recurrence)
			}
		}
		if pr.FundingReserve != "" {
			v.ref(reserves, pp+".funding_reserve", pr.FundingReserve)
		}
		v.refs(goals, pp+".goal_keys", pr.GoalKeys)
	}
	for i, r := range p.Reserves {
		for j, m := range r.Mutations {
			mp := fmt.Sprintf("%s.reserves[%d].mutations[%d]", path, i, j)
			v.year(mp+".year", m.Year)
			if m.ProposalKey != "" {
				v.ref(proposals, mp+".proposal_key", m.ProposalKey)
			}
		}
	}
	developments := &keySet{what: "ontwikkeling"}
	for i, dv := range p.Developments {
		dp := fmt.Sprintf("%s.developments[%d]", path, i)
		v.key(developments, dp, dv.Key)
		v.refs(goals, dp+".goal_keys", dv.GoalKeys)
	}
	indicators := &keySet{what: "indicator"}
	for i, in := range p.Indicators {
		ip := fmt.Sprintf("%s.indicators[%d]", path, i)
		v.key(indicators, ip, in.Key)
		switch in.Unit {
		case "", UnitCount, UnitPercentage, UnitPer1000, UnitPer10000, UnitEuro, UnitText:
		default:
			v.addf(ip+".unit", "eenheid %q is ongeldig: verwacht aantal, percentage, per-1000, per-10000, euro of tekst", in.Unit)
		}
		switch in.Direction {
		case "", HigherIsBetter, LowerIsBetter:
		default:
			v.addf(ip+".direction", "richting %q is ongeldig: verwacht hoger-is-beter of lager-is-beter", in.Direction)
		}
		v.refs(goals, ip+".goal_keys", in.GoalKeys)
		for j, m := range in.Measurements {
			mp := fmt.Sprintf("%s.measurements[%d]", ip, j)
			v.year(mp+".year", m.Year)
			if m.Value != nil && (math.IsNaN(*m.Value) || math.IsInf(*m.Value, 0)) {
				v.addf(mp+".value", "waarde is geen eindig getal")
			}
			if m.Kind != Realised && m.Kind != Planned {
				v.addf(mp+".kind", "soort meting %q is ongeldig: verwacht realisatie of streefwaarde", m.Kind)
			}
		}
	}
	finance := &keySet{what: "financiële regel"}
	type cell struct {
		taakveld string
		stage    MoneyStage
		year     int
	}
	saldoAt, sidesAt := map[cell]int{}, map[cell]int{}
	for i, f := range p.FinanceLines {
		fp := fmt.Sprintf("%s.finance_lines[%d]", path, i)
		v.key(finance, fp, f.Key)
		v.taakveld(d, fp+".taakveld", f.Taakveld)
		if !f.Side.Valid() {
			v.addf(fp+".side", "kant %q is ongeldig: verwacht lasten, baten of saldo", f.Side)
		}
		// A saldo line stands for lasten and baten the document does not
		// give: with them it would be counted twice.
		c := cell{f.Taakveld, f.Stage, f.Year}
		at := saldoAt
		if f.Side != SaldoSide {
			at = sidesAt
		}
		if _, seen := at[c]; !seen {
			at[c] = i
		}
		if j, ok := saldoAt[c]; ok && f.Side != SaldoSide {
			v.addf(fp+".side", "taakveld %s heeft voor %s %d al een saldoregel (finance_lines[%d]): verwacht óf een saldo, óf lasten en baten", f.Taakveld, f.Stage, f.Year, j)
		} else if j, ok := sidesAt[c]; ok && f.Side == SaldoSide {
			v.addf(fp+".side", "taakveld %s heeft voor %s %d al lasten of baten (finance_lines[%d]): verwacht óf een saldo, óf lasten en baten", f.Taakveld, f.Stage, f.Year, j)
		}
		if !f.Stage.Valid() {
			v.addf(fp+".stage", "fase %q is ongeldig: verwacht primitief, na-wijziging, realisatie of meerjarenraming", f.Stage)
		}
		v.year(fp+".year", f.Year)
		v.refs(goals, fp+".goal_keys", f.GoalKeys)
	}
	for i, t := range p.Totals {
		tp := fmt.Sprintf("%s.totals[%d]", path, i)
		if t.Side != "" && !t.Side.Valid() {
			v.addf(tp+".side", "kant %q is ongeldig: verwacht lasten, baten, saldo of leeg (saldo)", t.Side)
		}
		if !t.Stage.Valid() {
			v.addf(tp+".stage", "fase %q is ongeldig: verwacht primitief, na-wijziging, realisatie of meerjarenraming", t.Stage)
		}
		v.year(tp+".year", t.Year)
	}
	variances := &keySet{what: "verschilregel"}
	for i, l := range p.VarianceLines {
		lp := fmt.Sprintf("%s.variance_lines[%d]", path, i)
		v.key(variances, lp, l.Key)
		if l.GoalKey != "" {
			v.ref(goals, lp+".goal_key", l.GoalKey)
		}
		if l.Taakveld != "" {
			v.taakveld(d, lp+".taakveld", l.Taakveld)
		}
		if l.Side != "" && l.Side != Lasten && l.Side != Baten {
			v.addf(lp+".side", "kant %q is ongeldig: verwacht lasten, baten of leeg", l.Side)
		}
	}
	progress := &keySet{what: "voortgang"}
	for i, e := range p.Progress {
		ep := fmt.Sprintf("%s.progress[%d]", path, i)
		v.key(progress, ep, e.Key)
		if e.GoalKey != "" {
			v.ref(goals, ep+".goal_key", e.GoalKey)
		}
		if e.ActivityKey != "" {
			v.ref(activities, ep+".activity_key", e.ActivityKey)
		}
		switch e.Status {
		case ProgressUnknown, ProgressOnTrack, ProgressAttention, ProgressOffTrack, ProgressDone:
		default:
			v.addf(ep+".status", "status %q is ongeldig: verwacht op-koers, aandacht, uit-koers, gereed of leeg", e.Status)
		}
	}
}
