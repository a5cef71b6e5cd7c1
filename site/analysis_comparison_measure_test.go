package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"grip"
	"grip/analysis"
)

// TestComparisonMeasure: the page compares lasten, baten or saldo, as the
// CLI and the API do (--measure, ?measure=): the choice is a labelled radio
// group of the GET form and reaches the table, the chart and the headings.
// On the demo's national figures for Hengelo, on 6.3 Inkomensregelingen,
// which has baten (6.72 has none in 2023).
func TestComparisonMeasure(t *testing.T) {
	f := analysisFixture(t)
	ctx := context.Background()
	cat := f.h.(*server).cfg.Taakvelden

	doc := comparisonPage(t, f, nil, "hengelo", nil)
	form := doc.One(t, "main form.grip-comparison-form")
	var legends []string
	for _, l := range form.All("fieldset fieldset legend") {
		legends = append(legends, l.Text())
	}
	if got := strings.Join(legends, ", "); got != "Vergelijken met, Bedrag per inwoner" {
		t.Errorf("inner fieldsets = %q, want the group and the measure", got)
	}
	var measures []string
	for _, in := range form.All(`input[name="maat"]`) {
		if in.attr("type") != "radio" {
			t.Errorf("measure control %s is a %q, want a radio button", in.attr("id"), in.attr("type"))
		}
		measures = append(measures, in.attr("value")+"="+form.One(t, `label[for="`+in.attr("id")+`"]`).Text())
	}
	if got := strings.Join(measures, ", "); got != "lasten=Lasten, baten=Baten, saldo=Saldo (lasten min baten)" {
		t.Errorf("measures = %s", got)
	}
	if got := selected(form, `input[name="maat"]`); len(got) != 1 || got[0] != "lasten" {
		t.Errorf("default measure = %v, want lasten", got)
	}
	if h := doc.All("main h2")[0].Text(); h != "Uitkomst: lasten per inwoner" {
		t.Errorf("first h2 = %q", h)
	}

	for _, m := range []struct {
		value analysis.Measure
		label string
	}{{analysis.MeasureBaten, "Baten"}, {analysis.MeasureSaldo, "Saldo (lasten min baten)"}} {
		q := analysis.CompareQuery{Org: "GM0164", Taakveld: "6.3", Year: 2023, Basis: grip.Iv3Begroting, Set: analysis.SetProvince, Measure: m.value}
		want, err := analysis.CompareStore(ctx, f.db, q, cat)
		if err != nil {
			t.Fatal(err)
		}
		lasten, err := analysis.CompareStore(ctx, f.db, analysis.CompareQuery{Org: "GM0164", Taakveld: "6.3", Year: 2023,
			Basis: grip.Iv3Begroting, Set: analysis.SetProvince}, cat)
		if err != nil {
			t.Fatal(err)
		}
		if want.Org.PerInhabitant == lasten.Org.PerInhabitant {
			t.Fatalf("%s of 6.3 equals its lasten (%d): the test would not see the difference", m.value, want.Org.PerInhabitant)
		}
		doc := comparisonPage(t, f, nil, "hengelo", url.Values{"cijfers": {"begroting-2023"}, "groep": {"province"}, "taakveld": {"6.3"},
			"maat": {string(m.value)}})
		if got := strings.Join(selected(doc, "form option", "form input"), " "); got != "begroting-2023 6.3 province "+string(m.value) {
			t.Errorf("%s: chosen = %q", m.value, got)
		}
		cells := rowCells(t, doc, "6.3")
		tv, _ := cat.Taakveld(2023, "6.3")
		wantCells := []string{"6.3 " + tv.Name, perInhabitant(want.Org.PerInhabitant), perInhabitant(want.Q1),
			perInhabitant(want.Median), perInhabitant(want.Q3), strconv.Itoa(want.Org.Rank) + " van " + strconv.Itoa(want.Count),
			perInhabitant(want.Other.PerInhabitant), perInhabitant(want.Other.Difference)}
		if strings.Join(cells[:8], "|") != strings.Join(wantCells, "|") {
			t.Errorf("%s, row 6.3:\n got %q\nwant %q", m.value, cells[:8], wantCells)
		}
		lower := strings.ToLower(m.label)
		if h := doc.All("main h2")[0].Text(); h != "Uitkomst: "+lower+" per inwoner" {
			t.Errorf("%s: h2 = %q", m.value, h)
		}
		if c := doc.One(t, "table.grip-comparison caption").Text(); !strings.HasPrefix(c, m.label+" per inwoner per taakveld, begroting 2023") {
			t.Errorf("%s: caption = %q", m.value, c)
		}
		if l := doc.One(t, "main p.grip-lead").Text(); !strings.HasPrefix(l, m.label+" per inwoner op taakveld 6.3 "+tv.Name) {
			t.Errorf("%s: lead = %q", m.value, l)
		}
		chart := doc.One(t, "figure svg.grip-chart--comparison")
		if title := chart.All("title")[0].Text(); !strings.HasPrefix(title, m.label+" per inwoner, begroting 2023: Hengelo") {
			t.Errorf("%s: chart title = %q", m.value, title)
		}
		if desc := chart.One(t, "desc").Text(); !strings.Contains(desc, lower+" per inwoner") {
			t.Errorf("%s: chart description = %q", m.value, desc)
		}
		for _, n := range []string{"€ " + perInhabitant(want.Org.PerInhabitant), "€ " + perInhabitant(want.Median)} {
			if !strings.Contains(chart.Text(), n) {
				t.Errorf("%s: chart lacks %q", m.value, n)
			}
		}
		if strings.Contains(doc.Text(), "Lasten per inwoner") {
			t.Errorf("%s: the page still speaks of lasten per inwoner", m.value)
		}
	}

	// Over HTTP: the choice in the URL is kept, a bad one is a 400.
	get := func(path string) (int, *node) {
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code, parseHTML(t, rec.Body.Bytes())
	}
	code, doc := get("/hengelo/vergelijking?cijfers=begroting-2024&groep=all&maat=saldo")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if got := selected(doc, `input[name="maat"]`); len(got) != 1 || got[0] != "saldo" {
		t.Errorf("measure over HTTP = %v, want saldo", got)
	}
	if len(doc.All("table.grip-comparison tbody tr")) < 10 {
		t.Error("saldo of every social-domain taakveld: too few rows")
	}
	if code, doc := get("/hengelo/vergelijking?maat=winst"); code != http.StatusBadRequest || !strings.Contains(doc.Text(), "maat \"winst\" is onbekend") {
		t.Errorf("unknown measure: status %d, want 400 naming it", code)
	}
}
