package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"grip"
	"grip/analysis"
	"grip/demo"
	"grip/generate"
	"grip/store/storetest"
)

// The comparison page's form on the real national figures bundled with the
// demo (social domain of all 342 gemeenten: begroting 2023-2025 and
// jaarrekening 2023), for Hengelo (GM0164, Overijssel, 50.000 tot 100.000
// inwoners).

// comparisonPage builds and renders the comparison page of slug for form,
// as the handler does, on a fresh comparisons (own cache) unless cp is given.
func comparisonPage(t *testing.T, f *fixture, cp *comparisons, slug string, form url.Values) *node {
	t.Helper()
	srv := f.h.(*server)
	if cp == nil {
		cp = &comparisons{s: srv}
	}
	o, err := srv.org(context.Background(), slug)
	if err != nil {
		t.Fatal(err)
	}
	p, err := cp.view(context.Background(), o, form)
	if err != nil {
		t.Fatalf("comparison %v: %v", form, err)
	}
	b, err := srv.pages.render(p)
	if err != nil {
		t.Fatal(err)
	}
	return parseHTML(t, b)
}

// rowCells returns the cells of the comparison table's row of taakveld code.
func rowCells(t *testing.T, doc *node, code string) []string {
	t.Helper()
	for _, tr := range doc.All("table.grip-comparison tbody tr") {
		if tr.attr("data-taakveld") == code {
			var out []string
			for _, c := range tr.children {
				if c.tag == "th" || c.tag == "td" {
					out = append(out, strings.TrimSpace(c.Text()))
				}
			}
			return out
		}
	}
	t.Fatalf("no table row for taakveld %s", code)
	return nil
}

// selected returns the values of the chosen options and checked radio
// buttons under doc, in document order per selector.
func selected(doc *node, selectors ...string) []string {
	var out []string
	var all []*node
	for _, s := range selectors {
		all = append(all, doc.All(s)...)
	}
	for _, n := range all {
		if _, ok := n.attrs["selected"]; ok {
			out = append(out, n.attr("value"))
		}
		if _, ok := n.attrs["checked"]; ok {
			out = append(out, n.attr("value"))
		}
	}
	return out
}

func TestComparisonForm(t *testing.T) {
	f := analysisFixture(t)
	ctx := context.Background()
	cat := f.h.(*server).cfg.Taakvelden

	doc := comparisonPage(t, f, nil, "hengelo", nil)
	checkAccessibleStructure(t, "vergelijking", doc)
	form := doc.One(t, "main form.grip-comparison-form")
	if form.attr("method") != "get" || form.attr("action") != "/hengelo/vergelijking" || len(form.All("script")) != 0 {
		t.Errorf("form: method %q action %q, want a plain GET to the page", form.attr("method"), form.attr("action"))
	}
	if len(form.All("fieldset")) != 3 || len(form.All("fieldset legend")) != 3 {
		t.Error("want three fieldsets with a legend (the form, the group, the measure)")
	}
	// Every control has a label.
	for _, in := range form.All("select, input") {
		if len(form.All(`label[for="`+in.attr("id")+`"]`)) != 1 {
			t.Errorf("control %s#%s has no label", in.tag, in.attr("id"))
		}
	}
	// The choices: the stored datasets, the three groups, the taakvelden of the year.
	var datasets []string
	for _, o := range form.All("select#vergelijking-cijfers option") {
		datasets = append(datasets, o.attr("value")+"="+o.Text())
	}
	if got := strings.Join(datasets, ", "); got != "begroting-2023=Begroting 2023, jaarrekening-2023=Jaarrekening 2023, begroting-2024=Begroting 2024, begroting-2025=Begroting 2025" {
		t.Errorf("datasets = %s", got)
	}
	var groups []string
	for _, in := range form.All(`input[name="groep"]`) {
		groups = append(groups, form.One(t, `label[for="`+in.attr("id")+`"]`).Text())
	}
	if got := strings.Join(groups, ", "); got != "Gemeenten met 50.000 tot 100.000 inwoners, Gemeenten in Overijssel, Alle gemeenten" {
		t.Errorf("groups = %s", got)
	}
	taakvelden := form.All("select#vergelijking-taakveld option")
	if len(taakvelden) != 1+len(socialDomainTaakvelden(cat, 2023)) || taakvelden[0].attr("value") != "sociaal-domein" {
		t.Errorf("taakveld choices: %d, want all of the social domain and each taakveld of 2023", len(taakvelden))
	}
	if got := strings.Join(selected(form, "option", "input"), " "); got != "begroting-2023 sociaal-domein size-class lasten" {
		t.Errorf("default choices = %q, want begroting 2023, size class, every taakveld, lasten", got)
	}
	// Every social-domain taakveld with a figure: a table row with a box plot.
	rows := doc.All("table.grip-comparison tbody tr")
	if len(rows) < 10 || len(doc.All("table.grip-comparison td svg")) != len(rows) {
		t.Errorf("%d rows, want every social-domain taakveld with a box plot", len(rows))
	}

	// One taakveld against the province: the numbers of analysis.CompareStore.
	q := analysis.CompareQuery{Org: "GM0164", Taakveld: "6.72", Year: 2023, Basis: grip.Iv3Begroting, Set: analysis.SetProvince}
	want, err := analysis.CompareStore(ctx, f.db, q, cat)
	if err != nil {
		t.Fatal(err)
	}
	doc = comparisonPage(t, f, nil, "hengelo", url.Values{"cijfers": {"begroting-2023"}, "groep": {"province"}, "taakveld": {"6.72"}})
	if got := strings.Join(selected(doc, "form option", "form input"), " "); got != "begroting-2023 6.72 province lasten" {
		t.Errorf("chosen = %q", got)
	}
	cells := rowCells(t, doc, "6.72")
	// Hengelo 2023, 6.72 + 6.72a..d: € 12.231.000 / 82.311 inwoners = € 148,59.
	wantCells := []string{"6.72 Maatwerkdienstverlening 18-", "148,59", perInhabitant(want.Q1), perInhabitant(want.Median), perInhabitant(want.Q3),
		strconv.Itoa(want.Org.Rank) + " van " + strconv.Itoa(want.Count), perInhabitant(want.Other.PerInhabitant), perInhabitant(want.Other.Difference)}
	if want.Count != 25 {
		t.Errorf("Overijssel has %d gemeenten in the 2023 figures, want 25", want.Count)
	}
	if strings.Join(cells[:8], "|") != strings.Join(wantCells, "|") {
		t.Errorf("row 6.72:\n got %q\nwant %q", cells[:8], wantCells)
	}
	if len(doc.All("table.grip-comparison tbody tr")) != 1 {
		t.Error("one taakveld chosen, more rows shown")
	}
	if !strings.Contains(doc.Text(), "vergeleken met de gemeenten in Overijssel") {
		t.Error("lead does not name the group")
	}
	// The chart shows the same numbers as the table.
	chart := doc.One(t, "figure svg.grip-chart--comparison").Text()
	for _, n := range []string{"€ 148,59", "€ " + perInhabitant(want.Median)} {
		if !strings.Contains(chart, n) {
			t.Errorf("chart lacks %q: %s", n, chart)
		}
	}
	// Begroting vs jaarrekening: both exist in 2023.
	head := doc.One(t, "table.grip-comparison thead").Text()
	if !strings.Contains(head, "jaarrekening 2023") || !strings.Contains(head, "Verschil jaarrekening − begroting") {
		t.Errorf("table head lacks begroting vs jaarrekening: %s", head)
	}
	// 6.72 is renumbered in 2025: said in the row and explained.
	if got := cells[len(cells)-1]; got != "vergelijkbaar met 2024; niet vergelijkbaar met 2025" {
		t.Errorf("other years of 6.72: %q", got)
	}
	if series := doc.Text(); !strings.Contains(series, "Vergelijkbaarheid met andere jaren") || !strings.Contains(series, "6.711") {
		t.Error("page does not explain why 6.72 is not comparable with 2025")
	}

	// All gemeenten, the jaarrekening: 342 gemeenten, the begroting as the other basis.
	doc = comparisonPage(t, f, nil, "hengelo", url.Values{"cijfers": {"jaarrekening-2023"}, "groep": {"all"}, "taakveld": {"6.72"}})
	if cells := rowCells(t, doc, "6.72"); !strings.HasSuffix(cells[5], " van 342") || cells[6] != "148,59" {
		t.Errorf("jaarrekening 2023 against all gemeenten: %q", cells)
	}

	// 2024 has no jaarrekening: no such columns.
	doc = comparisonPage(t, f, nil, "hengelo", url.Values{"cijfers": {"begroting-2024"}, "taakveld": {"6.1"}})
	if head := doc.One(t, "table.grip-comparison thead").Text(); strings.Contains(head, "jaarrekening") {
		t.Errorf("2024 shows a jaarrekening column: %s", head)
	}

	// 6.72 does not exist in 2025: not comparable, nothing added up.
	doc = comparisonPage(t, f, nil, "hengelo", url.Values{"cijfers": {"begroting-2025"}, "taakveld": {"6.72"}})
	if len(doc.All("table.grip-comparison")) != 0 || !strings.Contains(doc.Text(), "Taakveld 6.72 bestaat niet in de Iv3-indeling van 2025") {
		t.Errorf("6.72 in 2025 is not said to be not comparable:\n%.1500s", doc.Text())
	}
	if got := selected(doc, "select#vergelijking-taakveld option"); len(got) != 1 || got[0] != "6.72" {
		t.Errorf("6.72 is not kept chosen in 2025: %v", got)
	}
	// Every taakveld of 2025 (new codes).
	doc = comparisonPage(t, f, nil, "hengelo", url.Values{"cijfers": {"begroting-2025"}})
	if rowCells(t, doc, "6.711")[0] != "6.711 Huishoudelijke hulp (WMO)" {
		t.Error("2025 lacks its own taakveld 6.711")
	}

	// Values that are not among the choices are the visitor's mistake.
	srv := f.h.(*server)
	o, err := srv.org(ctx, "hengelo")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []url.Values{{"cijfers": {"begroting-2019"}}, {"groep": {"regio"}}, {"taakveld": {"<script>"}}, {"taakveld": {"0.1"}}} {
		if _, err := (&comparisons{s: srv}).view(ctx, o, bad); grip.ErrorCode(err) != grip.EInvalid {
			t.Errorf("%v: %v, want EInvalid", bad, err)
		}
	}
}

// TestComparisonCache: the figures are read once per year and read again
// when a dataset is re-imported.
func TestComparisonCache(t *testing.T) {
	f := analysisFixture(t)
	ctx := context.Background()
	cp := &comparisons{s: f.h.(*server)}
	form := url.Values{"taakveld": {"6.72"}}
	comparisonPage(t, f, cp, "hengelo", form)
	first := cp.figs[figuresKey{2023, "6.72"}]
	if first == nil || len(cp.figs) != 1 {
		t.Fatalf("cache after one view of 6.72: %v", cp.figs)
	}
	comparisonPage(t, f, cp, "hengelo", form)
	if cp.figs[figuresKey{2023, "6.72"}] != first {
		t.Error("second view of 6.72 read the figures again")
	}
	// The whole social domain replaces the year's groups and answers them.
	comparisonPage(t, f, cp, "hengelo", nil)
	all := cp.figs[figuresKey{2023, ""}]
	if all == nil || len(cp.figs) != 1 {
		t.Fatalf("cache after the social domain of 2023: %v", cp.figs)
	}
	comparisonPage(t, f, cp, "hengelo", url.Values{"taakveld": {"6.1"}, "groep": {"all"}})
	if len(cp.figs) != 1 || cp.figs[figuresKey{2023, ""}] != all {
		t.Error("a taakveld of 2023 was read again although the social domain of 2023 is kept")
	}
	// Codes that are no taakveld of the year are not kept.
	for _, code := range []string{"6.99", "6.9zz", "6.72"} {
		comparisonPage(t, f, cp, "hengelo", url.Values{"cijfers": {"begroting-2025"}, "taakveld": {code}})
	}
	if len(cp.figs) != 1 {
		t.Errorf("made-up codes were kept: %v", cp.figs)
	}
	// Re-import the begroting 2023 with Hengelo's 6.72 (and 6.72a..d) doubled.
	sets, err := demo.Iv3Datasets()
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range sets {
		if ds.Year != 2023 || ds.Basis != grip.Iv3Begroting {
			continue
		}
		ds.Source = "herzien"
		for i, fig := range ds.Figures {
			if fig.Organisation == "GM0164" && strings.HasPrefix(fig.Taakveld, "6.72") {
				ds.Figures[i].Lasten *= 2
			}
		}
		if err := f.db.PutIv3Dataset(ctx, "test", ds); err != nil {
			t.Fatal(err)
		}
	}
	doc := comparisonPage(t, f, cp, "hengelo", form)
	if cp.figs[figuresKey{2023, ""}] != nil || cp.figs[figuresKey{2023, "6.72"}] == nil || cp.figs[figuresKey{2023, "6.72"}] == first {
		t.Error("re-imported dataset: the cached figures were used")
	}
	if own := rowCells(t, doc, "6.72")[1]; own != "297,19" {
		t.Errorf("after the re-import 6.72 shows %s, want 297,19 (2 × € 12.231.000 / 82.311)", own)
	}
}

// comparisonFixture is the real documents and the bundled national figures
// in the database named by dsn ("" for a fresh SQLite file).
func comparisonFixture(tb testing.TB, dsn string) *fixture {
	tb.Helper()
	var f *fixture
	if dsn == "" {
		f, _ = newRealFixture(tb)
	} else {
		f, _ = newRealFixtureOn(tb, dsn)
	}
	sets, err := demo.Iv3Datasets()
	if err != nil {
		tb.Fatal(err)
	}
	for _, ds := range sets {
		if err := f.db.PutIv3Dataset(context.Background(), "test", ds); err != nil {
			tb.Fatal(err)
		}
	}
	return f
}

// BenchmarkComparisonPage serves the comparison page of Hengelo (every
// social-domain taakveld of the begroting 2023 against the size class, 16
// comparisons) on SQLite and PostgreSQL; the target is < 50 ms per view.
// "warm" is the handler with its figures cached, "cold" builds and renders
// the page with an empty cache (the first view after an import: one query
// for the year's social-domain figures). Reference: the organisation page
// served by the same handler.
func BenchmarkComparisonPage(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			dsn := ""
			if engine == "postgres" {
				dsn = storetest.FreshPostgres(b)
			}
			f := comparisonFixture(b, dsn)
			srv := f.h.(*server)
			get := func(b *testing.B, path string) {
				rec := httptest.NewRecorder()
				f.h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
				if rec.Code != 200 {
					b.Fatalf("GET %s: %d", path, rec.Code)
				}
			}
			b.Run("warm", func(b *testing.B) {
				get(b, "/hengelo/vergelijking")
				for b.Loop() {
					get(b, "/hengelo/vergelijking")
				}
			})
			b.Run("cold", func(b *testing.B) {
				ctx := context.Background()
				o, err := srv.org(ctx, "hengelo")
				if err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					p, err := (&comparisons{s: srv}).view(ctx, o, nil)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := srv.pages.render(p); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("cold-one-taakveld", func(b *testing.B) {
				ctx := context.Background()
				o, err := srv.org(ctx, "hengelo")
				if err != nil {
					b.Fatal(err)
				}
				form := url.Values{"taakveld": {"6.72"}}
				for b.Loop() {
					p, err := (&comparisons{s: srv}).view(ctx, o, form)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := srv.pages.render(p); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("reference-organisation-page", func(b *testing.B) {
				for b.Loop() {
					get(b, "/hengelo")
				}
			})
		})
	}
}

// TestComparisonConcurrent: views of several choices at once share one
// cache (run with -race).
func TestComparisonConcurrent(t *testing.T) {
	f := analysisFixture(t)
	srv := f.h.(*server)
	cp := &comparisons{s: srv}
	o, err := srv.org(context.Background(), "twenterand")
	if err != nil {
		t.Fatal(err)
	}
	forms := []url.Values{nil, {"taakveld": {"6.72"}}, {"taakveld": {"6.1"}, "groep": {"all"}}, {"cijfers": {"begroting-2025"}},
		{"cijfers": {"jaarrekening-2023"}, "taakveld": {"6.3"}}, {"groep": {"province"}}}
	errs := make(chan error, 4*len(forms))
	var wg sync.WaitGroup
	for range 4 {
		for _, form := range forms {
			wg.Go(func() {
				p, err := cp.view(context.Background(), o, form)
				if err == nil {
					_, err = srv.pages.render(p)
				}
				errs <- err
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// TestAxeComparisonChoices runs axe-core on the comparison page for other
// choices of its form than the default (which TestAxeAnalysisPages covers):
// one taakveld against the province with the jaarrekening columns, all
// gemeenten in 2024, a taakveld that does not exist in 2025, and the baten
// instead of the lasten. The pages
// are built by the page's own builder and served next to the site's static
// files.
func TestAxeComparisonChoices(t *testing.T) {
	ctx := browser(t)
	f := analysisFixture(t)
	variants := map[string]url.Values{
		"/keuze/provincie-672": {"cijfers": {"begroting-2023"}, "groep": {"province"}, "taakveld": {"6.72"}},
		"/keuze/jaarrekening":  {"cijfers": {"jaarrekening-2023"}, "groep": {"all"}},
		"/keuze/alle-2024":     {"cijfers": {"begroting-2024"}, "groep": {"all"}},
		"/keuze/672-in-2025":   {"cijfers": {"begroting-2025"}, "taakveld": {"6.72"}},
		"/keuze/6711-in-2025":  {"cijfers": {"begroting-2025"}, "taakveld": {"6.711"}},
		"/keuze/baten":         {"cijfers": {"begroting-2024"}, "groep": {"province"}, "maat": {"baten"}},
	}
	srv := f.h.(*server)
	o, err := srv.org(context.Background(), "hengelo")
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string][]byte{}
	var paths []string
	for path, form := range variants {
		p, err := (&comparisons{s: srv}).view(context.Background(), o, form)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		b, err := srv.pages.render(p)
		if err != nil {
			t.Fatal(err)
		}
		pages[path] = b
		paths = append(paths, path)
	}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if b, ok := pages[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(b)
			return
		}
		f.h.ServeHTTP(w, r)
	}))
	defer hs.Close()
	sort.Strings(paths)
	checkAxe(t, ctx, hs.URL, paths)
}

// FuzzComparisonForm: any form gives the page or a visitor's mistake
// (EInvalid), never a panic or another error.
func FuzzComparisonForm(f *testing.F) {
	for _, seed := range [][4]string{{"begroting-2023", "size-class", "sociaal-domein", ""}, {"jaarrekening-2023", "province", "6.72", "baten"},
		{"begroting-2025", "all", "6.711", "saldo"}, {"begroting-2025", "all", "6.72a", "lasten"}, {"", "", "6.9", "winst"},
		{"begroting-1999", "regio", "6.", ""}} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	fx := comparisonFixture(f, "")
	srv := fx.h.(*server)
	o, err := srv.org(context.Background(), "hengelo")
	if err != nil {
		f.Fatal(err)
	}
	cp := &comparisons{s: srv}
	f.Fuzz(func(t *testing.T, dataset, group, taakveld, measure string) {
		p, err := cp.view(context.Background(), o, url.Values{"cijfers": {dataset}, "groep": {group}, "taakveld": {taakveld}, "maat": {measure}})
		if err != nil {
			if grip.ErrorCode(err) != grip.EInvalid {
				t.Fatalf("%q %q %q %q: %v", dataset, group, taakveld, measure, err)
			}
			return
		}
		if _, err := srv.pages.render(p); err != nil {
			t.Fatal(err)
		}
	})
}

// TestComparisonWithoutFigures: a site without national figures, and an
// organisation that the national figures do not know, get a message.
func TestComparisonWithoutFigures(t *testing.T) {
	f := newFixture(t, generate.Small)
	doc := comparisonPage(t, f, nil, f.org.Slug, nil)
	checkAccessibleStructure(t, "vergelijking zonder cijfers", doc)
	if !strings.Contains(doc.Text(), "Er zijn geen landelijke cijfers opgeslagen") || len(doc.All("form.grip-comparison-form")) != 0 {
		t.Errorf("without national figures:\n%.800s", doc.Text())
	}
	sets, err := demo.Iv3Datasets()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.db.PutIv3Dataset(context.Background(), "test", sets[0]); err != nil {
		t.Fatal(err)
	}
	doc = comparisonPage(t, f, nil, f.org.Slug, url.Values{"groep": {"province"}})
	text := doc.Text()
	if !strings.Contains(text, "zijn geen landelijke cijfers van de begroting 2023 op de taakvelden van het sociaal domein opgeslagen") ||
		len(doc.All("table")) != 0 || !strings.Contains(text, "Gemeenten in dezelfde provincie") {
		t.Errorf("organisation unknown to the national figures (%s):\n%.1500s", f.org.Code, text)
	}
}

// TestComparisonFormOverHTTP: the choices in the URL reach the page through
// the handler (the form is a plain GET), and a bad choice is a 400.
func TestComparisonFormOverHTTP(t *testing.T) {
	f := analysisFixture(t)
	get := func(path string) (int, *node) {
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code, parseHTML(t, rec.Body.Bytes())
	}
	code, doc := get("/hengelo/vergelijking?cijfers=begroting-2024&groep=province&taakveld=6.72")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	got := selected(doc, "select#vergelijking-cijfers option", `input[name="groep"]`, "select#vergelijking-taakveld option")
	if strings.Join(got, ",") != "begroting-2024,province,6.72" {
		t.Errorf("chosen over HTTP = %v, want begroting-2024, province, 6.72", got)
	}
	if n := len(doc.All("table.grip-comparison tbody tr")); n != 1 {
		t.Errorf("one taakveld chosen, table has %d rows", n)
	}
	if code, _ := get("/hengelo/vergelijking?groep=heelal"); code != http.StatusBadRequest {
		t.Errorf("unknown group: status %d, want 400", code)
	}
}
