package site

import (
	"sort"
	"strconv"
	"strings"

	"grip"
)

// stageRank orders the columns of a year in a money table: realisatie,
// primitief, na wijziging, meerjarenraming.
func stageRank(s grip.MoneyStage) int {
	switch s {
	case grip.StageRealisatie:
		return 0
	case grip.StagePrimitief:
		return 1
	case grip.StageNaWijziging:
		return 2
	case grip.StageMeerjarenraming:
		return 3
	}
	return 4
}

// moneyTable groups finance lines per taakveld with lasten, baten and saldo
// per year and stage, and charts the totals.
func (x *docIndex) moneyTable(lines []grip.FinanceLine, caption, id string) *MoneyTable {
	if len(lines) == 0 {
		return nil
	}
	type col struct {
		year  int
		stage grip.MoneyStage
	}
	type cell struct {
		lasten, baten       grip.Cents
		hasLasten, hasBaten bool
		// net is baten - lasten including saldo lines, which documents print
		// for years they give no lasten and baten for.
		net grip.Cents
	}
	cols := map[col]bool{}
	byTV := map[string]map[col]*cell{}
	labels := map[string]string{}
	for _, l := range lines {
		c := col{l.Year, l.Stage}
		cols[c] = true
		m := byTV[l.Taakveld]
		if m == nil {
			m = map[col]*cell{}
			byTV[l.Taakveld] = m
		}
		ce := m[c]
		if ce == nil {
			ce = &cell{}
			m[c] = ce
		}
		switch l.Side {
		case grip.Baten:
			ce.baten += l.Amount
			ce.hasBaten = true
		case grip.Lasten:
			ce.lasten += l.Amount
			ce.hasLasten = true
		}
		ce.net += l.Net()
		if labels[l.Taakveld] == "" && l.Label != "" {
			labels[l.Taakveld] = l.Label
		}
	}
	var cs []col
	for c := range cols {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].year != cs[j].year {
			return cs[i].year < cs[j].year
		}
		return stageRank(cs[i].stage) < stageRank(cs[j].stage)
	})
	t := &MoneyTable{Caption: caption}
	for _, c := range cs {
		t.Columns = append(t.Columns, MoneyColumn{Year: c.year, Stage: stageLabel(c.stage)})
	}
	var codes []string
	for code := range byTV {
		codes = append(codes, code)
	}
	sort.Slice(codes, func(i, j int) bool { return grip.CompareTaakveldCodes(codes[i], codes[j]) < 0 })
	totL := make([]grip.Cents, len(cs))
	totB := make([]grip.Cents, len(cs))
	totS := make([]grip.Cents, len(cs))
	// A column in which some line gives only a saldo has no lasten and
	// baten totals: adding the lines that do have them would understate both.
	sidesKnown := make([]bool, len(cs))
	for i := range sidesKnown {
		sidesKnown[i] = true
	}
	for _, code := range codes {
		name := labels[code]
		if x.taakvelden != nil {
			if tv, ok := x.taakvelden.Taakveld(x.doc.TaakveldYear(), code); ok {
				name = tv.Name
			}
		}
		name = strings.TrimSpace(strings.TrimPrefix(name, code))
		g := MoneyGroup{Code: code, Name: name}
		rl, rb, rs := MoneyRow{Label: "Lasten"}, MoneyRow{Label: "Baten"}, MoneyRow{Label: "Saldo"}
		for i, c := range cs {
			ce := byTV[code][c]
			if ce == nil {
				rl.Cells, rb.Cells, rs.Cells = append(rl.Cells, ""), append(rb.Cells, ""), append(rs.Cells, "")
				continue
			}
			rl.Cells = append(rl.Cells, optEuro(ce.lasten, ce.hasLasten))
			rb.Cells = append(rb.Cells, optEuro(ce.baten, ce.hasBaten))
			rs.Cells = append(rs.Cells, euro(ce.net))
			totL[i] += ce.lasten
			totB[i] += ce.baten
			totS[i] += ce.net
			if !ce.hasLasten && !ce.hasBaten {
				sidesKnown[i] = false
			}
		}
		g.Rows = []MoneyRow{rl, rb, rs}
		t.Groups = append(t.Groups, g)
	}
	rl, rb, rs := MoneyRow{Label: "Lasten"}, MoneyRow{Label: "Baten"}, MoneyRow{Label: "Saldo"}
	var cats []string
	var chartL, chartB []grip.Cents
	saldoOnly := 0
	for i, c := range t.Columns {
		rl.Cells = append(rl.Cells, optEuro(totL[i], sidesKnown[i]))
		rb.Cells = append(rb.Cells, optEuro(totB[i], sidesKnown[i]))
		rs.Cells = append(rs.Cells, euro(totS[i]))
		if !sidesKnown[i] {
			saldoOnly++
			continue
		}
		cats = append(cats, strconv.Itoa(c.Year)+" "+c.Stage)
		chartL, chartB = append(chartL, totL[i]), append(chartB, totB[i])
	}
	if saldoOnly > 0 {
		t.Note = "Voor jaren waarvoor het document alleen een saldo geeft, staan geen lasten en baten in de tabel en de grafiek; het saldo staat in de tabel."
	}
	t.Totals = []MoneyRow{rl, rb, rs}
	// Per taakveld, for the document's own year (else the first column).
	at := 0
	for i, c := range cs {
		if c.year == x.doc.Year {
			at = i
			break
		}
	}
	var tvLabels []string
	tvL := make([]grip.Cents, len(codes))
	tvB := make([]grip.Cents, len(codes))
	for i, code := range codes {
		tvLabels = append(tvLabels, code+" "+t.Groups[i].Name)
		if ce := byTV[code][cs[at]]; ce != nil {
			tvL[i], tvB[i] = ce.lasten, ce.baten
		}
	}
	colLabel := strconv.Itoa(cs[at].year) + " (" + stageLabel(cs[at].stage) + ")"
	t.ChartTaakveld = hbarChart(barChartSpec{
		ID:    id + "-taakveld",
		Title: "Lasten en baten per taakveld in " + colLabel,
		Desc:  "Liggend staafdiagram per taakveld: lasten effen, baten gearceerd, in euro's, met het bedrag achter elke staaf; de getallen staan ook in de tabel eronder, in de kolom " + colLabel + ".",
		Cats:  tvLabels,
		Series: []barSeries{
			{Name: "Lasten", Class: "lasten", Values: tvL},
			{Name: "Baten", Class: "baten", Hatch: true, Values: tvB},
		},
	})
	t.Chart = barChart(barChartSpec{
		ID:    id,
		Title: "Totaal lasten en baten per jaar",
		Desc:  "Staafdiagram van de totale lasten (effen) en baten (gearceerd) per jaar, in euro's; de getallen staan in de tabel eronder.",
		Cats:  cats,
		Series: []barSeries{
			{Name: "Lasten", Class: "lasten", Values: chartL},
			{Name: "Baten", Class: "baten", Hatch: true, Values: chartB},
		},
	})
	return t
}

func optEuro(c grip.Cents, has bool) string {
	if !has {
		return ""
	}
	return euro(c)
}
