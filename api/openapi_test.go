package api_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"grip"
)

// exampleRequests are real requests for every documented route (and some
// errors) against the fixture. A route added to the API (also in
// analysis.go) needs an example here, or TestEveryRouteMatchesOpenAPI fails.
func exampleRequests(fx *fixture) []string {
	org := "/api/v1/organisations/GM1700"
	out := []string{
		"/api/v1/",
		"/api/v1/openapi.json",
		"/api/v1/organisations",
		org,
		"/api/v1/organisations/twenterand",
		org + "/documents",
		org + "/documents?kind=kadernota&year=2020",
		org + "/documents?kind=begroting",
		// Errors are documented too.
		org + "/documents?year=twintig",
		"/api/v1/organisations/GM9999",
		org + "/goals/999999",
		org + "/goals/x",
	}
	out = append(out, analysisExampleRequests(fx)...) // analysis_test.go
	return append(out, entityPaths("GM1700", fx.docA)...)
}

// specValidator checks real responses against the served OpenAPI document
// with an independent validator (kin-openapi).
type specValidator struct {
	doc     *openapi3.T
	router  routers.Router
	covered map[string]bool // documented paths seen
}

// newSpecValidator loads and validates /api/v1/openapi.json of srv.
func newSpecValidator(t *testing.T, srv *httptest.Server) *specValidator {
	t.Helper()
	spec := get(t, srv, "/api/v1/openapi.json")
	if spec.status != 200 {
		t.Fatalf("openapi.json: %d", spec.status)
	}
	doc, err := openapi3.NewLoader().LoadFromData(spec.body)
	if err != nil {
		t.Fatalf("loading the OpenAPI document: %v", err)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Errorf("openapi version %q, want 3.1", doc.OpenAPI)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the OpenAPI document is invalid: %v", err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &specValidator{doc: doc, router: router, covered: map[string]bool{}}
}

// check sends GET path to srv and validates the request and the response,
// whatever its status, against the description. It returns the response.
func (v *specValidator) check(t *testing.T, srv *httptest.Server, path string) response {
	t.Helper()
	ctx := context.Background()
	r := get(t, srv, path)
	req, err := http.NewRequest(http.MethodGet, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	route, params, err := v.router.FindRoute(req)
	if err != nil {
		t.Errorf("%s: not in the OpenAPI document: %v", path, err)
		return r
	}
	v.covered[route.Path] = true
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}}
	if err := openapi3filter.ValidateRequest(ctx, in); err != nil && r.status == 200 {
		t.Errorf("%s: request does not match the description: %v", path, err)
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: r.status, Header: r.header,
		Body: io.NopCloser(bytes.NewReader(r.body)), Options: in.Options}
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		t.Errorf("%s: response %d does not match the description: %v\n%.600s", path, r.status, err, r.body)
	}
	// The validator must see a wrong body: a renamed key (a missing
	// required one and an unknown one) and a string for a number.
	if r.status == 200 && route.Path != "/api/v1/openapi.json" && bytes.Contains(r.body, []byte(`"title":`)) {
		for _, bad := range [][]byte{
			bytes.Replace(r.body, []byte(`"title":`), []byte(`"titel":`), 1),
			bytes.Replace(r.body, []byte(`"id":`), []byte(`"id":"1","x":`), 1),
		} {
			out.Body = io.NopCloser(bytes.NewReader(bad))
			if err := openapi3filter.ValidateResponse(ctx, out); err == nil {
				t.Errorf("%s: the validator accepted a wrong body: %.300s", path, bad)
			}
		}
	}
	return r
}

// TestEveryRouteMatchesOpenAPI validates the OpenAPI document itself and the
// real responses of every route against it.
func TestEveryRouteMatchesOpenAPI(t *testing.T) {
	db := openSQLite(t)
	fx := load(t, db)
	// A goal without children, sections or links, and a document without
	// source, so that empty lists are validated too.
	bare := &grip.Document{Organisation: "GM1700", Kind: grip.KindJaarverslag, Year: 2021, Title: "Leeg",
		Programmes: []grip.Programme{{Key: "p", Title: "Leeg", Goals: []grip.Goal{{Key: "g", Title: "Kaal"}}}}}
	if err := db.Apply(context.Background(), "test", grip.Batch{Documents: []*grip.Document{bare}}); err != nil {
		t.Fatal(err)
	}
	srv, _ := apiServer(t, db)
	v := newSpecValidator(t, srv)
	for _, path := range append(exampleRequests(fx), entityPaths("GM1700", bare)...) {
		v.check(t, srv, path)
	}
	for path := range v.doc.Paths.Map() {
		if !v.covered[path] {
			t.Errorf("documented path %s has no example request: add one to exampleRequests", path)
		}
	}
	if len(v.covered) < 16 {
		t.Errorf("only %d paths covered", len(v.covered))
	}
}

// The description names every operation once and answers every error status.
func TestOpenAPIOperations(t *testing.T) {
	db := openSQLite(t)
	srv, _ := apiServer(t, db)
	doc, err := openapi3.NewLoader().LoadFromData(get(t, srv, "/api/v1/openapi.json").body)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if method != http.MethodGet {
				t.Errorf("%s %s: the API is read-only", method, path)
			}
			ids = append(ids, op.OperationID)
			for _, status := range []int{200, 400, 404, 405, 500} {
				if op.Responses.Status(status) == nil {
					t.Errorf("%s: no response %d documented", path, status)
				}
			}
		}
	}
	slices.Sort(ids)
	want := []string{"getActivity", "getDevelopment", "getDocument", "getFinanceLine", "getGoal", "getIndex",
		"getIndicator", "getOpenAPI", "getOrganisation", "getProgramme", "getProgress", "getProposal", "getReserve",
		"getVarianceLine", "listDocuments", "listOrganisations"}
	for _, id := range want {
		if !slices.Contains(ids, id) {
			t.Errorf("operation %s missing; have %v", id, ids)
		}
	}
}
