// Package site is grip's public website: the published programme for the
// council and for inwoners, server-rendered HTML in Dutch.
//
// Routes (all GET/HEAD; segments are slugs, see urls.go):
//
//	/                                         organisations
//	/static/...                               vendored CSS, fonts, site CSS
//	/{org}                                    the organisation's documents by year and kind
//	/{org}/zoeken?q=...                       search across the organisation
//	/{org}/{kind-year}                        a document: its programmes
//	/{org}/{kind-year}/{programme}            programme: three W-questions, goal tree, money, proposals
//	/{org}/{kind-year}/{programme}/{theme}[/{goal}[/{subgoal}...]]   goal-tree pages
//	/{org}/{kind-year}/{programme}/activiteiten/{activity}
//	/{org}/{kind-year}/{programme}/voorstellen/{proposal}
//	/{org}/{kind-year}/{programme}/indicatoren/{indicator}
//
// Extra pages of the analyses hook in through analysis.go.
package site

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"grip"
	"grip/httpx"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is what the website needs.
type Config struct {
	Store      grip.Store
	Taakvelden grip.TaakveldCatalog
	Log        *slog.Logger
	// CacheTTL is how long the list of an organisation's documents is reused
	// before the store is asked again; a replaced document shows up on the
	// site within this time. Zero means 2 seconds; negative means always ask.
	CacheTTL time.Duration
	// PageCacheBytes bounds the rendered pages kept in memory (documents are
	// immutable until replaced, so their pages can be reused). Zero means
	// 64 MiB; negative disables the page cache.
	PageCacheBytes int64
}

// server is the website's handler. Everything it caches lives here; there is
// no package-level state.
type server struct {
	cfg    Config
	log    *slog.Logger
	pages  *templates
	static http.Handler
	ext    extensions

	mu        sync.Mutex
	orgList   *cachedOrgs
	orgs      map[string]*orgEntry // by slug
	docs      map[docKey]*docEntry
	cacheUsed int64
}

// New returns the website's handler.
func New(cfg Config) (http.Handler, error) {
	if cfg.Store == nil {
		return nil, errors.New("site: Config.Store is nil")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.CacheTTL == 0 {
		cfg.CacheTTL = 2 * time.Second
	}
	if cfg.PageCacheBytes == 0 {
		cfg.PageCacheBytes = 64 << 20
	}
	s := &server{cfg: cfg, log: cfg.Log, orgs: map[string]*orgEntry{}, docs: map[docKey]*docEntry{}}
	s.ext = s.analysisExtensions()
	if err := s.ext.validate(); err != nil {
		return nil, err
	}
	t, err := parseTemplates(s.ext)
	if err != nil {
		return nil, err
	}
	s.pages = t
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("site: static files: %w", err)
	}
	s.static = http.StripPrefix("/static/", staticHandler(http.FileServerFS(sub)))
	return s, nil
}

// staticHandler lets browsers keep the vendored files for a day.
func staticHandler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		h.ServeHTTP(w, r)
	})
}

// siteCSP allows the site's own styles, fonts and images and nothing
// inline: no script is needed to read any page.
const siteCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// ServeHTTP sets the security headers, makes sure the request has an id,
// recovers from panics and routes by path segments.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	httpx.SetSecurityHeaders(w.Header(), siteCSP)
	if httpx.RequestID(r.Context()) == "" {
		// Mounted without httpx.RequestIDs (tests, other wiring).
		id := newRequestID()
		w.Header().Set(httpx.RequestIDHeader, id)
		r = r.WithContext(httpx.WithRequestID(r.Context(), id))
	}
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.serverError(w, r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
		}
	}()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "methode niet toegestaan", http.StatusMethodNotAllowed)
		return
	}
	if name, ok := strings.CutPrefix(r.URL.Path, "/static/"); ok {
		if !fs.ValidPath(name) {
			s.handleError(w, r, grip.Errorf(grip.ENotFound, "bestand niet gevonden"))
			return
		}
		s.static.ServeHTTP(w, r)
		return
	}
	if err := s.route(w, r); err != nil {
		s.handleError(w, r, err)
	}
}

func newRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// route dispatches on the path's segments. The mux of the standard library
// cannot express "a goal path of any depth under a programme next to fixed
// names", so the few levels are matched here, in one place.
func (s *server) route(w http.ResponseWriter, r *http.Request) error {
	path := r.URL.Path
	if path != "/" && strings.HasSuffix(path, "/") {
		// Join the segments again, each escaped: "//evil.example/" must not
		// become a protocol-relative redirect, nor "/\evil.example/" (browsers
		// read a backslash in a Location as a slash).
		segs := splitPath(path)
		for i, seg := range segs {
			segs[i] = url.PathEscape(seg)
		}
		http.Redirect(w, r, "/"+strings.Join(segs, "/"), http.StatusMovedPermanently)
		return nil
	}
	segs := splitPath(path)
	ctx := r.Context()
	switch len(segs) {
	case 0:
		return s.servePage(w, r, nil, func() (page, error) { return s.indexPage(ctx) })
	case 1:
		if segs[0] == "favicon.ico" || segs[0] == "robots.txt" {
			return grip.Errorf(grip.ENotFound, "bestand niet gevonden")
		}
		org, err := s.org(ctx, segs[0])
		if err != nil {
			return err
		}
		return s.servePage(w, r, nil, func() (page, error) { return s.orgPage(org), nil })
	}
	org, err := s.org(ctx, segs[0])
	if err != nil {
		return err
	}
	if segs[1] == searchSlug && len(segs) == 2 {
		return s.servePage(w, r, nil, func() (page, error) { return s.searchPage(ctx, org, r.URL.Query().Get("q")) })
	}
	if p, ok := s.ext.orgPage(segs[1]); ok && len(segs) == 2 {
		return s.servePage(w, r, nil, func() (page, error) { return p.Build(ctx, org, r.URL.Query()) })
	}
	d, err := s.document(ctx, org, segs[1])
	if err != nil {
		return err
	}
	if len(segs) == 2 {
		return s.servePage(w, r, d, func() (page, error) { return s.documentPage(d), nil })
	}
	if p, ok := s.ext.docPage(segs[2]); ok && len(segs) == 3 {
		return s.servePage(w, r, d, func() (page, error) { return p.Build(ctx, org, d.idx) })
	}
	prog := d.idx.progBySlug[segs[2]]
	if prog == nil {
		return notFound("programma", segs[2])
	}
	if len(segs) == 3 {
		return s.servePage(w, r, d, func() (page, error) { return s.programmePage(d.idx, prog), nil })
	}
	rest := segs[3:]
	if len(rest) == 1 {
		// A reader who shortens an entity URL lands on the programme's list.
		anchor := ""
		switch rest[0] {
		case activitiesSlug, proposalsSlug:
			anchor = "#doen"
		case indicatorsSlug:
			anchor = "#bereiken"
		}
		if anchor != "" {
			http.Redirect(w, r, d.idx.progURL(prog)+anchor, http.StatusFound)
			return nil
		}
	}
	if len(rest) == 2 {
		switch rest[0] {
		case activitiesSlug:
			a := prog.actBySlug[rest[1]]
			if a == nil {
				return notFound("activiteit", rest[1])
			}
			return s.servePage(w, r, d, func() (page, error) { return s.activityPage(d.idx, prog, a), nil })
		case proposalsSlug:
			p := prog.propBySlug[rest[1]]
			if p == nil {
				return notFound("voorstel", rest[1])
			}
			return s.servePage(w, r, d, func() (page, error) { return s.proposalPage(d.idx, prog, p), nil })
		case indicatorsSlug:
			in := prog.indBySlug[rest[1]]
			if in == nil {
				return notFound("indicator", rest[1])
			}
			return s.servePage(w, r, d, func() (page, error) { return s.indicatorPage(d.idx, prog, in), nil })
		}
	}
	g := prog.goalByPath[strings.Join(rest, "/")]
	if g == nil {
		return notFound("onderdeel", strings.Join(rest, "/"))
	}
	return s.servePage(w, r, d, func() (page, error) { return s.goalPage(d.idx, prog, g), nil })
}

func notFound(what, slug string) error {
	return grip.Errorf(grip.ENotFound, "er is geen %s met de naam %q", what, slug)
}

func splitPath(p string) []string {
	var segs []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			segs = append(segs, s)
		}
	}
	return segs
}

// servePage renders the page built by build. Pages of a document are kept
// (the document is immutable until replaced) as long as the budget allows,
// with their gzip form and ETag.
func (s *server) servePage(w http.ResponseWriter, r *http.Request, d *docEntry, build func() (page, error)) error {
	key := r.URL.Path
	cacheable := d != nil && r.URL.RawQuery == "" && s.cfg.PageCacheBytes >= 0
	if cacheable {
		if rp, ok := d.cached(key); ok {
			writePage(w, r, http.StatusOK, rp)
			return nil
		}
	}
	p, err := build()
	if err != nil {
		return err
	}
	b, err := s.pages.render(p)
	if err != nil {
		return fmt.Errorf("render %s: %w", p.templateName(), err)
	}
	rp := newRenderedPage(b, cacheable)
	if cacheable {
		s.keep(d, key, rp)
	}
	writePage(w, r, http.StatusOK, rp)
	return nil
}

// renderedPage is a page's HTML, its gzip form (for kept pages) and its ETag.
type renderedPage struct {
	body []byte
	gz   []byte
	etag string
}

func newRenderedPage(b []byte, compress bool) *renderedPage {
	h := fnv.New64a()
	h.Write(b)
	rp := &renderedPage{body: b, etag: fmt.Sprintf(`"%x"`, h.Sum64())}
	if compress {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed) // a valid level never fails
		_, _ = zw.Write(b)
		if zw.Close() == nil && buf.Len() < len(b) {
			rp.gz = buf.Bytes()
		}
	}
	return rp
}

func (rp *renderedPage) size() int64 { return int64(len(rp.body) + len(rp.gz)) }

// writePage answers with the page: 304 when the client has it, gzip when
// the client accepts it and the page has that form.
func writePage(w http.ResponseWriter, r *http.Request, status int, rp *renderedPage) {
	h := w.Header()
	body, etag := rp.body, rp.etag
	if rp.gz != nil {
		h.Set("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			body, etag = rp.gz, rp.etag[:len(rp.etag)-1]+`-gz"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	if status == http.StatusOK {
		h.Set("ETag", etag)
		h.Set("Cache-Control", "no-cache")
		if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatch(inm, etag) {
			h.Del("Content-Encoding")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	writeHTML(w, r, status, body)
}

func acceptsGzip(ae string) bool {
	for _, part := range strings.Split(ae, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") {
			q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

func writeHTML(w http.ResponseWriter, r *http.Request, status int, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b)
	}
}

// keep stores a rendered page of a document within the cache budget.
func (s *server) keep(d *docEntry, key string, rp *renderedPage) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cacheUsed+rp.size() > s.cfg.PageCacheBytes {
		return
	}
	if d.store(key, rp) {
		s.cacheUsed += rp.size()
	}
}

// handleError turns err into a page: the user's mistakes with their Dutch
// message, ours as a page without details, logged with the request id.
func (s *server) handleError(w http.ResponseWriter, r *http.Request, err error) {
	switch grip.ErrorCode(err) {
	case grip.ENotFound:
		s.renderError(w, r, http.StatusNotFound, &errorView{
			Base:     Base{Title: "Pagina niet gevonden"},
			Message:  grip.ErrorMessage(err),
			NotFound: true,
		})
	case grip.EInvalid:
		s.renderError(w, r, http.StatusBadRequest, &errorView{
			Base:    Base{Title: "Ongeldige vraag"},
			Message: grip.ErrorMessage(err),
		})
	default:
		s.serverError(w, r, err)
	}
}

func (s *server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	id := httpx.RequestID(r.Context())
	s.log.Error("site: internal error", "request_id", id, "method", r.Method, "path", r.URL.Path, "err", err)
	s.renderError(w, r, http.StatusInternalServerError, &errorView{
		Base:      Base{Title: "Er ging iets mis"},
		Message:   "Door een fout aan onze kant kunnen we deze pagina nu niet tonen. Probeer het later opnieuw.",
		RequestID: id,
	})
}

func (s *server) renderError(w http.ResponseWriter, r *http.Request, status int, v *errorView) {
	v.Path = r.URL.Path
	segs := splitPath(r.URL.Path)
	if len(segs) > 0 && status == http.StatusNotFound {
		// Offer the organisation's start page and search when the first
		// segment is a known organisation.
		if org, err := s.org(r.Context(), segs[0]); err == nil {
			v.Org = orgRef(org)
			v.Base.OrgName = org.org.Name
			v.Base.OrgSlug = org.org.Slug
		}
	}
	v.Crumbs = []Crumb{{Label: "Home", URL: "/"}}
	if v.Org != nil {
		v.Crumbs = append(v.Crumbs, Crumb{Label: v.Org.Label, URL: v.Org.URL})
	}
	v.Crumbs = append(v.Crumbs, Crumb{Label: v.Title})
	b, err := s.pages.render(v)
	if err != nil {
		s.log.Error("site: rendering error page", "request_id", httpx.RequestID(r.Context()), "err", err)
		http.Error(w, "Er ging iets mis.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeHTML(w, r, status, b)
}
