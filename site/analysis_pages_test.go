package site

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"grip/demo"
)

// analysisFixture is the three real documents plus the bundled national
// figures of the social domain.
func analysisFixture(t *testing.T) *fixture {
	f, _ := newRealFixture(t)
	sets, err := demo.Iv3Datasets()
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range sets {
		if err := f.db.PutIv3Dataset(context.Background(), "test", ds); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

var analysisPages = []string{
	"/twenterand/kadernota-2020/controles", "/twenterand/kadernota-2020/grip", "/twenterand/kadernota-2020/reserves",
	"/hengelo/begroting-2019/controles", "/hengelo/begroting-2019/verschillen", "/hulst/jaarverslag-2021/grip",
	"/hengelo/vergelijking",
}

func TestAnalysisPages(t *testing.T) {
	f := analysisFixture(t)
	for _, p := range analysisPages {
		doc := f.page(t, p)
		checkAccessibleStructure(t, p, doc)
	}
	// The document page links to its analyses.
	links := f.page(t, "/twenterand/kadernota-2020").All("main a[href]")
	found := 0
	for _, a := range links {
		switch a.attr("href") {
		case "/twenterand/kadernota-2020/controles", "/twenterand/kadernota-2020/grip":
			found++
		}
	}
	if found != 2 {
		t.Errorf("document page links to %d of 2 analysis pages", found)
	}

	checks := f.page(t, "/twenterand/kadernota-2020/controles")
	text := checks.Text()
	for _, want := range []string{"Versterken sociale infrastructuur/voorliggend veld", "Verstevigen sociale infrastructuur/voorliggend veld", "Waarschuwingen"} {
		if !strings.Contains(text, want) {
			t.Errorf("checks page lacks %q", want)
		}
	}
	// The finding links to the activity's page.
	linked := false
	for _, a := range checks.All("li.grip-finding a") {
		if strings.Contains(a.attr("href"), "/activiteiten/versterken-sociale-infrastructuur") {
			linked = true
		}
	}
	if !linked {
		t.Error("near-duplicate finding does not link to the activity")
	}

	cmp := f.page(t, "/hengelo/vergelijking")
	ct := cmp.Text()
	// Hengelo 2023, 6.72 + 6.72a..d: € 12.231.000 / 82.311 inwoners = € 148,59.
	if !strings.Contains(ct, "148,59") || !strings.Contains(ct, "gemeenten met 50.000 tot 100.000 inwoners") {
		t.Errorf("comparison page lacks Hengelo's 6.72 value or its set:\n%.2000s", ct)
	}
	rows := len(cmp.All("table.grip-comparison tbody tr"))
	if rows < 10 || len(cmp.All("figure svg.grip-chart")) != 1 || len(cmp.All("table.grip-comparison td svg")) != rows {
		t.Errorf("comparison page: want a table of the social-domain taakvelden (%d rows) with a box plot per row, and one chart", rows)
	}
}

// TestAxeAnalysisPages runs axe-core on the analysis pages in Chromium.
func TestAxeAnalysisPages(t *testing.T) {
	ctx := browser(t)
	f := analysisFixture(t)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	checkAxe(t, ctx, srv.URL, analysisPages)
}
