package site

import (
	"fmt"
	"html/template"
	"strings"

	"grip"
)

// distributionSpec is the spread of a group of gemeenten on one taakveld
// and the position of one of them, per inhabitant.
type distributionSpec struct {
	ID                       string
	Title                    string
	Min, Q1, Median, Q3, Max grip.Cents
	Own                      grip.Cents
	OwnName                  string
}

// distributionChart draws a small box plot without JavaScript: a dashed
// line from minimum to maximum, a hatched box from the first to the third
// quartile, a line at the median and a dot for the gemeente itself. The
// scale runs from zero (or the minimum, if negative) to the largest value;
// the numbers are in the table next to it.
func distributionChart(c distributionSpec) template.HTML {
	const w, h, pad = 220, 30, 8
	lo := min(grip.Cents(0), c.Min, c.Own)
	hi := max(c.Max, c.Own)
	if hi <= lo {
		hi = lo + 1
	}
	x := func(v grip.Cents) float64 { return pad + float64(w-2*pad)*float64(v-lo)/float64(hi-lo) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="grip-chart grip-chart--spread" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-titel" focusable="false">`, w, h, w, h, c.ID)
	fmt.Fprintf(&b, `<title id="%s-titel">%s</title>`, c.ID, esc(c.Title))
	fmt.Fprintf(&b, `<defs><pattern id="%s-arcering" class="grip-chart__hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="grip-chart__hatch-bg" width="6" height="6"/><rect class="grip-chart__hatch-line" width="2" height="6"/></pattern></defs>`, c.ID)
	mid := float64(h) / 2
	fmt.Fprintf(&b, `<line class="grip-chart__line grip-chart__line--streefwaarde" x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f"/>`, x(c.Min), x(c.Max), mid, mid)
	fmt.Fprintf(&b, `<rect class="grip-chart__bar grip-chart__bar--baten" fill="url(#%s-arcering)" x="%.1f" y="%.1f" width="%.1f" height="%d"/>`, c.ID, x(c.Q1), mid-8, max(x(c.Q3)-x(c.Q1), 1), 16)
	fmt.Fprintf(&b, `<line class="grip-chart__line grip-chart__line--realisatie" x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f"/>`, x(c.Median), x(c.Median), mid-11, mid+11)
	fmt.Fprintf(&b, `<circle class="grip-chart__point--realisatie" cx="%.1f" cy="%.1f" r="5.5"/>`, x(c.Own), mid)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
