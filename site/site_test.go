package site

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"grip"
	"grip/generate"
	"grip/iv3"
	"grip/store"
)

// fixture is a real SQLite store holding the generated small gemeente,
// served by the site.
type fixture struct {
	db   grip.Store
	org  grip.Organisation
	doc  *grip.Document
	h    http.Handler
	logs *strings.Builder
}

func newFixture(t testing.TB, size generate.Size) *fixture {
	t.Helper()
	return newFixtureOn(t, filepath.Join(t.TempDir(), "grip.db"), size)
}

// newFixtureOn is newFixture on the database named by dsn.
func newFixtureOn(t testing.TB, dsn string, size generate.Size) *fixture {
	t.Helper()
	ctx := context.Background()
	cat, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, dsn, cat)
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	org, doc, err := generate.Gemeente(generate.Options{Size: size, Seed: 7}, cat)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Apply(ctx, "test", grip.Batch{Organisations: []grip.Organisation{org}, Documents: []*grip.Document{doc}}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	logs := &strings.Builder{}
	h, err := New(Config{Store: db, Taakvelden: cat, Log: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return &fixture{db: db, org: org, doc: doc, h: h, logs: logs}
}

func (f *fixture) get(t testing.TB, path string) (*http.Response, []byte) {
	t.Helper()
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

func (f *fixture) page(t testing.TB, path string) *node {
	t.Helper()
	res, b := f.get(t, path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d\n%s", path, res.StatusCode, b)
	}
	return parseHTML(t, b)
}

// checkAccessibleStructure asserts what every page must have: lang="nl",
// one h1, a skip link to the main content, headings in order, tables with a
// caption and header cells with scope.
func checkAccessibleStructure(t *testing.T, path string, doc *node) {
	t.Helper()
	if html := doc.One(t, "html"); html.attr("lang") != "nl" {
		t.Errorf("%s: lang=%q, want nl", path, html.attr("lang"))
	}
	if n := len(doc.All("h1")); n != 1 {
		t.Errorf("%s: %d h1, want 1", path, n)
	}
	skip := doc.All("a.grip-skip-link")
	if len(skip) != 1 || skip[0].attr("href") != "#inhoud" || len(doc.All("main#inhoud")) != 1 {
		t.Errorf("%s: skip link to #inhoud missing", path)
	}
	last := 0
	var walk func(n *node)
	walk = func(n *node) {
		if len(n.tag) == 2 && n.tag[0] == 'h' && n.tag[1] >= '1' && n.tag[1] <= '6' {
			lvl := int(n.tag[1] - '0')
			if lvl > last+1 {
				t.Errorf("%s: heading %s %q follows h%d", path, n.tag, n.Text(), last)
			}
			last = lvl
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(doc)
	ids := map[string]bool{}
	for _, n := range doc.All("[id]") {
		if id := n.attr("id"); ids[id] {
			t.Errorf("%s: duplicate id %q", path, id)
		} else {
			ids[id] = true
		}
	}
	for _, n := range doc.All("[aria-labelledby]") {
		for _, id := range strings.Fields(n.attr("aria-labelledby")) {
			if !ids[id] {
				t.Errorf("%s: aria-labelledby names missing id %q", path, id)
			}
		}
	}
	for _, tb := range doc.All("table") {
		if len(tb.All("caption")) != 1 {
			t.Errorf("%s: table without caption", path)
		}
		for _, th := range tb.All("th") {
			if th.attr("scope") == "" {
				t.Errorf("%s: th %q without scope", path, th.Text())
			}
		}
	}
}

func TestEveryPageTypeSmall(t *testing.T) {
	f := newFixture(t, generate.Small)
	x := "/" + f.org.Slug + "/" + f.doc.Slug()
	prog := f.doc.Programmes[0]
	pURL := x + "/" + grip.Slugify(prog.Title)
	theme := pURL + "/" + grip.Slugify(prog.Goals[0].Title)
	pages := []string{"/", "/" + f.org.Slug, x, pURL, theme,
		theme + "/" + grip.Slugify(prog.Goals[0].Children[0].Title),
		pURL + "/activiteiten/" + grip.Slugify(prog.Activities[0].Title),
		pURL + "/voorstellen/" + grip.Slugify(prog.Proposals[0].Title),
		pURL + "/indicatoren/" + grip.Slugify(prog.Indicators[0].Name),
		"/" + f.org.Slug + "/zoeken?q=jeugdzorg",
	}
	for _, p := range pages {
		res, b := f.get(t, p)
		if res.StatusCode != 200 {
			t.Errorf("GET %s: %d", p, res.StatusCode)
			continue
		}
		for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Request-Id"} {
			if res.Header.Get(h) == "" {
				t.Errorf("GET %s: no %s header", p, h)
			}
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("CSP %q", csp)
		}
		doc := parseHTML(t, b)
		checkAccessibleStructure(t, p, doc)
		if len(doc.All("nav.grip-breadcrumb")) != 1 {
			t.Errorf("%s: no breadcrumb", p)
		}
		if len(doc.All(`link[rel=stylesheet][media=print][href="/static/print.css"]`)) != 1 {
			t.Errorf("%s: no print stylesheet", p)
		}
		if strings.Contains(string(b), "<script") {
			t.Errorf("%s: page has a script", p)
		}
	}
}

// TestCrawl follows every link of the generated gemeente's site: none is
// broken, every page is well-formed.
func TestCrawl(t *testing.T) {
	f := newFixture(t, generate.Small)
	seen := map[string]bool{"/": true}
	queue := []string{"/"}
	for len(queue) > 0 && len(seen) < 3000 {
		p := queue[0]
		queue = queue[1:]
		doc := f.page(t, p)
		checkAccessibleStructure(t, p, doc)
		for _, a := range doc.All("a[href]") {
			h := a.attr("href")
			if !strings.HasPrefix(h, "/") || strings.HasPrefix(h, "/static/") {
				continue
			}
			h, _, _ = strings.Cut(h, "#")
			if !seen[h] {
				seen[h] = true
				queue = append(queue, h)
			}
		}
	}
	c := f.doc.Counts()
	min := c.Themes + c.Goals + c.Subgoals + c.Activities + c.Proposals + c.Indicators
	if len(seen) < min {
		t.Errorf("crawled %d pages, want at least %d", len(seen), min)
	}
}

func TestProgrammeMoneyTotals(t *testing.T) {
	f := newFixture(t, generate.Small)
	prog := f.doc.Programmes[0]
	doc := f.page(t, "/"+f.org.Slug+"/"+f.doc.Slug()+"/"+grip.Slugify(prog.Title))
	table := doc.One(t, "table.grip-money")
	heads := table.All("thead th")
	rows := table.All("tfoot tr")
	if len(rows) != 3 {
		t.Fatalf("%d total rows, want 3 (lasten, baten, saldo)", len(rows))
	}
	// Independent sums per year from the domain values.
	lasten, baten := map[int]grip.Cents{}, map[int]grip.Cents{}
	for _, l := range prog.FinanceLines {
		if l.Side == grip.Baten {
			baten[l.Year] += l.Amount
		} else {
			lasten[l.Year] += l.Amount
		}
	}
	for i, th := range heads[2:] {
		year, _ := strconv.Atoi(strings.Fields(th.Text())[0])
		cells := func(r int) string { return rows[r].All("td")[i].Text() }
		if got, want := cells(0), euro(lasten[year]); got != want {
			t.Errorf("%d lasten: %s, want %s", year, got, want)
		}
		if got, want := cells(1), euro(baten[year]); got != want {
			t.Errorf("%d baten: %s, want %s", year, got, want)
		}
		if got, want := cells(2), euro(baten[year]-lasten[year]); got != want {
			t.Errorf("%d saldo: %s, want %s", year, got, want)
		}
	}
	if len(heads)-2 != 10 {
		t.Errorf("%d year columns, want 10", len(heads)-2)
	}
	// The chart sits next to the table, with a title and description.
	svg := doc.All("section svg.grip-chart")
	if len(svg) == 0 || len(svg[0].All("title")) == 0 || len(svg[0].All("desc")) != 1 || svg[0].attr("role") != "img" {
		t.Fatalf("money chart without role, title or description")
	}
	// Readable in greyscale: baten are hatched, lasten solid.
	pat := svg[0].All("pattern")
	if len(pat) != 1 || len(svg[0].All(`rect.grip-chart__bar--baten[fill="url(#`+pat[0].attr("id")+`)"]`)) == 0 {
		t.Error("baten bars do not use the hatch pattern")
	}
	if len(svg[0].All("rect.grip-chart__bar--lasten[fill]")) != 0 {
		t.Error("lasten bars should be solid (theme colour from CSS)")
	}
}

// TestLinksBothWays: an activity page lists every goal it serves, and each
// of those goal pages links back to the activity.
func TestLinksBothWays(t *testing.T) {
	f := newFixture(t, generate.Small)
	prog := f.doc.Programmes[0]
	base := "/" + f.org.Slug + "/" + f.doc.Slug() + "/" + grip.Slugify(prog.Title)
	for _, a := range prog.Activities[:5] {
		aURL := base + "/activiteiten/" + grip.Slugify(a.Title)
		doc := f.page(t, aURL)
		links := doc.All("main ul.grip-links a")
		if len(links) != len(a.GoalKeys) {
			t.Errorf("%s: %d goal links, want %d", aURL, len(links), len(a.GoalKeys))
		}
		for _, l := range links {
			g := f.page(t, l.attr("href"))
			found := false
			for _, back := range g.All("main a") {
				if back.attr("href") == aURL {
					found = true
				}
			}
			if !found {
				t.Errorf("goal page %s does not link back to %s", l.attr("href"), aURL)
			}
		}
	}
}

// TestProposalsCountedOnce: a theme page's proposal total counts a proposal
// linked to several of its goals once.
func TestProposalsCountedOnce(t *testing.T) {
	f := newFixture(t, generate.Small)
	prog := f.doc.Programmes[0]
	theme := prog.Goals[0]
	keys := map[string]bool{theme.Key: true}
	grip.WalkGoals(theme.Children, func(g *grip.Goal, _ int, _ []*grip.Goal) bool { keys[g.Key] = true; return true })
	var want []grip.Proposal
	for _, p := range prog.Proposals {
		for _, k := range p.GoalKeys {
			if keys[k] {
				want = append(want, p)
				break
			}
		}
	}
	if len(want) == 0 {
		t.Skip("generated theme has no proposals")
	}
	totals := grip.ProposalTotals(want)
	doc := f.page(t, "/"+f.org.Slug+"/"+f.doc.Slug()+"/"+grip.Slugify(prog.Title)+"/"+grip.Slugify(theme.Title))
	table := doc.One(t, "table.grip-proposals")
	if n := len(table.All("tbody tr")); n != len(want) {
		t.Errorf("%d proposal rows, want %d", n, len(want))
	}
	heads := table.All("thead th")
	cells := table.All("tfoot td")
	for i, th := range heads[2 : len(heads)-1] {
		y, _ := strconv.Atoi(th.Text())
		if got := cells[i+1].Text(); got != euro(totals[y]) {
			t.Errorf("total %d: %s, want %s", y, got, euro(totals[y]))
		}
	}
}

func TestIndicatorPageKeepsWordsAndPeildatum(t *testing.T) {
	f := newFixture(t, generate.Small)
	prog := f.doc.Programmes[0]
	in := prog.Indicators[0] // indicator 1: "n.n.b." in Year-1, peildatum in Year-2
	doc := f.page(t, "/"+f.org.Slug+"/"+f.doc.Slug()+"/"+grip.Slugify(prog.Title)+"/indicatoren/"+grip.Slugify(in.Name))
	rows := doc.All("table.grip-measurements tbody tr")
	if len(rows) != len(in.Measurements) {
		t.Fatalf("%d rows, want %d", len(rows), len(in.Measurements))
	}
	text := doc.One(t, "table.grip-measurements").Text()
	for _, want := range []string{"n.n.b.", "01-07", "Stand op 1 juli.", "streefwaarde", "realisatie"} {
		if !strings.Contains(text, want) {
			t.Errorf("table lacks %q", want)
		}
	}
	svg := doc.One(t, "svg.grip-chart")
	if len(svg.All("circle")) == 0 || len(svg.All("rect.grip-chart__point--streefwaarde")) == 0 {
		t.Error("chart does not tell realised (circles) from planned (squares)")
	}
	// The chart labels every number the table shows.
	chartText := svg.Text()
	for _, m := range in.Measurements {
		if m.Value != nil && !strings.Contains(chartText, number(*m.Value)) {
			t.Errorf("chart lacks the value %s of %d", number(*m.Value), m.Year)
		}
	}
	if !strings.Contains(svg.Text(), "n.n.b.") {
		t.Error("chart does not show the word n.n.b.")
	}
}

func TestSearchDutch(t *testing.T) {
	f := newFixture(t, generate.Small)
	for q, want := range map[string]string{
		"jeugdzorg":            "jeugdzorgaanbieders",
		"schulden":             "schuldhulpverlening",
		"Jeugdzorg aanbieders": "jeugdzorgaanbieders",
	} {
		doc := f.page(t, "/"+f.org.Slug+"/zoeken?q="+strings.ReplaceAll(q, " ", "+"))
		res := doc.All("ol.grip-results li")
		if len(res) == 0 {
			t.Errorf("%q: no results", q)
			continue
		}
		if !strings.Contains(strings.ToLower(res[0].Text()), want) {
			t.Errorf("%q: first result %q lacks %q", q, res[0].Text(), want)
		}
	}
	doc := f.page(t, "/"+f.org.Slug+"/zoeken?q=xyzzyquux")
	if len(doc.All("ol.grip-results li")) != 0 || !strings.Contains(doc.Text(), "Geen resultaten") {
		t.Error("nonsense query should find nothing and say so")
	}
}

func TestSearchIndexMatches(t *testing.T) {
	for _, c := range []struct {
		term, q string
		want    bool
	}{
		{"jeugdzorgaanbieders", "jeugdzorg", true},
		{"schuldhulpverlening", "schulden", true},
		{"jeugdzorgaanbieders", "zorg", true},
		{"kinderen", "kind", true},
		{"wonen", "schulden", false},
	} {
		if got := termMatches(c.term, c.q, stem(c.q)); got != c.want {
			t.Errorf("termMatches(%q, %q) = %v", c.term, c.q, got)
		}
	}
}

func TestNotFoundIsDutchAndHelpful(t *testing.T) {
	f := newFixture(t, generate.Small)
	for _, p := range []string{"/bestaat-niet", "/" + f.org.Slug + "/begroting-1999", "/" + f.org.Slug + "/" + f.doc.Slug() + "/geen-programma"} {
		res, b := f.get(t, p)
		if res.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", p, res.StatusCode)
		}
		doc := parseHTML(t, b)
		if got := doc.One(t, "h1").Text(); got != "Pagina niet gevonden" {
			t.Errorf("%s: h1 %q", p, got)
		}
		checkAccessibleStructure(t, p, doc)
		if len(doc.All(`main a[href="/"]`)) == 0 {
			t.Errorf("%s: no way back home", p)
		}
	}
	// Within a known organisation the 404 offers its search.
	_, b := f.get(t, "/"+f.org.Slug+"/nergens")
	if !strings.Contains(string(b), "/"+f.org.Slug+"/zoeken") {
		t.Error("404 within an organisation should offer its search")
	}
}

// TestInternalErrorHidesDetails closes the database under the site: the
// reader gets a page without internal details, the log gets the error with
// the request id.
func TestInternalErrorHidesDetails(t *testing.T) {
	f := newFixture(t, generate.Small)
	f.db.Close()
	res, b := f.get(t, "/")
	if res.StatusCode != 500 {
		t.Fatalf("status %d, want 500", res.StatusCode)
	}
	id := res.Header.Get("X-Request-Id")
	body := string(b)
	if !strings.Contains(body, "Er ging iets mis") || !strings.Contains(body, id) {
		t.Errorf("error page lacks message or request id %s", id)
	}
	for _, leak := range []string{"sql", "closed", "database", "organisations:"} {
		if strings.Contains(strings.ToLower(body), leak) {
			t.Errorf("error page leaks %q", leak)
		}
	}
	if !strings.Contains(f.logs.String(), id) {
		t.Errorf("log lacks request id %s: %s", id, f.logs.String())
	}
}

func TestStaticAndMethods(t *testing.T) {
	f := newFixture(t, generate.Small)
	for _, p := range []string{"/static/site.css", "/static/print.css", "/static/fonts.css", "/static/vendor/utrecht/component-library.css",
		"/static/vendor/voorbeeld/theme.css", "/static/vendor/noto-sans/noto-sans-latin-400-normal.woff2"} {
		if res, _ := f.get(t, p); res.StatusCode != 200 {
			t.Errorf("%s: %d", p, res.StatusCode)
		}
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", rec.Code)
	}
}

func TestSlugsAreUniqueAndDeterministic(t *testing.T) {
	s := slugger{}
	got := []string{s.take("Jeugd", "x"), s.take("Jeugd", "x"), s.take("jeugd!", "x"), s.take("", "doel-4")}
	want := []string{"jeugd", "jeugd-2", "jeugd-3", "doel-4"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("slug %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestNumberFormat(t *testing.T) {
	for c, want := range map[grip.Cents]string{0: "0", 123456789: "1.234.568", -1207500: "-12.075", 49: "0"} {
		if got := euro(c); got != want {
			t.Errorf("euro(%d) = %q, want %q", c, got, want)
		}
	}
	for v, want := range map[float64]string{47.5: "47,5", 1234: "1.234", 0.25: "0,25", -3: "-3"} {
		if got := number(v); got != want {
			t.Errorf("number(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestConcurrentColdRequests asks many pages at once on a cold cache: one
// request reads the document, the others wait and get the same pages.
func TestConcurrentColdRequests(t *testing.T) {
	f := newFixture(t, generate.Small)
	prog := "/" + f.org.Slug + "/" + f.doc.Slug() + "/" + grip.Slugify(f.doc.Programmes[0].Title)
	errs := make(chan string, 40)
	done := make(chan struct{})
	for i := 0; i < 40; i++ {
		go func() {
			defer func() { done <- struct{}{} }()
			res, _ := f.get(t, prog)
			if res.StatusCode != 200 {
				errs <- res.Status
			}
		}()
	}
	for i := 0; i < 40; i++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestTrailingSlashRedirectStaysOnSite(t *testing.T) {
	f := newFixture(t, generate.Small)
	for path, want := range map[string]string{"/" + f.org.Slug + "/": "/" + f.org.Slug, "//evil.example/": "/evil.example", "///a//b/": "/a/b",
		// Browsers read "/\" in a Location as "//": a backslash must be escaped.
		"/%5Cevil.example/": "/%5Cevil.example", "/\\evil.example/": "/%5Cevil.example", "/a/%5C%5Cb/": "/a/%5C%5Cb"} {
		res, _ := f.get(t, path)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != want {
			t.Errorf("%s: %d to %q, want 301 to %q", path, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
}

// TestGzipAndETag: a kept page is sent compressed to clients that accept
// gzip, and not at all to clients that have it already.
func TestGzipAndETag(t *testing.T) {
	f := newFixture(t, generate.Small)
	path := "/" + f.org.Slug + "/" + f.doc.Slug() + "/" + grip.Slugify(f.doc.Programmes[0].Title)
	_, plain := f.get(t, path)
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Encoding", "br, gzip;q=0.8")
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	if rec.Header().Get("Content-Encoding") != "gzip" || rec.Header().Get("Vary") != "Accept-Encoding" {
		t.Fatalf("no gzip: %v", rec.Header())
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	unz, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(unz, plain) {
		t.Errorf("gzip body differs from the plain page (err %v)", err)
	}
	etag := rec.Header().Get("ETag")
	req = httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d with %d bytes, want 304 and none", rec.Code, rec.Body.Len())
	}
	req = httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Encoding", "gzip;q=0")
	rec = httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	if rec.Header().Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 still got gzip")
	}
}

// TestCrawlLarge crawls the whole Amsterdam-size gemeente: every entity has
// a page that answers, every link works (a few seconds; skipped with -short).
func TestCrawlLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("crawl of the large gemeente skipped with -short")
	}
	f := newFixture(t, generate.Large)
	seen := map[string]bool{"/": true}
	queue := []string{"/"}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		doc := f.page(t, p)
		checkAccessibleStructure(t, p, doc)
		for _, a := range doc.All("a[href]") {
			h, _, _ := strings.Cut(a.attr("href"), "#")
			if !strings.HasPrefix(h, "/") || strings.HasPrefix(h, "/static/") || seen[h] {
				continue
			}
			seen[h] = true
			queue = append(queue, h)
		}
	}
	c := f.doc.Counts()
	if want := len(f.doc.Programmes) + c.Themes + c.Goals + c.Subgoals + c.Activities + c.Proposals + c.Indicators; len(seen) < want {
		t.Errorf("crawled %d pages, want at least %d", len(seen), want)
	}
}
