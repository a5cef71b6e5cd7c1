package analysis

import (
	"fmt"
	"sort"
	"strings"

	"grip"
)

// CompareSet is the set of gemeenten a gemeente is compared with.
type CompareSet string

// Comparison sets.
const (
	SetAll       CompareSet = "all"        // all gemeenten
	SetProvince  CompareSet = "province"   // the gemeenten of its province
	SetSizeClass CompareSet = "size-class" // the gemeenten of its CBS size class
)

// Valid reports whether s is a known set.
func (s CompareSet) Valid() bool { return s == SetAll || s == SetProvince || s == SetSizeClass }

// Measure is what is compared per inhabitant.
type Measure string

// Measures.
const (
	MeasureLasten Measure = "lasten"
	MeasureBaten  Measure = "baten"
	// MeasureSaldo is lasten - baten: the net cost (positive = the gemeente pays).
	MeasureSaldo Measure = "saldo"
)

// CompareQuery selects a comparison.
type CompareQuery struct {
	Org      string        `json:"org"`
	Taakveld string        `json:"taakveld"`
	Year     int           `json:"year"`
	Basis    grip.Iv3Basis `json:"basis"`
	Set      CompareSet    `json:"set"`
	Measure  Measure       `json:"measure"`
}

// TaakveldGroup is the codes a comparison on code adds up in year: the code
// itself and its lettered sub-taakvelden (6.72 → 6.72, 6.72a..6.72d) that the
// year's list holds. Empty when neither exists that year.
func TaakveldGroup(tv grip.TaakveldCatalog, year int, code string) []grip.Taakveld {
	var out []grip.Taakveld
	for _, t := range tv.Taakvelden(year) {
		if t.Code == code || (strings.HasPrefix(t.Code, code) && isLetters(t.Code[len(code):])) {
			out = append(out, t)
		}
	}
	return out
}

func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// CompareRow is one gemeente of the comparison.
type CompareRow struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Inhabitants int64  `json:"inhabitants"`
	// Amount is the measure over the taakveld group, in cents.
	Amount grip.Cents `json:"amount"`
	// PerInhabitant is Amount / Inhabitants in cents, rounded.
	PerInhabitant grip.Cents `json:"per_inhabitant"`
	Rank          int        `json:"rank"`
}

// Comparison is a gemeente against a set of gemeenten on one taakveld.
type Comparison struct {
	Query CompareQuery `json:"query"`
	// Codes are the taakvelden added up (6.72 and its sub-taakvelden).
	Codes []grip.Taakveld `json:"codes"`
	// Comparable is false when the taakveld does not exist in the year's
	// list; Note then says why and what to compare instead.
	Comparable bool   `json:"comparable"`
	Note       string `json:"note,omitempty"`
	SetLabel   string `json:"set_label"`
	// Org is the gemeente's own row.
	Org    *CompareRow `json:"org,omitempty"`
	Count  int         `json:"count"`
	Median grip.Cents  `json:"median"`
	Q1     grip.Cents  `json:"q1"`
	Q3     grip.Cents  `json:"q3"`
	Min    grip.Cents  `json:"min"`
	Max    grip.Cents  `json:"max"`
	// RankRule explains the rank.
	RankRule string       `json:"rank_rule"`
	Rows     []CompareRow `json:"rows"`
	// Other is the gemeente's value on the other basis of the same year
	// (jaarrekening when comparing the begroting, and the reverse), if known.
	Other *OtherBasis `json:"other,omitempty"`
}

// OtherBasis is begroting vs jaarrekening for the gemeente.
type OtherBasis struct {
	Basis         grip.Iv3Basis `json:"basis"`
	PerInhabitant grip.Cents    `json:"per_inhabitant"`
	Median        grip.Cents    `json:"median"`
	// Difference is this basis minus the compared basis, per inhabitant.
	Difference grip.Cents `json:"difference"`
}

// Compare compares q.Org with the set on q.Taakveld per inhabitant. rows are
// the national figures of q.Year and q.Basis for the codes of
// TaakveldGroup (others are ignored); other, optional, those of the other
// basis of the same year. The result says when the taakveld does not exist
// in that year's list instead of adding up wrong things.
func Compare(q CompareQuery, rows, other []grip.Iv3Row, tv grip.TaakveldCatalog) (*Comparison, error) {
	if q.Set == "" {
		q.Set = SetAll
	}
	if !q.Set.Valid() {
		return nil, grip.Errorf(grip.EInvalid, "vergelijkingsgroep %q is onbekend: kies all, province of size-class", q.Set)
	}
	if q.Measure == "" {
		q.Measure = MeasureLasten
	}
	switch q.Measure {
	case MeasureLasten, MeasureBaten, MeasureSaldo:
	default:
		return nil, grip.Errorf(grip.EInvalid, "maat %q is onbekend: kies lasten, baten of saldo", q.Measure)
	}
	c := &Comparison{Query: q, Codes: TaakveldGroup(tv, q.Year, q.Taakveld),
		RankRule: "Rang 1 is het hoogste bedrag per inwoner in de groep."}
	if len(c.Codes) == 0 {
		c.Note = notComparable(tv, q.Taakveld, q.Year)
		return c, nil
	}
	c.Comparable = true
	all := perGemeente(rows, c.Codes, q.Measure)
	self, ok := all[q.Org]
	if !ok {
		return nil, grip.Errorf(grip.ENotFound, "geen landelijke cijfers voor %s in %s %d op taakveld %s", q.Org, q.Basis, q.Year, q.Taakveld)
	}
	var set []CompareRow
	for code, r := range all {
		switch q.Set {
		case SetProvince:
			if r.province != self.province {
				continue
			}
		case SetSizeClass:
			if r.sizeClass != self.sizeClass {
				continue
			}
		}
		_ = code
		set = append(set, r.CompareRow)
	}
	switch q.Set {
	case SetAll:
		c.SetLabel = "alle gemeenten"
	case SetProvince:
		c.SetLabel = "gemeenten in " + self.province
	case SetSizeClass:
		c.SetLabel = "gemeenten met " + self.sizeClass
	}
	sort.Slice(set, func(i, j int) bool {
		if set[i].PerInhabitant != set[j].PerInhabitant {
			return set[i].PerInhabitant > set[j].PerInhabitant
		}
		return set[i].Code < set[j].Code
	})
	vals := make([]grip.Cents, len(set))
	for i := range set {
		// Equal values share the better rank.
		if i > 0 && set[i].PerInhabitant == set[i-1].PerInhabitant {
			set[i].Rank = set[i-1].Rank
		} else {
			set[i].Rank = i + 1
		}
		vals[len(set)-1-i] = set[i].PerInhabitant
		if set[i].Code == q.Org {
			r := set[i]
			c.Org = &r
		}
	}
	c.Rows = set
	c.Count = len(set)
	c.Q1, c.Median, c.Q3 = quantile(vals, 1), quantile(vals, 2), quantile(vals, 3)
	c.Min, c.Max = vals[0], vals[len(vals)-1]
	if len(other) > 0 {
		ob := grip.Iv3Jaarrekening
		if q.Basis == grip.Iv3Jaarrekening {
			ob = grip.Iv3Begroting
		}
		oall := perGemeente(other, c.Codes, q.Measure)
		if o, ok := oall[q.Org]; ok {
			var ovals []grip.Cents
			for code, r := range oall {
				if _, inSet := all[code]; !inSet {
					continue
				}
				if q.Set == SetProvince && all[code].province != self.province || q.Set == SetSizeClass && all[code].sizeClass != self.sizeClass {
					continue
				}
				ovals = append(ovals, r.PerInhabitant)
			}
			sort.Slice(ovals, func(i, j int) bool { return ovals[i] < ovals[j] })
			c.Other = &OtherBasis{Basis: ob, PerInhabitant: o.PerInhabitant, Median: quantile(ovals, 2),
				Difference: o.PerInhabitant - self.PerInhabitant}
		}
	}
	return c, nil
}

type gemeenteValue struct {
	CompareRow
	province  string
	sizeClass string
}

func perGemeente(rows []grip.Iv3Row, codes []grip.Taakveld, m Measure) map[string]gemeenteValue {
	in := map[string]bool{}
	for _, t := range codes {
		in[t.Code] = true
	}
	out := map[string]gemeenteValue{}
	for _, r := range rows {
		if !in[r.Taakveld] {
			continue
		}
		g, ok := out[r.Code]
		if !ok {
			g = gemeenteValue{CompareRow: CompareRow{Code: r.Code, Name: r.Name, Inhabitants: r.Inhabitants},
				province: r.Province, sizeClass: r.SizeClass}
		}
		switch m {
		case MeasureLasten:
			g.Amount += r.Lasten
		case MeasureBaten:
			g.Amount += r.Baten
		case MeasureSaldo:
			g.Amount += r.Lasten - r.Baten
		}
		out[r.Code] = g
	}
	for k, g := range out {
		g.PerInhabitant = perInhabitant(g.Amount, g.Inhabitants)
		out[k] = g
	}
	return out
}

// perInhabitant divides cents by inhabitants, rounding half away from zero.
func perInhabitant(amount grip.Cents, inhabitants int64) grip.Cents {
	if inhabitants <= 0 {
		return 0
	}
	a := int64(amount)
	neg := a < 0
	if neg {
		a = -a
	}
	q := (a + inhabitants/2) / inhabitants
	if neg {
		q = -q
	}
	return grip.Cents(q)
}

// quantile returns the k-th quartile (k = 1, 2, 3) of ascending vals with
// linear interpolation between ranks (type 7), in integer arithmetic.
func quantile(vals []grip.Cents, k int) grip.Cents {
	n := len(vals)
	if n == 0 {
		return 0
	}
	pos4 := (n - 1) * k // position × 4
	lo, rem := pos4/4, pos4%4
	if rem == 0 || lo+1 >= n {
		return vals[lo]
	}
	d := int64(vals[lo+1]-vals[lo]) * int64(rem)
	// round half away from zero
	if d >= 0 {
		return vals[lo] + grip.Cents((d+2)/4)
	}
	return vals[lo] - grip.Cents((-d+2)/4)
}

// notComparable explains why a taakveld cannot be compared in a year and
// names the codes that year has instead, where the numbering changed.
func notComparable(tv grip.TaakveldCatalog, code string, year int) string {
	list := tv.Taakvelden(year)
	if len(list) == 0 {
		return fmt.Sprintf("Voor %d is geen taakveldlijst bekend; er is niets vergeleken.", year)
	}
	chap, rest, _ := strings.Cut(code, ".")
	var similar []string
	for _, t := range list {
		tc, tr, _ := strings.Cut(t.Code, ".")
		if tc == chap && rest != "" && tr != "" && tr[0] == rest[0] {
			similar = append(similar, t.Code+" "+t.Name)
		}
	}
	msg := fmt.Sprintf("Taakveld %s bestaat niet in de Iv3-indeling van %d: de indeling van het sociaal domein is in 2023 en 2025 gewijzigd en niet elke code heeft één opvolger. Er is niets opgeteld.", code, year)
	if len(similar) > 0 {
		msg += " Taakvelden van " + fmt.Sprint(year) + " die erop lijken: " + strings.Join(similar, "; ") + "."
	}
	return msg
}

// SeriesYear says whether a taakveld can be followed into a year.
type SeriesYear struct {
	Year       int             `json:"year"`
	Codes      []grip.Taakveld `json:"codes"`
	Comparable bool            `json:"comparable"`
	Note       string          `json:"note,omitempty"`
}

// Series tells, for each year, whether taakveld code means the same as in the
// first year: the same codes with the same names. A year where the code is
// missing or its content changed is marked not comparable, with the reason,
// so that a series never adds up different things.
func Series(tv grip.TaakveldCatalog, code string, years []int) []SeriesYear {
	var out []SeriesYear
	var base []grip.Taakveld
	for i, y := range years {
		g := TaakveldGroup(tv, y, code)
		sy := SeriesYear{Year: y, Codes: g, Comparable: len(g) > 0}
		if len(g) == 0 {
			sy.Note = notComparable(tv, code, y)
		} else if i > 0 && base != nil && !sameGroup(base, g) {
			sy.Comparable = false
			sy.Note = fmt.Sprintf("Taakveld %s omvat in %d andere (sub)taakvelden of namen dan in %d: %s tegen %s. Niet zonder meer vergelijkbaar.",
				code, y, years[0], groupText(g), groupText(base))
		}
		if i == 0 {
			base = g
		}
		out = append(out, sy)
	}
	return out
}

func sameGroup(a, b []grip.Taakveld) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Code != b[i].Code || !strings.EqualFold(normalizeTitle(a[i].Name), normalizeTitle(b[i].Name)) {
			return false
		}
	}
	return true
}

func groupText(g []grip.Taakveld) string {
	var s []string
	for _, t := range g {
		s = append(s, t.Code+" "+t.Name)
	}
	return strings.Join(s, ", ")
}

// catalogYears is implemented by catalogs that know which boekjaren they
// hold (iv3.Catalog).
type catalogYears interface {
	Years() (first, last int)
}

// CheckTaakveldCode returns an EInvalid error when code is in the taakveld
// list of no boekjaar the catalog holds (of year only, for a catalog that
// does not say its years): such a code is a typing mistake, not a change of
// the classification. The message names the code, the years searched and
// the known codes of the same chapter in year's list (or the newest list),
// or else the chapters that exist.
func CheckTaakveldCode(tv grip.TaakveldCatalog, code string, year int) error {
	first, last := year, year
	if cy, ok := tv.(catalogYears); ok {
		if f, l := cy.Years(); f != 0 {
			first, last = f, l
		}
	}
	newest := 0
	for y := first; y <= last; y++ {
		if len(TaakveldGroup(tv, y, code)) > 0 {
			return nil
		}
		if len(tv.Taakvelden(y)) > 0 {
			newest = y
		}
	}
	span := fmt.Sprint(first)
	if last != first {
		span = fmt.Sprintf("%d tot en met %d", first, last)
	}
	msg := fmt.Sprintf("taakveld %q bestaat in geen enkele Iv3-indeling (%s)", code, span)
	if newest == 0 {
		return grip.Errorf(grip.EInvalid, "%s: verwacht een taakveldcode zoals 6.72", msg)
	}
	// The codes nearby come from the year asked, when grip has its list.
	if len(tv.Taakvelden(year)) > 0 {
		newest = year
	}
	chap, _, _ := strings.Cut(strings.TrimSpace(code), ".")
	var same, chapters []string
	seen := map[string]bool{}
	for _, t := range tv.Taakvelden(newest) {
		tc, _, _ := strings.Cut(t.Code, ".")
		if !seen[tc] {
			seen[tc] = true
			chapters = append(chapters, tc)
		}
		if tc == chap && !strings.ContainsAny(t.Code[len(t.Code)-1:], "abcdefghijklmnopqrstuvwxyz") {
			same = append(same, t.Code)
		}
	}
	if len(same) > 0 {
		return grip.Errorf(grip.EInvalid, "%s: bekende taakvelden van hoofdstuk %s in %d zijn %s", msg, chap, newest, strings.Join(same, ", "))
	}
	return grip.Errorf(grip.EInvalid, "%s: verwacht een code zoals 6.72, met een hoofdstuk van %s tot en met %s", msg, chapters[0], chapters[len(chapters)-1])
}
