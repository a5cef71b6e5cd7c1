package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"grip"
	"grip/exchange"
	"grip/generate"
	"grip/store"
)

// hostile is what an imported document may hold in any text: markup, a
// script and javascript: URLs. Whatever grip serves must keep it inert.
const hostile = `<script>alert(1)</script><a href="javascript:alert(2)">x</a><img src=x onerror=alert(3)> javascript:alert(4) " ' </title></svg>`

// poison appends hostile to every free-text string field of v (titles,
// names, texts, headings), leaving keys, codes and enumerations alone so the
// document stays valid.
func poison(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			poison(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			poison(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f, sf := v.Field(i), v.Type().Field(i)
			if !sf.IsExported() {
				continue
			}
			switch {
			case f.Kind() == reflect.String && f.Type() == reflect.TypeFor[string]() && freeText(sf.Name):
				f.SetString(f.String() + " " + hostile)
			case f.Kind() == reflect.Slice && f.Type().Elem() == reflect.TypeFor[string]() && freeText(sf.Name):
				for j := range f.Len() {
					f.Index(j).SetString(f.Index(j).String() + " " + hostile)
				}
			default:
				poison(f)
			}
		}
	}
}

func freeText(field string) bool {
	switch field {
	case "Title", "Name", "Text", "Body", "Heading", "Description", "MainObjective", "Plan",
		"Realisation", "Planning", "Resources", "Risks", "Decision", "Note", "Explanation",
		"Word", "Group", "Funding", "Principles", "PolicyNotes", "PortfolioHolders", "Sectors", "OfficialContacts":
		return true
	}
	return false
}

// TestHostileDocumentIsInert imports a gemeente whose every text carries
// markup, a script and javascript: URLs, then requests every page of the
// website (crawling from /) and every API route (from the OpenAPI
// document): no response may carry a script element, an event handler or a
// javascript: URL, and every response, errors, redirects and static files
// included, carries the security headers.
func TestHostileDocumentIsInert(t *testing.T) {
	ctx := context.Background()
	a := &app{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" },
		log: slog.New(slog.DiscardHandler)}
	cat, err := a.taakvelden()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "grip.db"), cat)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	org, doc, err := generate.Gemeente(generate.Options{Size: generate.Small, Seed: 7}, cat)
	if err != nil {
		t.Fatal(err)
	}
	org.Name += " " + hostile
	poison(reflect.ValueOf(doc))
	if err := db.Apply(ctx, "test", grip.Batch{Organisations: []grip.Organisation{org}, Documents: []*grip.Document{doc}}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	// The exchange golden file has what the generated gemeente lacks:
	// variance lines, reserves with mutations, progress entries.
	fh, err := os.Open(filepath.Join("..", "..", "exchange", "testdata", "export.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	ex, err := exchange.Read(fh, "export.json", cat)
	if err != nil {
		t.Fatal(err)
	}
	poison(reflect.ValueOf(ex.Organisations))
	poison(reflect.ValueOf(ex.Documents))
	if err := db.Apply(ctx, "test", grip.Batch{Organisations: ex.Organisations, Documents: ex.Documents}); err != nil {
		t.Fatalf("Apply export.json: %v", err)
	}
	docs := append([]*grip.Document{doc}, ex.Documents...)
	h, err := a.httpHandler(db)
	if err != nil {
		t.Fatal(err)
	}
	do := func(method, path string) (*http.Response, []byte) {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
		res := rec.Result()
		b, _ := io.ReadAll(res.Body)
		for _, name := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"} {
			if res.Header.Get(name) == "" {
				t.Errorf("%s %s (%d): no %s header", method, path, res.StatusCode, name)
			}
		}
		if csp := res.Header.Get("Content-Security-Policy"); strings.Contains(csp, "unsafe-") {
			t.Errorf("%s %s: CSP allows %q", method, path, csp)
		}
		return res, b
	}

	// The website: every page reachable from /.
	seen := map[string]bool{"/": true}
	queue := []string{"/"}
	pages := 0
	for len(queue) > 0 && len(seen) < 5000 {
		p := queue[0]
		queue = queue[1:]
		res, b := do(http.MethodGet, p)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", p, res.StatusCode)
			continue
		}
		pages++
		for _, href := range checkInertHTML(t, p, b) {
			if !strings.HasPrefix(href, "/") || strings.HasPrefix(href, "//") || strings.HasPrefix(href, "/api/") {
				continue
			}
			href, _, _ = strings.Cut(href, "#")
			if !seen[href] {
				seen[href] = true
				queue = append(queue, href)
			}
		}
	}
	if pages < 50 {
		t.Errorf("crawled only %d pages", pages)
	}
	// Every kind of page was among them: the document's analysis pages too.
	for _, suffix := range []string{"/controles", "/grip", "/vergelijking", "/verschillen", "/reserves",
		"/indicatoren/", "/activiteiten/", "/voorstellen/"} {
		found := false
		for p := range seen {
			if strings.HasSuffix(p, suffix) || strings.Contains(p, suffix) && strings.HasSuffix(suffix, "/") {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("the crawl reached no page like *%s", suffix)
		}
	}
	// What a visitor types is echoed inert too (search, the comparison's
	// choices, a path that does not exist).
	q := url.QueryEscape(hostile)
	for _, p := range []string{"/" + org.Slug + "/zoeken?q=" + q, "/" + org.Slug + "/vergelijking?taakveld=" + q + "&groep=" + q,
		"/" + org.Slug + "/" + url.PathEscape(hostile), "/" + org.Slug + "/zoeken?q=script",
		// Linked only when the document has variance lines or reserves
		// (the generated one has none); they must still be inert.
		"/" + org.Slug + "/" + doc.Slug() + "/verschillen", "/" + org.Slug + "/" + doc.Slug() + "/reserves"} {
		res, b := do(http.MethodGet, p)
		if res.StatusCode >= 500 {
			t.Errorf("GET %s: status %d", p, res.StatusCode)
		}
		checkInertHTML(t, p, b)
	}

	// The API: every route of the OpenAPI document, with every id the
	// document's answer holds.
	_, spec := do(http.MethodGet, "/api/v1/openapi.json")
	var openapi struct {
		Paths map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(spec, &openapi); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		_, docJSON := do(http.MethodGet, "/api/v1/organisations/"+d.Organisation+"/documents/"+d.Slug())
		collectIDs(t, docJSON, &ids)
	}
	if len(ids) < 20 {
		t.Fatalf("only %d ids in the documents' answers", len(ids))
	}
	checkJSON := func(path string) {
		t.Helper()
		res, b := do(http.MethodGet, path)
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("GET %s: Content-Type %q", path, ct)
		}
		if bytes.ContainsAny(b, "<>") {
			t.Errorf("GET %s: raw < or > in JSON (not escaped):\n%.300s", path, b)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for _, d := range docs {
		for p := range openapi.Paths {
			p = strings.ReplaceAll(p, "{org}", d.Organisation)
			p = strings.ReplaceAll(p, "{doc}", d.Slug())
			if !strings.Contains(p, "{id}") {
				checkJSON(p)
				continue
			}
			for _, id := range ids {
				checkJSON(strings.ReplaceAll(p, "{id}", id))
			}
		}
	}

	// Errors, redirects and static files carry the headers too (do checks).
	for _, r := range []struct{ method, path string }{
		{"GET", "/bestaat-niet"}, {"GET", "/" + org.Slug + "/"}, {"GET", "/static/site.css"},
		{"GET", "/static/bestaat-niet.css"}, {"POST", "/"}, {"DELETE", "/api/v1/organisations"},
		{"GET", "/api/v1/bestaat-niet"}, {"GET", "/healthz"}, {"GET", "/%5Cevil.example/"},
	} {
		res, b := do(r.method, r.path)
		if res.StatusCode == http.StatusMovedPermanently || res.StatusCode == http.StatusFound {
			if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") {
				t.Errorf("%s %s: redirect off-site to %q", r.method, r.path, loc)
			}
		}
		if strings.Contains(strings.ToLower(string(b)), "<script") {
			t.Errorf("%s %s: script in the answer", r.method, r.path)
		}
	}
}

// checkInertHTML fails when the page has a script element, an event handler
// attribute or a javascript: URL, and returns the page's links.
func checkInertHTML(t *testing.T, path string, b []byte) []string {
	t.Helper()
	// grip's pages have no script at all, so the text "<script" may not
	// appear raw anywhere (the tokenizer below reads <title> as text, while
	// a browser inside <svg> does not).
	if bytes.Contains(bytes.ToLower(b), []byte("<script")) {
		t.Errorf("%s: raw <script in the page", path)
	}
	var links []string
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return links
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data == "script" || tok.Data == "iframe" || tok.Data == "object" || tok.Data == "embed" {
			t.Errorf("%s: <%s> element", path, tok.Data)
		}
		for _, at := range tok.Attr {
			key, val := strings.ToLower(at.Key), strings.ToLower(strings.TrimSpace(at.Val))
			if strings.HasPrefix(key, "on") {
				t.Errorf("%s: <%s %s=%q>", path, tok.Data, at.Key, at.Val)
			}
			if strings.HasPrefix(strings.Map(dropSpace, val), "javascript:") || strings.HasPrefix(val, "data:text/html") {
				t.Errorf("%s: <%s %s=%q>", path, tok.Data, at.Key, at.Val)
			}
			if key == "href" && tok.Data == "a" {
				links = append(links, at.Val)
			}
		}
	}
}

func dropSpace(r rune) rune {
	if r <= ' ' {
		return -1
	}
	return r
}

// collectIDs gathers every numeric "id" of a JSON answer.
func collectIDs(t *testing.T, b []byte, ids *[]string) {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if n, ok := x.(float64); ok && k == "id" {
					*ids = append(*ids, strconv.FormatInt(int64(n), 10))
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
}
