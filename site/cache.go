package site

import (
	"context"
	"fmt"
	"sync"
	"time"

	"grip"
)

// orgEntry is an organisation with its list of documents, as last read.
type orgEntry struct {
	org  grip.Organisation
	docs []grip.DocumentInfo
	at   time.Time
	// refreshing is set (under server.mu) while one request reloads the entry.
	refreshing bool
}

// cachedOrgs is the list of organisations, as last read.
type cachedOrgs struct {
	orgs []grip.Organisation
	at   time.Time
}

// docKey identifies a stored version of a document. A replaced document gets
// a new ID or new counts, so its old pages are never served again.
type docKey struct {
	ID     int64
	Title  string
	Status grip.DocumentStatus
	Counts grip.Counts
}

func keyOf(di grip.DocumentInfo) docKey {
	return docKey{ID: di.ID, Title: di.Title, Status: di.Status, Counts: di.Counts}
}

// docEntry is a document read from the store with its index and the pages
// rendered from it.
type docEntry struct {
	info grip.DocumentInfo
	// ready is closed once idx (or err) is set: one request reads a
	// document from the store, concurrent ones wait for it.
	ready chan struct{}
	idx   *docIndex
	err   error

	mu    sync.RWMutex
	pages map[string]*renderedPage
	size  int64
}

func (d *docEntry) cached(key string) (*renderedPage, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	b, ok := d.pages[key]
	return b, ok
}

// store keeps b under key and reports whether it was new.
func (d *docEntry) store(key string, rp *renderedPage) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.pages[key]; ok {
		return false
	}
	d.pages[key] = rp
	d.size += rp.size()
	return true
}

func (s *server) fresh(at time.Time) bool {
	return s.cfg.CacheTTL > 0 && time.Since(at) < s.cfg.CacheTTL
}

// organisations returns all organisations, reusing the list for CacheTTL.
func (s *server) organisations(ctx context.Context) ([]grip.Organisation, error) {
	s.mu.Lock()
	if c := s.orgList; c != nil && s.fresh(c.at) {
		s.mu.Unlock()
		return c.orgs, nil
	}
	s.mu.Unlock()
	orgs, err := s.cfg.Store.Organisations(ctx)
	if err != nil {
		return nil, fmt.Errorf("organisations: %w", err)
	}
	s.mu.Lock()
	s.orgList = &cachedOrgs{orgs: orgs, at: time.Now()}
	s.mu.Unlock()
	return orgs, nil
}

// org returns the organisation with the URL name and its documents. A
// cached entry older than CacheTTL is refreshed by one request while the
// others keep using it (no stampede on the store under load).
func (s *server) org(ctx context.Context, slug string) (*orgEntry, error) {
	s.mu.Lock()
	e := s.orgs[slug]
	if e != nil && (s.fresh(e.at) || e.refreshing) {
		s.mu.Unlock()
		return e, nil
	}
	if e != nil {
		e.refreshing = true
	}
	s.mu.Unlock()
	ne, err := s.loadOrg(ctx, slug)
	if err != nil {
		if e != nil {
			s.mu.Lock()
			e.refreshing = false
			s.mu.Unlock()
		}
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.orgs[slug] = ne
	s.dropStale(ne)
	return ne, nil
}

func (s *server) loadOrg(ctx context.Context, slug string) (*orgEntry, error) {
	if grip.Slugify(slug) != slug {
		return nil, grip.Errorf(grip.ENotFound, "Er is geen organisatie met de naam %q", slug)
	}
	o, err := s.cfg.Store.OrganisationBySlug(ctx, slug)
	if err != nil {
		if grip.ErrorCode(err) == grip.ENotFound {
			return nil, grip.Errorf(grip.ENotFound, "Er is geen organisatie met de naam %q", slug)
		}
		return nil, fmt.Errorf("organisation %q: %w", slug, err)
	}
	docs, err := s.cfg.Store.Documents(ctx, o.Code)
	if err != nil {
		return nil, fmt.Errorf("documents of %s: %w", o.Code, err)
	}
	return &orgEntry{org: *o, docs: docs, at: time.Now()}, nil
}

// dropStale forgets the cached documents of the organisation that are no
// longer in its list (replaced or deleted). Called with s.mu held.
func (s *server) dropStale(e *orgEntry) {
	current := map[docKey]bool{}
	for _, di := range e.docs {
		current[keyOf(di)] = true
	}
	for k, d := range s.docs {
		if d.info.Organisation == e.org.Code && !current[k] {
			s.cacheUsed -= d.size
			delete(s.docs, k)
		}
	}
}

// document returns the organisation's document with the URL name
// ("kadernota-2020"), read and indexed once per stored version.
func (s *server) document(ctx context.Context, org *orgEntry, slug string) (*docEntry, error) {
	var info *grip.DocumentInfo
	for i := range org.docs {
		if docSlug(org.docs[i].Kind, org.docs[i].Year) == slug {
			info = &org.docs[i]
			break
		}
	}
	if info == nil {
		return nil, grip.Errorf(grip.ENotFound, "%s heeft geen document %q", org.org.Name, slug)
	}
	k := keyOf(*info)
	s.mu.Lock()
	if d := s.docs[k]; d != nil {
		s.mu.Unlock()
		// Another request may still be reading it: wait for that one.
		select {
		case <-d.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if d.err != nil {
			return nil, d.err
		}
		return d, nil
	}
	d := &docEntry{info: *info, pages: map[string]*renderedPage{}, ready: make(chan struct{})}
	s.docs[k] = d
	s.mu.Unlock()
	defer close(d.ready)
	// The document is loaded for every request waiting on d.ready, not only
	// this one: a client that hangs up must not fail the others, so the
	// load gets its own deadline instead of this request's cancellation.
	lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), documentLoadTimeout)
	defer cancel()
	doc, err := s.cfg.Store.Document(lctx, org.org.Code, info.ID)
	if err != nil {
		d.err = fmt.Errorf("document %d: %w", info.ID, err)
		s.mu.Lock()
		if s.docs[k] == d {
			delete(s.docs, k)
		}
		s.mu.Unlock()
		return nil, d.err
	}
	d.idx = buildIndex(&org.org, doc, s.cfg.Taakvelden, s.ext)
	return d, nil
}

// documentLoadTimeout bounds reading one document from the store.
const documentLoadTimeout = 30 * time.Second

func docSlug(kind grip.DocumentKind, year int) string {
	return fmt.Sprintf("%s-%d", kind, year)
}
