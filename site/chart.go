package site

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"

	"grip"
)

// Charts are SVG drawn here, without JavaScript. Each has a title and a
// description (role="img" with aria-labelledby), colours from the theme
// through CSS classes (site.css), a pattern or marker shape per series so it
// reads in greyscale, and always a table with the same numbers next to it.

type barSeries struct {
	Name   string
	Class  string
	Hatch  bool
	Values []grip.Cents
}

type barChartSpec struct {
	ID     string
	Title  string
	Desc   string
	Cats   []string
	Series []barSeries
}

const (
	chartW      = 760
	chartH      = 320
	chartLeft   = 96
	chartRight  = 16
	chartTop    = 40
	chartBottom = 56
)

func esc(s string) string { return html.EscapeString(s) }

// barChart draws grouped bars of money per category.
func barChart(c barChartSpec) template.HTML {
	if len(c.Cats) == 0 || len(c.Series) == 0 {
		return ""
	}
	var maxV grip.Cents
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v > maxV {
				maxV = v
			}
		}
	}
	top := niceCeil(float64(maxV) / 100)
	if top <= 0 {
		top = 1
	}
	plotW := float64(chartW - chartLeft - chartRight)
	plotH := float64(chartH - chartTop - chartBottom)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="grip-chart" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-titel %s-beschrijving" focusable="false">`, chartW, chartH, c.ID, c.ID)
	fmt.Fprintf(&b, `<title id="%s-titel">%s</title><desc id="%s-beschrijving">%s</desc>`, c.ID, esc(c.Title), c.ID, esc(c.Desc))
	fmt.Fprintf(&b, `<defs><pattern id="%s-arcering" class="grip-chart__hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="grip-chart__hatch-bg" width="8" height="8"/><rect class="grip-chart__hatch-line" width="3" height="8"/></pattern></defs>`, c.ID)
	// Axis with four ticks.
	for i := 0; i <= 4; i++ {
		v := top * float64(i) / 4
		y := float64(chartTop) + plotH - plotH*float64(i)/4
		fmt.Fprintf(&b, `<line class="grip-chart__grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, chartLeft, chartW-chartRight, y, y)
		fmt.Fprintf(&b, `<text class="grip-chart__tick" x="%d" y="%.1f" text-anchor="end">%s</text>`, chartLeft-6, y+4, esc(compactEuro(v)))
	}
	groupW := plotW / float64(len(c.Cats))
	barW := groupW * 0.8 / float64(len(c.Series))
	for i, cat := range c.Cats {
		gx := float64(chartLeft) + groupW*float64(i) + groupW*0.1
		for j, s := range c.Series {
			if i >= len(s.Values) {
				continue
			}
			v := float64(s.Values[i]) / 100
			h := 0.0
			if v > 0 {
				h = plotH * v / top
			}
			x := gx + barW*float64(j)
			y := float64(chartTop) + plotH - h
			fill := ""
			if s.Hatch {
				fill = fmt.Sprintf(` fill="url(#%s-arcering)"`, c.ID)
			}
			fmt.Fprintf(&b, `<rect class="grip-chart__bar grip-chart__bar--%s"%s x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s %s: € %s</title></rect>`,
				s.Class, fill, x, y, barW-2, h, esc(s.Name), esc(cat), euro(s.Values[i]))
		}
		label, sub, _ := strings.Cut(cat, " ")
		cx := gx + groupW*0.4
		fmt.Fprintf(&b, `<text class="grip-chart__cat" x="%.1f" y="%d" text-anchor="middle">%s</text>`, cx, chartH-chartBottom+18, esc(label))
		if sub != "" && len(c.Cats) <= 12 {
			fmt.Fprintf(&b, `<text class="grip-chart__cat grip-chart__cat--sub" x="%.1f" y="%d" text-anchor="middle">%s</text>`, cx, chartH-chartBottom+34, esc(sub))
		}
	}
	// Legend.
	lx := chartLeft
	for _, s := range c.Series {
		fill := ""
		if s.Hatch {
			fill = fmt.Sprintf(` fill="url(#%s-arcering)"`, c.ID)
		}
		fmt.Fprintf(&b, `<rect class="grip-chart__bar grip-chart__bar--%s"%s x="%d" y="10" width="18" height="14"/>`, s.Class, fill, lx)
		fmt.Fprintf(&b, `<text class="grip-chart__legend" x="%d" y="22">%s</text>`, lx+24, esc(s.Name))
		lx += 24 + 10*len(s.Name) + 24
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// niceCeil rounds v up to 1, 2, 2.5 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// compactEuro writes an axis amount: "€ 12,5 mln", "€ 250.000".
func compactEuro(v float64) string {
	switch {
	case math.Abs(v) >= 1e9:
		return "€ " + number(v/1e9) + " mld"
	case math.Abs(v) >= 1e6:
		return "€ " + number(v/1e6) + " mln"
	}
	return "€ " + number(v)
}

// indicatorChart draws an indicator's numeric values per year: realised as a
// solid line with round markers, planned as a dashed line with square
// markers. Words ("n.n.b.") are written at their year.
func indicatorChart(id string, in *grip.Indicator, ms []grip.Measurement) template.HTML {
	yearSet := map[int]bool{}
	lo, hi := 0.0, 0.0
	numeric := 0
	for _, m := range ms {
		yearSet[m.Year] = true
		if m.Value != nil {
			numeric++
			lo, hi = math.Min(lo, *m.Value), math.Max(hi, *m.Value)
		}
	}
	if numeric == 0 || len(yearSet) == 0 {
		return ""
	}
	years := sortedYears(yearSet)
	top := niceCeil(hi)
	if top == 0 {
		top = 1
	}
	bottom := 0.0
	if lo < 0 {
		bottom = -niceCeil(-lo)
	}
	plotW := float64(chartW - chartLeft - chartRight)
	plotH := float64(chartH - chartTop - chartBottom)
	xOf := func(y int) float64 {
		if len(years) == 1 {
			return float64(chartLeft) + plotW/2
		}
		for i, yy := range years {
			if yy == y {
				return float64(chartLeft) + 20 + (plotW-40)*float64(i)/float64(len(years)-1)
			}
		}
		return 0
	}
	yOf := func(v float64) float64 { return float64(chartTop) + plotH - plotH*(v-bottom)/(top-bottom) }
	var b strings.Builder
	title := "Verloop van " + in.Name
	desc := "Lijndiagram per jaar: realisatie als doorgetrokken lijn met ronde punten, streefwaarden als gestreepte lijn met vierkante punten. De getallen staan in de tabel eronder."
	fmt.Fprintf(&b, `<svg class="grip-chart" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-titel %s-beschrijving" focusable="false">`, chartW, chartH, id, id)
	fmt.Fprintf(&b, `<title id="%s-titel">%s</title><desc id="%s-beschrijving">%s</desc>`, id, esc(title), id, esc(desc))
	for i := 0; i <= 4; i++ {
		v := bottom + (top-bottom)*float64(i)/4
		y := yOf(v)
		fmt.Fprintf(&b, `<line class="grip-chart__grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, chartLeft, chartW-chartRight, y, y)
		fmt.Fprintf(&b, `<text class="grip-chart__tick" x="%d" y="%.1f" text-anchor="end">%s</text>`, chartLeft-6, y+4, esc(number(v)))
	}
	for _, y := range years {
		fmt.Fprintf(&b, `<text class="grip-chart__cat" x="%.1f" y="%d" text-anchor="middle">%d</text>`, xOf(y), chartH-chartBottom+18, y)
	}
	for _, kind := range []grip.MeasurementKind{grip.Realised, grip.Planned} {
		cls := "realisatie"
		if kind == grip.Planned {
			cls = "streefwaarde"
		}
		var pts []string
		words := map[int]bool{}
		for _, m := range ms {
			if m.Kind != kind {
				continue
			}
			if m.Value == nil {
				if m.Word != "" && !words[m.Year] {
					words[m.Year] = true
					off := 0
					if kind == grip.Planned {
						off = 14
					}
					fmt.Fprintf(&b, `<text class="grip-chart__word grip-chart__word--%s" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, cls, xOf(m.Year), yOf(bottom)-8-float64(off), esc(m.Word))
				}
				continue
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xOf(m.Year), yOf(*m.Value)))
		}
		if len(pts) > 1 {
			fmt.Fprintf(&b, `<polyline class="grip-chart__line grip-chart__line--%s" points="%s"/>`, cls, strings.Join(pts, " "))
		}
		for _, m := range ms {
			if m.Kind != kind || m.Value == nil {
				continue
			}
			x, y := xOf(m.Year), yOf(*m.Value)
			label := fmt.Sprintf("%s %d: %s", measurementKindLabel(kind), m.Year, withUnit(*m.Value, in.Unit))
			if kind == grip.Planned {
				fmt.Fprintf(&b, `<rect class="grip-chart__point grip-chart__point--%s" x="%.1f" y="%.1f" width="9" height="9"><title>%s</title></rect>`, cls, x-4.5, y-4.5, esc(label))
			} else {
				fmt.Fprintf(&b, `<circle class="grip-chart__point grip-chart__point--%s" cx="%.1f" cy="%.1f" r="5"><title>%s</title></circle>`, cls, x, y, esc(label))
			}
			fmt.Fprintf(&b, `<text class="grip-chart__value" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, x, y-10, esc(number(*m.Value)))
		}
	}
	// Legend.
	fmt.Fprintf(&b, `<line class="grip-chart__line grip-chart__line--realisatie" x1="%d" x2="%d" y1="16" y2="16"/><circle class="grip-chart__point grip-chart__point--realisatie" cx="%d" cy="16" r="5"/><text class="grip-chart__legend" x="%d" y="21">realisatie</text>`,
		chartLeft, chartLeft+30, chartLeft+15, chartLeft+38)
	fmt.Fprintf(&b, `<line class="grip-chart__line grip-chart__line--streefwaarde" x1="%d" x2="%d" y1="16" y2="16"/><rect class="grip-chart__point grip-chart__point--streefwaarde" x="%.1f" y="11.5" width="9" height="9"/><text class="grip-chart__legend" x="%d" y="21">streefwaarde</text>`,
		chartLeft+150, chartLeft+180, float64(chartLeft+165)-4.5, chartLeft+188)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// hbarChart draws horizontal bars per label (a taakveld), one bar per
// series, with the amount written at the end of each bar.
func hbarChart(c barChartSpec) template.HTML {
	if len(c.Cats) == 0 || len(c.Series) == 0 {
		return ""
	}
	var maxV grip.Cents
	for _, s := range c.Series {
		for _, v := range s.Values {
			maxV = max(maxV, v)
		}
	}
	top := float64(maxV) / 100
	if top <= 0 {
		top = 1
	}
	const (
		labelW = 300
		valueW = 110
		barH   = 15
		top0   = 40
	)
	groupH := barH*len(c.Series) + 12
	height := top0 + groupH*len(c.Cats) + 10
	plotW := float64(chartW - labelW - valueW)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="grip-chart grip-chart--horizontal" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-titel %s-beschrijving" focusable="false">`, chartW, height, c.ID, c.ID)
	fmt.Fprintf(&b, `<title id="%s-titel">%s</title><desc id="%s-beschrijving">%s</desc>`, c.ID, esc(c.Title), c.ID, esc(c.Desc))
	fmt.Fprintf(&b, `<defs><pattern id="%s-arcering" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="grip-chart__hatch-bg" width="8" height="8"/><rect class="grip-chart__hatch-line" width="3" height="8"/></pattern></defs>`, c.ID)
	lx := labelW
	for _, s := range c.Series {
		fill := ""
		if s.Hatch {
			fill = fmt.Sprintf(` fill="url(#%s-arcering)"`, c.ID)
		}
		fmt.Fprintf(&b, `<rect class="grip-chart__bar grip-chart__bar--%s"%s x="%d" y="10" width="18" height="14"/>`, s.Class, fill, lx)
		fmt.Fprintf(&b, `<text class="grip-chart__legend" x="%d" y="22">%s</text>`, lx+24, esc(s.Name))
		lx += 24 + 10*len(s.Name) + 24
	}
	for i, cat := range c.Cats {
		y0 := top0 + groupH*i
		label := cat
		if len([]rune(label)) > 44 {
			label = string([]rune(label)[:43]) + "…"
		}
		fmt.Fprintf(&b, `<text class="grip-chart__cat" x="%d" y="%d" text-anchor="end">%s</text>`, labelW-8, y0+barH+4, esc(label))
		for j, s := range c.Series {
			if i >= len(s.Values) {
				continue
			}
			v := float64(s.Values[i]) / 100
			w := 0.0
			if v > 0 {
				w = plotW * v / top
			}
			y := y0 + barH*j
			fill := ""
			if s.Hatch {
				fill = fmt.Sprintf(` fill="url(#%s-arcering)"`, c.ID)
			}
			fmt.Fprintf(&b, `<rect class="grip-chart__bar grip-chart__bar--%s"%s x="%d" y="%d" width="%.1f" height="%d"><title>%s %s: € %s</title></rect>`,
				s.Class, fill, labelW, y, w, barH-1, esc(s.Name), esc(cat), euro(s.Values[i]))
			if v != 0 {
				fmt.Fprintf(&b, `<text class="grip-chart__value" x="%.1f" y="%d">%s</text>`, float64(labelW)+w+4, y+barH-3, esc(compactEuro(v)))
			}
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
