package site

import (
	"html/template"
	"strings"

	"grip"
)

func funcs() template.FuncMap {
	return template.FuncMap{
		"euro":       euro,
		"euroSign":   func(c grip.Cents) string { return c.Format(false) },
		"paragraphs": paragraphs,
		"inc":        func(i int) int { return i + 1 },
	}
}

// euro writes whole euros in Dutch notation without the sign: "1.234.567",
// "-12.075". Rounding and grouping are the domain's (grip.Cents.WholeEuros,
// grip.DutchDigits), so site, API and command line write the same amount.
func euro(c grip.Cents) string { return grip.DutchDigits(c.WholeEuros()) }

// number writes an indicator value in Dutch notation: "47,5", "1.234"
// (grip.DutchNumber).
func number(v float64) string { return grip.DutchNumber(v) }

// withUnit writes a value with its unit as a reader expects it
// (grip.Unit.FormatValue).
func withUnit(v float64, u grip.Unit) string { return u.FormatValue(v) }

// unitLabel is the Dutch name of a unit.
func unitLabel(u grip.Unit) string {
	switch u {
	case grip.UnitCount:
		return "aantal"
	case grip.UnitPercentage:
		return "percentage"
	case grip.UnitPer1000:
		return "per 1.000 inwoners"
	case grip.UnitPer10000:
		return "per 10.000 inwoners"
	case grip.UnitEuro:
		return "euro"
	case grip.UnitText:
		return "tekst"
	}
	return "onbekend"
}

// paragraphs splits a text on blank lines (or single newlines) into paragraphs.
func paragraphs(s string) []Para {
	var out []Para
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if item, ok := listItem(line); ok {
			// Consecutive items make one list.
			if n := len(out); n > 0 && out[n-1].Items != nil {
				out[n-1].Items = append(out[n-1].Items, item)
			} else {
				out = append(out, Para{Items: []string{item}})
			}
			continue
		}
		out = append(out, Para{Text: line})
	}
	return out
}

// listItem recognises a line the document printed as a list item: a dash
// or bullet and a space before the text. A "*" is left alone: documents
// use it for footnotes.
func listItem(line string) (string, bool) {
	for _, mark := range []string{"- ", "• ", "– ", "· "} {
		if rest, ok := strings.CutPrefix(line, mark); ok {
			if rest = strings.TrimSpace(rest); rest != "" {
				return rest, true
			}
		}
	}
	return "", false
}

func recurrenceLabel(r grip.Recurrence) string {
	switch r {
	case grip.Incidenteel:
		return "incidenteel"
	case grip.Structureel:
		return "structureel"
	case grip.Mixed:
		return "incidenteel en structureel"
	}
	return ""
}

func stageLabel(s grip.MoneyStage) string { return s.ShortLabel() }

func statusLabel(s grip.DocumentStatus) string {
	switch s {
	case grip.StatusVastgesteld:
		return "vastgesteld"
	case grip.StatusAangeboden:
		return "aangeboden aan de raad"
	case grip.StatusConcept:
		return "concept"
	}
	// An imported published document whose status the text does not say
	// is not a concept: say nothing rather than something wrong.
	return ""
}

func progressLabel(s grip.ProgressStatus) string {
	switch s {
	case grip.ProgressOnTrack:
		return "op koers"
	case grip.ProgressAttention:
		return "aandacht nodig"
	case grip.ProgressOffTrack:
		return "niet op koers"
	case grip.ProgressDone:
		return "gereed"
	}
	return "niet vermeld"
}

func sectionLabel(k grip.SectionKind) string {
	switch k {
	case grip.SectionIntro:
		return "Inleiding"
	case grip.SectionPerspective:
		return "Inhoudelijk perspectief"
	case grip.SectionEffect:
		return "Beoogd maatschappelijk effect"
	case grip.SectionAchieve:
		return "Wat willen we bereiken?"
	case grip.SectionDo:
		return "Wat gaan we daarvoor doen?"
	case grip.SectionCost:
		return "Wat mag het kosten?"
	case grip.SectionAchieved:
		return "Wat hebben we bereikt?"
	case grip.SectionDone:
		return "Wat hebben we gedaan?"
	case grip.SectionCostActual:
		return "Wat heeft het gekost?"
	case grip.SectionIST:
		return "Waar stonden we (IST)"
	case grip.SectionSOLL:
		return "Waar gaan we naartoe (SOLL)"
	case grip.SectionTrends:
		return "Trends en ontwikkelingen"
	case grip.SectionConclusion:
		return "Conclusie"
	}
	return "Toelichting"
}
