package site

import (
	"context"
	"fmt"
	"net/url"
)

// ===== HOOK FOR THE ANALYSES =====
//
// The analyses (checks per document, variance, indicator status "grip
// view", comparison) add their pages here, each in a file of its own:
//
//  1. write a view type that embeds Base and has
//     `func (*myView) templateName() string { return "controles" }`;
//  2. add templates/controles.html defining {{define "content"}} (the
//     layout, breadcrumb and components of layout.html/components.html are
//     available; one h1 comes from Base.Title);
//  3. return a docPageExt (pages of one document, at /{org}/{doc}/{Slug}) or
//     an orgPageExt (pages of an organisation, at /{org}/{Slug}) from
//     analysisExtensions below.
//
// New checks at start-up that every extension's template exists and that no
// two pages claim the same URL name. The document page links to every
// docPageExt with its Label; the organisation page to every orgPageExt.

// analysisExtensions lists the pages the analyses add (analysis_pages.go).
func (s *server) analysisExtensions() extensions {
	return extensions{
		docPages: []docPageExt{s.checksPage(), s.gripPage(), s.variancePage(), s.reservesPage()},
		orgPages: []orgPageExt{s.comparisonPage()},
	}
}

// ===== END OF HOOK =====

// docPageExt is an extra page of a document, at /{org}/{doc}/{Slug}.
type docPageExt struct {
	// Slug is the URL name under the document ("controles"); programme URL
	// names avoid it.
	Slug string
	// Label is the link text on the document page ("Controles").
	Label string
	// Template is the template file's name without ".html"; the page's view
	// type must return it from templateName.
	Template string
	// Build makes the page's view data from the indexed document.
	Build func(ctx context.Context, org *orgEntry, x *docIndex) (page, error)
	// Absent, optional, says in a short phrase why the page has nothing for
	// the document ("" when it has content). The document page then does not
	// link to it but names it with the reason, so a reader is not sent to an
	// empty page; the page itself still answers when opened directly.
	Absent func(x *docIndex) string
}

// orgPageExt is an extra page of an organisation, at /{org}/{Slug}.
type orgPageExt struct {
	Slug     string
	Label    string
	Template string
	// Build gets the URL's query: an organisation page may be a form.
	Build func(ctx context.Context, org *orgEntry, form url.Values) (page, error)
}

// extensions are the pages other areas add to the site.
type extensions struct {
	docPages []docPageExt
	orgPages []orgPageExt
}

func (e extensions) validate() error {
	seen := map[string]bool{searchSlug: true}
	for _, p := range e.docPages {
		if p.Slug == "" || p.Build == nil || p.Template == "" || seen["d/"+p.Slug] {
			return fmt.Errorf("site: document page %q is incomplete or claimed twice", p.Slug)
		}
		seen["d/"+p.Slug] = true
	}
	for _, p := range e.orgPages {
		if p.Slug == "" || p.Build == nil || p.Template == "" || seen[p.Slug] || seen["o/"+p.Slug] {
			return fmt.Errorf("site: organisation page %q is incomplete or claimed twice", p.Slug)
		}
		seen["o/"+p.Slug] = true
	}
	return nil
}

func (e extensions) docPage(slug string) (docPageExt, bool) {
	for _, p := range e.docPages {
		if p.Slug == slug {
			return p, true
		}
	}
	return docPageExt{}, false
}

func (e extensions) orgPage(slug string) (orgPageExt, bool) {
	for _, p := range e.orgPages {
		if p.Slug == slug {
			return p, true
		}
	}
	return orgPageExt{}, false
}

func (e extensions) templates() []string {
	var out []string
	for _, p := range e.docPages {
		out = append(out, p.Template)
	}
	for _, p := range e.orgPages {
		out = append(out, p.Template)
	}
	return out
}
