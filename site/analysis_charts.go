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

// comparisonBar is one taakveld of the comparison chart.
type comparisonBar struct {
	Code                string
	Own, Median         grip.Cents
	OwnText, MedianText string // the amounts as the table writes them
}

// comparisonChartSpec is the chart of the comparison page.
type comparisonChartSpec struct {
	ID, Title, Desc string
	OwnName         string
	Bars            []comparisonBar
}

// comparisonChart draws, per taakveld, a bar for the gemeente and a hatched
// bar for the group's median, each labelled with the amount per inhabitant
// exactly as the table gives it (with cents), so that chart and table show
// the same numbers. Negative amounts are drawn as zero, labelled as they are.
func comparisonChart(c comparisonChartSpec) template.HTML {
	if len(c.Bars) == 0 {
		return ""
	}
	const w, left, right, top, barH, rowH = 760, 64, 110, 40, 13, 36
	h := top + rowH*len(c.Bars) + 8
	var hi grip.Cents = 1
	for _, b := range c.Bars {
		hi = max(hi, b.Own, b.Median)
	}
	plotW := float64(w - left - right)
	length := func(v grip.Cents) float64 {
		if v <= 0 {
			return 0
		}
		return plotW * float64(v) / float64(hi)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="grip-chart grip-chart--comparison" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-titel %s-beschrijving" focusable="false">`, w, h, c.ID, c.ID)
	fmt.Fprintf(&b, `<title id="%s-titel">%s</title><desc id="%s-beschrijving">%s</desc>`, c.ID, esc(c.Title), c.ID, esc(c.Desc))
	fmt.Fprintf(&b, `<defs><pattern id="%s-arcering" class="grip-chart__hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="grip-chart__hatch-bg" width="8" height="8"/><rect class="grip-chart__hatch-line" width="3" height="8"/></pattern></defs>`, c.ID)
	// Legend.
	fmt.Fprintf(&b, `<rect class="grip-chart__bar grip-chart__bar--lasten" x="%d" y="10" width="18" height="14"/><text class="grip-chart__legend" x="%d" y="22">%s</text>`, left, left+24, esc(c.OwnName))
	lx := left + 24 + 8*len([]rune(c.OwnName)) + 24
	fmt.Fprintf(&b, `<rect class="grip-chart__bar grip-chart__bar--baten" fill="url(#%s-arcering)" x="%d" y="10" width="18" height="14"/><text class="grip-chart__legend" x="%d" y="22">Mediaan van de groep</text>`, c.ID, lx, lx+24)
	for i, bar := range c.Bars {
		y := float64(top + rowH*i)
		fmt.Fprintf(&b, `<text class="grip-chart__cat" x="%d" y="%.1f" text-anchor="end">%s</text>`, left-8, y+barH+4, esc(bar.Code))
		for j, v := range []struct {
			val   grip.Cents
			text  string
			name  string
			class string
		}{{bar.Own, bar.OwnText, c.OwnName, `grip-chart__bar grip-chart__bar--lasten"`}, {bar.Median, bar.MedianText, "Mediaan", fmt.Sprintf(`grip-chart__bar grip-chart__bar--baten" fill="url(#%s-arcering)"`, c.ID)}} {
			by := y + float64(j*(barH+2))
			l := length(v.val)
			fmt.Fprintf(&b, `<rect class="%s x="%d" y="%.1f" width="%.1f" height="%d"><title>%s %s: € %s per inwoner</title></rect>`,
				v.class, left, by, l, barH, esc(v.name), esc(bar.Code), esc(v.text))
			fmt.Fprintf(&b, `<text class="grip-chart__value" x="%.1f" y="%.1f">€ %s</text>`, float64(left)+l+4, by+barH-2, esc(v.text))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
