package grip

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// OrgKind tells a gemeente from a region (a cooperation of gemeenten).
type OrgKind string

// Organisation kinds.
const (
	OrgGemeente OrgKind = "gemeente"
	OrgRegio    OrgKind = "regio"
)

// Organisation is one gemeente or region. Every stored document belongs to
// exactly one organisation, and every store call is scoped to one.
type Organisation struct {
	// Code is the CBS code ("GM1700") of a gemeente, or a chosen code for a region.
	Code string  `json:"code"`
	Name string  `json:"name"`
	Kind OrgKind `json:"kind"`
	// Slug is the URL name ("twenterand").
	Slug        string `json:"slug"`
	Province    string `json:"province,omitempty"`
	Inhabitants int64  `json:"inhabitants,omitempty"`
	// SizeClass is the CBS size class ("50.000 tot 100.000 inwoners").
	SizeClass string `json:"size_class,omitempty"`
	// Region is the code of the region the gemeente belongs to, if any.
	Region   string      `json:"region,omitempty"`
	Settings OrgSettings `json:"settings"`
}

// OrgSettings are the per-organisation conventions.
type OrgSettings struct {
	// LevelNames names the levels of the goal tree, from the top: e.g.
	// ["doelenboom", "doel", "subdoel"]. Missing levels are called thema, doel, subdoel.
	LevelNames []string `json:"level_names,omitempty"`
	// VarianceThreshold is the amount (cents) above which the council requires
	// an explanation of a variance. Zero means no threshold was set.
	VarianceThreshold Cents `json:"variance_threshold,omitempty"`
}

// LevelName returns the name of goal-tree level depth (0 = top).
func (s OrgSettings) LevelName(depth int) string {
	if depth >= 0 && depth < len(s.LevelNames) {
		return s.LevelNames[depth]
	}
	switch depth {
	case 0:
		return "thema"
	case 1:
		return "doel"
	case 2:
		return "subdoel"
	}
	return "niveau"
}

var orgCodePattern = regexp.MustCompile(`^(GM\d{4}|[A-Z]{2}[A-Z0-9]{1,10})$`)

// ValidOrgCode reports whether code looks like a CBS gemeente code (GM1700) or
// a region code (upper-case letters and digits).
func ValidOrgCode(code string) bool { return orgCodePattern.MatchString(code) }

// Validate checks the organisation's own fields.
func (o Organisation) Validate() error {
	if !ValidOrgCode(o.Code) {
		return Errorf(EInvalid, "organisatiecode %q is ongeldig: verwacht een CBS-code zoals GM1700", o.Code)
	}
	if strings.TrimSpace(o.Name) == "" {
		return Errorf(EInvalid, "organisatie %s heeft geen naam", o.Code)
	}
	switch o.Kind {
	case OrgGemeente, OrgRegio:
	default:
		return Errorf(EInvalid, "organisatie %s: soort %q is ongeldig: verwacht gemeente of regio", o.Code, o.Kind)
	}
	if o.Slug == "" || Slugify(o.Slug) != o.Slug {
		return Errorf(EInvalid, "organisatie %s: slug %q is ongeldig: verwacht kleine letters, cijfers en streepjes", o.Code, o.Slug)
	}
	return nil
}

// Slugify turns a Dutch title into a URL name: "Maatschappelijke
// ondersteuning & Wmo" becomes "maatschappelijke-ondersteuning-wmo".
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > 80 {
		out = strings.TrimRight(out[:80], "-")
	}
	return out
}
