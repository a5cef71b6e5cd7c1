package site

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestParagraphsAreApart: the paragraphs of an imported text (Twenterand's
// inleiding) are set apart in the browser, not run together into one block.
// The Voorbeeld theme leaves Utrecht's paragraph margin token unset.
func TestParagraphsAreApart(t *testing.T) {
	ctx := browser(t)
	f, _ := newRealFixture(t)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	do(t, ctx, chromedp.Navigate(srv.URL+"/twenterand/kadernota-2020/sociaal-domein"), chromedp.WaitReady("main"))
	// The gap between the bottom of each paragraph and the top of the next
	// paragraph that follows it directly.
	gaps := eval[[]float64](t, ctx, `Array.from(document.querySelectorAll('main p + p')).map(p => {
		const prev = p.previousElementSibling.getBoundingClientRect();
		return p.getBoundingClientRect().top - prev.bottom; })`)
	if len(gaps) < 3 {
		t.Fatalf("programme page has %d paragraphs that follow a paragraph, want the inleiding's", len(gaps))
	}
	for i, g := range gaps {
		if g < 8 {
			t.Errorf("paragraph %d follows the previous one %.1fpx below it: paragraphs run together", i, g)
		}
	}
}

// TestPrintLinksAreBlack: on paper the links of the main text are black, not
// the screen's link blue.
func TestPrintLinksAreBlack(t *testing.T) {
	ctx := browser(t)
	f, _ := newRealFixture(t)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	printMedia := chromedp.Action[chromedp.Void](func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return chromedp.Void{}, err
	})
	do(t, ctx, chromedp.Navigate(srv.URL+"/hengelo/begroting-2019/sociaal-domein"), chromedp.WaitReady("main"), printMedia)
	colours := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('main a, .grip-breadcrumb a')).map(a => getComputedStyle(a).color)`)
	if len(colours) == 0 {
		t.Fatal("no links on the programme page")
	}
	for i, c := range colours {
		if c != "rgb(0, 0, 0)" {
			t.Errorf("print: link %d has colour %s, want black", i, c)
			break
		}
	}
}

// TestTreeHasNoBullets: the goal tree shows level labels and guide lines,
// and the W-question links are a row: neither also gets Utrecht's bullets.
func TestTreeHasNoBullets(t *testing.T) {
	ctx := browser(t)
	f, _ := newRealFixture(t)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	do(t, ctx, chromedp.Navigate(srv.URL+"/twenterand/kadernota-2020/sociaal-domein"), chromedp.WaitReady("main"))
	markers := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('ul.grip-tree > li, .grip-toc li')).map(li => getComputedStyle(li, '::marker').content)`)
	if len(markers) == 0 {
		t.Fatal("no goal tree on the programme page")
	}
	for i, m := range markers {
		if m != "none" {
			t.Errorf("tree item %d has marker %s", i, m)
			break
		}
	}
}
