package site

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"grip"
	"grip/demo"
	"grip/importer"
	"grip/iv3"
	"grip/store"
)

// newRealFixture stores the three real documents (package demo, read by
// the importer) in SQLite and serves them.
func newRealFixture(t testing.TB) (*fixture, map[string]*grip.Document) {
	t.Helper()
	return newRealFixtureOn(t, filepath.Join(t.TempDir(), "grip.db"))
}

// newRealFixtureOn is newRealFixture on the database named by dsn.
func newRealFixtureOn(t testing.TB, dsn string) (*fixture, map[string]*grip.Document) {
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
	docs := map[string]*grip.Document{}
	files := demo.Documents()
	if len(files) != 3 {
		t.Fatalf("demo has %d documents, want the three real ones", len(files))
	}
	for _, file := range files {
		name := file.Name
		res, err := importer.Read(name, file.Data, importer.Options{Taakvelden: cat})
		if err != nil {
			t.Fatalf("importer.Read(%s): %v", name, err)
		}
		if err := db.Apply(ctx, "test", grip.Batch{Organisations: []grip.Organisation{res.Organisation}, Documents: []*grip.Document{res.Document}}); err != nil {
			t.Fatalf("Apply %s: %v", name, err)
		}
		docs[strings.SplitN(name, "-", 2)[0]] = res.Document
	}
	logs := &strings.Builder{}
	h, err := New(Config{Store: db, Taakvelden: cat, Log: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{db: db, h: h, logs: logs}, docs
}

// TestRealEveryPage crawls the site of the three real documents: every
// linked page answers 200 and has the accessible structure.
func TestRealEveryPage(t *testing.T) {
	f, _ := newRealFixture(t)
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
	if len(seen) < 200 {
		t.Errorf("crawled only %d pages", len(seen))
	}
}

// TestRealHengeloMoney: the taakveld table of Hengelo's begroting 2019 shows
// the printed figures (in thousands in the document) and the totals.
func TestRealHengeloMoney(t *testing.T) {
	f, docs := newRealFixture(t)
	prog := docs["hengelo"].Programmes[0]
	doc := f.page(t, "/hengelo/begroting-2019/"+prog.Slug())
	table := doc.One(t, "table.grip-money")
	var row61 *node
	for _, tb := range table.All("tbody") {
		if strings.HasPrefix(tb.All("th")[0].Text(), "6.1 ") {
			row61 = tb
		}
	}
	if row61 == nil {
		t.Fatal("no rows for taakveld 6.1")
	}
	rows := row61.All("tr")
	cell := func(r *node) string { return r.All("td")[0].Text() }
	if cell(rows[0]) != "12.075.000" || cell(rows[1]) != "741.000" || cell(rows[2]) != "-11.334.000" {
		t.Errorf("6.1 in 2019: lasten %s, baten %s, saldo %s; want 12.075.000, 741.000, -11.334.000", cell(rows[0]), cell(rows[1]), cell(rows[2]))
	}
	var lasten grip.Cents
	for _, l := range prog.FinanceLines {
		if l.Year == 2019 && l.Side == grip.Lasten {
			lasten += l.Amount
		}
	}
	total := table.All("tfoot tr")[0].All("td")[0].Text()
	if total != euro(lasten) || total != "131.330.000" {
		t.Errorf("total lasten 2019 %s, want %s (131.330.000 as printed)", total, euro(lasten))
	}
	// Same numbers on the document page's summary.
	d := f.page(t, "/hengelo/begroting-2019")
	if got := d.One(t, "table.grip-programmes tbody tr").All("td")[5].Text(); got != "131.330.000" {
		t.Errorf("document page lasten 2019 %s", got)
	}
}

// TestRealTwenterandProposals: the kadernota's proposals, several printed
// under more than one goal, are listed once and their money counted once.
func TestRealTwenterandProposals(t *testing.T) {
	f, docs := newRealFixture(t)
	prog := docs["twenterand"].Programmes[0]
	doc := f.page(t, "/twenterand/kadernota-2020/"+prog.Slug())
	table := doc.One(t, "table.grip-proposals")
	if n := len(table.All("tbody tr")); n != len(prog.Proposals) {
		t.Errorf("%d proposal rows, want %d", n, len(prog.Proposals))
	}
	totals := grip.ProposalTotals(prog.Proposals)
	heads := table.All("thead th")
	cells := table.All("tfoot td")
	for i, th := range heads[2 : len(heads)-1] {
		y := 0
		for _, c := range th.Text() {
			y = y*10 + int(c-'0')
		}
		if got := cells[i+1].Text(); got != euro(totals[y]) {
			t.Errorf("total %d: %s, want %s", y, got, euro(totals[y]))
		}
	}
	if got := cells[1].Text(); got != "337.400" {
		t.Errorf("total 2020 %s, want 337.400", got)
	}
	// Every proposal page links to each of its goals, and back.
	for _, a := range table.All("tbody th a") {
		pp := f.page(t, a.attr("href"))
		for _, g := range pp.All("main ul.grip-links a") {
			back := false
			for _, l := range f.page(t, g.attr("href")).All("table.grip-proposals a") {
				back = back || l.attr("href") == a.attr("href")
			}
			if !back {
				t.Errorf("goal %s does not list proposal %s", g.attr("href"), a.attr("href"))
			}
		}
	}
}

// TestRealTwenterandSharedActivities: an activity printed under several
// subgoals is one page listing all of them.
func TestRealTwenterandSharedActivities(t *testing.T) {
	f, docs := newRealFixture(t)
	prog := docs["twenterand"].Programmes[0]
	shared := 0
	base := "/twenterand/kadernota-2020/" + prog.Slug() + "/activiteiten/"
	s := slugger{}
	for _, a := range prog.Activities {
		slug := s.take(a.Title, "")
		if len(a.GoalKeys) < 2 {
			continue
		}
		shared++
		doc := f.page(t, base+slug)
		if n := len(doc.All("main ul.grip-links a")); n != len(a.GoalKeys) {
			t.Errorf("%s: %d goals listed, want %d", a.Title, n, len(a.GoalKeys))
		}
	}
	if shared == 0 {
		t.Error("no shared activities in the Twenterand kadernota")
	}
}

func TestRealHulstJaarverslag(t *testing.T) {
	f, docs := newRealFixture(t)
	prog := docs["hulst"].Programmes[0]
	doc := f.page(t, "/hulst/jaarverslag-2021/"+prog.Slug())
	var h2 []string
	for _, h := range doc.All("main h2") {
		h2 = append(h2, h.Text())
	}
	joined := strings.Join(h2, "|")
	for _, q := range []string{"Wat hebben we bereikt?", "Wat hebben we gedaan?", "Wat heeft het gekost?"} {
		if !strings.Contains(joined, q) {
			t.Errorf("jaarverslag programme lacks %q (h2: %v)", q, h2)
		}
	}
}

func TestRealSearch(t *testing.T) {
	f, _ := newRealFixture(t)
	for _, c := range []struct{ org, q, want string }{
		{"hulst", "jeugdzorg", "jeugdzorg"},
		{"hengelo", "schulden", "schuldhulpverlening"},
		{"twenterand", "Jeugdhulp", "jeugdhulp"},
	} {
		doc := f.page(t, "/"+c.org+"/zoeken?q="+c.q)
		res := doc.All("ol.grip-results li")
		if len(res) == 0 {
			t.Errorf("%s %q: no results", c.org, c.q)
			continue
		}
		if !strings.Contains(strings.ToLower(res[0].Text()), c.want) {
			t.Errorf("%s %q: first result %q lacks %q", c.org, c.q, res[0].Text(), c.want)
		}
	}
}
