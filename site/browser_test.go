package site

import (
	"context"
	_ "embed"
	"encoding/json"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"grip"
	"grip/generate"
)

//go:embed testdata/axe/axe.min.js
var axeSource string

// browser starts Debian's chromium headless, or skips the test when it is
// missing (fails under CI=true).
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("GRIP_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium not found at %s (CI=true: browser tests must run)", path)
		}
		t.Skipf("chromium not found at %s: browser tests skipped (install Debian's chromium or set GRIP_CHROMIUM)", path)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
  .then(r => JSON.stringify({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
     nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))}))`

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluate %.60q: %v", expr, err)
	}
	return v
}

// do runs browser actions, failing the test on error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// TestAxeEveryPageType visits every page type of the generated gemeente in
// Chromium, runs axe-core and expects no WCAG 2.1 A/AA violation.
func TestAxeEveryPageType(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, generate.Small)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
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
		"/" + f.org.Slug + "/bestaat-niet",
	}
	checkAxe(t, ctx, srv.URL, pages)
}

// TestAxeRealDocuments runs axe-core on the pages of the three real documents.
func TestAxeRealDocuments(t *testing.T) {
	ctx := browser(t)
	f, _ := newRealFixture(t)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	var pages []string
	for _, p := range []string{"/twenterand/kadernota-2020", "/hengelo/begroting-2019", "/hulst/jaarverslag-2021"} {
		pages = append(pages, p)
		doc := f.page(t, p)
		prog := doc.All("table.grip-programmes tbody a")[0].attr("href")
		pages = append(pages, prog)
		pd := f.page(t, prog)
		// The first link of each kind on the programme page.
		for _, kind := range []string{"/activiteiten/", "/voorstellen/", "/indicatoren/", "/"} {
			for _, a := range pd.All("main section a") {
				h := a.attr("href")
				if strings.HasPrefix(h, prog+kind) && !strings.Contains(h, "#") {
					pages = append(pages, h)
					break
				}
			}
		}
	}
	checkAxe(t, ctx, srv.URL, pages)
}

func checkAxe(t *testing.T, ctx context.Context, base string, pages []string) {
	t.Helper()
	t.Logf("axe-core on %d pages: %v", len(pages), pages)
	for _, p := range pages {
		do(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady("main"), chromedp.Evaluate[chromedp.Void](axeSource))
		out := eval[string](t, ctx, axeRun, chromedp.EvalAwaitPromise)
		var res struct {
			Passes     int
			Violations []axeViolation
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("%s: axe result %q: %v", p, out, err)
		}
		if res.Passes < 10 {
			t.Errorf("%s: axe passed only %d rules: did it run?", p, res.Passes)
		}
		for _, v := range res.Violations {
			t.Errorf("%s: axe %s (%s): %s at %s", p, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
		}
	}
}

// TestKeyboardFlow walks from the start page to an activity with the
// keyboard only: Tab to the skip link, Enter, Tab to a link, Enter.
func TestKeyboardFlow(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, generate.Small)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	prog := f.doc.Programmes[0]
	theme := prog.Goals[0]
	steps := []string{
		"/" + f.org.Slug,
		"/" + f.org.Slug + "/" + f.doc.Slug(),
		"/" + f.org.Slug + "/" + f.doc.Slug() + "/" + grip.Slugify(prog.Title),
	}
	steps = append(steps, steps[2]+"/"+grip.Slugify(theme.Title))
	steps = append(steps, steps[3]+"/"+grip.Slugify(theme.Children[0].Title))
	// And from the goal to the first of its activities.
	goal := f.page(t, steps[4])
	for _, a := range goal.All("main ul.grip-links a") {
		if strings.Contains(a.attr("href"), "/activiteiten/") {
			steps = append(steps, a.attr("href"))
			break
		}
	}
	if len(steps) != 6 {
		t.Fatal("the goal page lists no activity")
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitReady("main"))
	for _, want := range steps {
		// The first Tab on a fresh page reaches the skip link, visibly.
		do(t, ctx, chromedp.KeyEvent(kb.Tab))
		href := eval[string](t, ctx, `document.activeElement.getAttribute('href') || ''`)
		outline := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`)
		top := eval[float64](t, ctx, `document.activeElement.getBoundingClientRect().top`)
		if href != "#inhoud" {
			t.Fatalf("first Tab focuses %q, want the skip link", href)
		}
		if outline == "none" || top < 0 {
			t.Errorf("skip link not visible when focused (outline %q, top %v)", outline, top)
		}
		do(t, ctx, chromedp.KeyEvent(kb.Enter), chromedp.Sleep(50*time.Millisecond))
		active := eval[string](t, ctx, `document.activeElement.id`)
		if active != "inhoud" {
			t.Errorf("after the skip link focus is on %q, want main#inhoud", active)
		}
		// Tab through the main content until the link to the next step.
		found := false
		for i := 0; i < 200; i++ {
			do(t, ctx, chromedp.KeyEvent(kb.Tab))
			if eval[string](t, ctx, `document.activeElement.getAttribute('href') || ''`) == want {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("no keyboard path to %s", want)
		}
		do(t, ctx, chromedp.KeyEvent(kb.Enter), chromedp.Sleep(100*time.Millisecond), chromedp.WaitReady("main"))
		path := eval[string](t, ctx, `location.pathname`)
		if path != want {
			t.Fatalf("Enter led to %s, want %s", path, want)
		}
	}
}

// TestPrintStylesheet renders a programme page for print: no search or
// skip link, the charts and tables kept, and a PDF comes out.
func TestPrintStylesheet(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, generate.Small)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	url := srv.URL + "/" + f.org.Slug + "/" + f.doc.Slug() + "/" + f.doc.Programmes[0].Slug()
	printMedia := chromedp.Action[chromedp.Void](func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return chromedp.Void{}, err
	})
	do(t, ctx, chromedp.Navigate(url), chromedp.WaitReady("main"), printMedia)
	for sel, want := range map[string]string{".grip-search": "none", ".grip-toc": "none", "table.grip-money": "table", "svg.grip-chart": "inline"} {
		if got := eval[string](t, ctx, `getComputedStyle(document.querySelector('`+sel+`')).display`); got != want {
			t.Errorf("print: %s display %q, want %q", sel, got, want)
		}
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFOutlineAndTagged()))
	if err != nil {
		t.Fatal(err)
	}
	if len(pdf) < 1000 || !strings.HasPrefix(string(pdf), "%PDF") {
		t.Errorf("no PDF (%d bytes)", len(pdf))
	}
}
