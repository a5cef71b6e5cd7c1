// Package analysis turns a stored document into steering information: checks
// (a linter for programmes), variance analysis, reserve forecasts, indicators
// against their targets, the "grip" view per theme, and the comparison of a
// gemeente with others on the national Iv3 figures. It works on grip values
// only: no SQL, no HTTP, no files.
package analysis

import (
	"fmt"
	"sort"
	"strings"

	"grip"
)

// Finding is one result of Check: what is wrong or worth a look, where, and
// a plain Dutch explanation.
type Finding struct {
	// Code names the rule ("saldo-klopt-niet"); stable, for filtering.
	Code     string        `json:"code"`
	Severity grip.Severity `json:"severity"`
	Place    Place         `json:"place"`
	Message  string        `json:"message"`
}

// Place says where a finding is: the document, the programme, the entity and
// the source line where the document was imported.
type Place struct {
	Document  string          `json:"document"`            // slug: "kadernota-2020"
	Programme string          `json:"programme,omitempty"` // key
	Kind      grip.EntityKind `json:"kind,omitempty"`
	Key       string          `json:"key,omitempty"`
	Title     string          `json:"title,omitempty"`
	Line      int             `json:"line,omitempty"`
}

// String writes the place for a person: "begroting-2019 › sociaal-domein › voorstel v3 (regel 12)".
func (p Place) String() string {
	s := p.Document
	if p.Programme != "" {
		s += " › " + p.Programme
	}
	if p.Kind != "" {
		s += " › " + KindLabel(p.Kind)
		if p.Title != "" {
			s += fmt.Sprintf(" %q", p.Title)
		} else if p.Key != "" {
			s += " " + p.Key
		}
	}
	if p.Line > 0 {
		s += fmt.Sprintf(" (regel %d)", p.Line)
	}
	return s
}

// KindLabel is the Dutch word for an entity kind.
func KindLabel(k grip.EntityKind) string {
	switch k {
	case grip.EntityProgramme:
		return "programma"
	case grip.EntityGoal:
		return "doel"
	case grip.EntityActivity:
		return "activiteit"
	case grip.EntityProposal:
		return "voorstel"
	case grip.EntityDevelopment:
		return "ontwikkeling"
	case grip.EntityIndicator:
		return "indicator"
	case grip.EntityFinanceLine:
		return "financiële regel"
	case grip.EntityVarianceLine:
		return "verschil"
	case grip.EntityProgress:
		return "voortgang"
	case grip.EntityReserve:
		return "reserve"
	}
	return string(k)
}

// SeverityRank orders severities: error 3, warning 2, info 1.
func SeverityRank(s grip.Severity) int {
	switch s {
	case grip.SeverityError:
		return 3
	case grip.SeverityWarning:
		return 2
	case grip.SeverityInfo:
		return 1
	}
	return 0
}

// SeverityWords are the words ParseSeverity accepts, lower case: the Dutch
// ones the output of grip check and the website use, and the English ones of
// the JSON.
func SeverityWords() []string {
	return []string{"info", "waarschuwing", "fout", "warning", "error"}
}

// ParseSeverity reads a minimum severity as a person types it, in Dutch
// (info, waarschuwing, fout) or English (info, warning, error), in any case.
// The CLI's --min-severity and the API's ?severity= both use it; ok is false
// for any other word.
func ParseSeverity(v string) (s grip.Severity, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "fout", "error":
		return grip.SeverityError, true
	case "waarschuwing", "warning":
		return grip.SeverityWarning, true
	case "info":
		return grip.SeverityInfo, true
	}
	return "", false
}

// HasErrors reports whether any finding has severity error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == grip.SeverityError {
			return true
		}
	}
	return false
}

// Summary counts findings per severity.
func Summary(fs []Finding) map[grip.Severity]int {
	m := map[grip.Severity]int{}
	for _, f := range fs {
		m[f.Severity]++
	}
	return m
}

// sortFindings orders by severity (errors first), then source line, then code.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if ra, rb := SeverityRank(a.Severity), SeverityRank(b.Severity); ra != rb {
			return ra > rb
		}
		if a.Place.Line != b.Place.Line {
			return a.Place.Line < b.Place.Line
		}
		return a.Code < b.Code
	})
}
