// Package api is grip's read-only JSON API under /api/v1/.
//
// Every route below /api/v1/organisations/{org}/ is scoped to that
// organisation: the handlers pass its code to every store call, so a URL of
// one organisation never reaches another's data. Routes are registered on a
// router (router.go) that also documents them: /api/v1/openapi.json is
// generated from the registered routes and the Go types they answer with.
package api

import (
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"grip"
	"grip/httpx"
)

// Config is what the API needs.
type Config struct {
	Store      grip.Store
	Taakvelden grip.TaakveldCatalog
	// Log receives internal errors (with request id); nil discards them.
	Log *slog.Logger
}

// server holds the API's dependencies; its methods are the handlers.
type server struct {
	store      grip.Store
	taakvelden grip.TaakveldCatalog
	log        *slog.Logger
	openapi    []byte // the OpenAPI document, generated once in New
}

// New returns the API handler, to be mounted at /api/ (it serves the full
// paths /api/v1/...). Only GET and HEAD are routed; other methods get 405.
// Cross-origin writes are refused by http.CrossOriginProtection, ready for
// write routes.
func New(cfg Config) (http.Handler, error) {
	if cfg.Store == nil {
		return nil, grip.Errorf(grip.EInternal, "api: geen store")
	}
	s := &server{store: cfg.Store, taakvelden: cfg.Taakvelden, log: cfg.Log}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	rt := newRouter(s)
	s.routes(rt)
	s.analysisRoutes(rt)
	doc, err := openAPIDocument(rt.routes)
	if err != nil {
		return nil, err
	}
	s.openapi = doc
	rt.mux.Handle("/api/", httpx.Handle(s.log, func(w http.ResponseWriter, r *http.Request) error {
		return grip.Errorf(grip.ENotFound, "het adres %s bestaat niet in de API; zie /api/v1/openapi.json", r.URL.Path)
	}))

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(httpx.Handle(s.log, func(w http.ResponseWriter, r *http.Request) error {
		return grip.Errorf(grip.EForbidden, "verzoek van een andere herkomst geweigerd")
	}))
	var h http.Handler = rt.mux
	h = cop.Handler(h)
	h = httpx.SecurityHeaders(httpx.APIContentSecurityPolicy, h)
	h = httpx.Recover(s.log, nil, h)
	h = httpx.RequestIDs(h)
	return h, nil
}

// routes registers the API's own routes. Analyses add theirs in analysis.go.
func (s *server) routes(rt *router) {
	const org = "/api/v1/organisations/{org}"
	rt.get("/api/v1/{$}", s.index, operation{ID: "getIndex", Tag: "api",
		Summary: "Ingang van de API: waar de beschrijving en de organisaties staan", Response: indexView{}})
	rt.get("/api/v1/openapi.json", s.openAPI, operation{ID: "getOpenAPI", Tag: "api",
		Summary: "Deze OpenAPI-beschrijving", Response: nil})
	rt.get("/api/v1/organisations", s.listOrganisations, operation{ID: "listOrganisations", Tag: "organisaties",
		Summary: "Alle organisaties (gemeenten en regio's), op code", Response: organisationList{}})
	rt.get(org, s.getOrganisation, operation{ID: "getOrganisation", Tag: "organisaties",
		Summary: "Eén organisatie", Response: organisationResponse{}})
	rt.get(org+"/documents", s.listDocuments, operation{ID: "listDocuments", Tag: "documenten",
		Summary:  "De documenten van een organisatie met hun tellingen, op jaar en soort",
		Response: documentList{},
		Query: []param{
			{Name: "kind", Type: "string", Description: "alleen documenten van deze soort", Enum: kindNames()},
			{Name: "year", Type: "integer", Description: "alleen documenten van dit jaar"},
		}})
	rt.get(org+"/documents/{doc}", s.getDocument, operation{ID: "getDocument", Tag: "documenten",
		Summary:     "Een heel document: metadata en de programma's met hun doelenboom en alles wat eraan hangt",
		Description: "{doc} is het id van het document of zijn slug soort-jaar (kadernota-2020).",
		Response:    documentResponse{}})
	for _, e := range entityRoutes() {
		rt.get(org+"/"+e.path+"/{id}", s.entityHandler(e), operation{ID: e.opID, Tag: "onderdelen",
			Summary: e.summary, Response: e.response})
	}
}

func kindNames() []string {
	var out []string
	for _, k := range grip.DocumentKinds() {
		out = append(out, string(k))
	}
	return out
}

func (s *server) index(w http.ResponseWriter, r *http.Request) error {
	httpx.WriteJSON(w, http.StatusOK, indexView{Name: "grip", Version: "v1",
		OpenAPI: "/api/v1/openapi.json", Organisations: "/api/v1/organisations"})
	return nil
}

func (s *server) openAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(s.openapi)
	return nil
}

// organisation resolves the {org} of the URL: a CBS code (GM1700), a slug
// (twenterand), or a code in lower case (gm0183). Every store call of a
// handler below /organisations/{org}/ uses the code it returns.
func (s *server) organisation(r *http.Request) (*grip.Organisation, error) {
	v := r.PathValue("org")
	if grip.ValidOrgCode(v) {
		return s.store.Organisation(r.Context(), v)
	}
	if v == "" || grip.Slugify(v) != v {
		return nil, grip.Errorf(grip.EInvalid, "organisatie %q is ongeldig: verwacht een CBS-code zoals GM1700 of een naam zoals twenterand", v)
	}
	org, err := s.store.OrganisationBySlug(r.Context(), v)
	if grip.ErrorCode(err) == grip.ENotFound {
		if up := strings.ToUpper(v); grip.ValidOrgCode(up) {
			return s.store.Organisation(r.Context(), up)
		}
	}
	return org, err
}

func (s *server) listOrganisations(w http.ResponseWriter, r *http.Request) error {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return err
	}
	httpx.WriteJSON(w, http.StatusOK, organisationList{Organisations: mapList(orgs, viewOrganisation)})
	return nil
}

func (s *server) getOrganisation(w http.ResponseWriter, r *http.Request) error {
	org, err := s.organisation(r)
	if err != nil {
		return err
	}
	httpx.WriteJSON(w, http.StatusOK, organisationResponse{Organisation: viewOrganisation(org)})
	return nil
}

func (s *server) listDocuments(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	kind := grip.DocumentKind(q.Get("kind"))
	if kind != "" && !kind.Valid() {
		return grip.Errorf(grip.EInvalid, "kind %q is ongeldig: verwacht een van %s", kind, strings.Join(kindNames(), ", "))
	}
	year := 0
	if v := q.Get("year"); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil || y < 1900 || y > 2200 {
			return grip.Errorf(grip.EInvalid, "year %q is ongeldig: verwacht een jaartal zoals 2020", v)
		}
		year = y
	}
	org, err := s.organisation(r)
	if err != nil {
		return err
	}
	docs, err := s.store.Documents(r.Context(), org.Code)
	if err != nil {
		return err
	}
	out := documentList{Organisation: viewOrganisation(org), Documents: []documentSummary{}}
	for i := range docs {
		d := &docs[i]
		if (kind != "" && d.Kind != kind) || (year != 0 && d.Year != year) {
			continue
		}
		out.Documents = append(out.Documents, viewDocumentSummary(d))
	}
	httpx.WriteJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) getDocument(w http.ResponseWriter, r *http.Request) error {
	ref := r.PathValue("doc")
	id, kind, year, err := parseDocumentRef(ref)
	if err != nil {
		return err
	}
	org, err := s.organisation(r)
	if err != nil {
		return err
	}
	var d *grip.Document
	if id != 0 {
		d, err = s.store.Document(r.Context(), org.Code, id)
	} else {
		d, err = s.store.DocumentByKindYear(r.Context(), org.Code, kind, year)
	}
	if err != nil {
		return err
	}
	v := viewer{settings: org.Settings}
	httpx.WriteJSON(w, http.StatusOK, documentResponse{Document: v.document(d)})
	return nil
}

// parseDocumentRef reads a document's id ("12") or slug ("kadernota-2020",
// "tussentijdse-rapportage-2021").
func parseDocumentRef(ref string) (id int64, kind grip.DocumentKind, year int, err error) {
	if id, err := parseID(ref); err == nil {
		return id, "", 0, nil
	}
	if i := strings.LastIndexByte(ref, '-'); i > 0 {
		k := grip.DocumentKind(ref[:i])
		y, yerr := strconv.Atoi(ref[i+1:])
		if k.Valid() && yerr == nil && y > 0 && strconv.Itoa(y) == ref[i+1:] {
			return 0, k, y, nil
		}
	}
	return 0, "", 0, grip.Errorf(grip.EInvalid,
		"document %q is ongeldig: verwacht een id (een positief getal) of soort-jaar zoals kadernota-2020", ref)
}

// parseID reads a positive decimal id.
func parseID(v string) (int64, error) {
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 || strconv.FormatInt(id, 10) != v {
		return 0, grip.Errorf(grip.EInvalid, "id %q is ongeldig: verwacht een positief geheel getal", v)
	}
	return id, nil
}
