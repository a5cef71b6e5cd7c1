package api

// HOOK FOR THE ANALYSES (owned by the analysis engineer; the API engineer
// only created it).
//
// analysisRoutes registers the API routes of package analysis (checks,
// money per goal, variance, reserves, indicator status, comparison). New
// calls it after the API's own routes. To add a route:
//
//	rt.get("/api/v1/organisations/{org}/documents/{doc}/checks", s.checks, operation{
//		ID:       "listChecks",            // unique OpenAPI operationId
//		Tag:      "analyses",
//		Summary:  "Bevindingen van de controles op een document", // Dutch, one line
//		Response: checksView{},             // the Go type written on 200
//		Query:    []param{{Name: "severity", Type: "string", Enum: []string{"info", "warning", "error"}}},
//	})
//
// with a handler of type handlerFunc:
//
//	func (s *server) checks(w http.ResponseWriter, r *http.Request) error {
//		org, err := s.organisation(r) // resolves {org}; ALWAYS scope store calls to org.Code
//		if err != nil { return err }
//		... // return grip.Errorf(grip.EInvalid, "...") for bad parameters (400),
//		... // store errors as they are (404 for ENotFound, 500 "interne fout" otherwise)
//		httpx.WriteJSON(w, http.StatusOK, checksView{...})
//		return nil
//	}
//
// Rules that keep the API consistent:
//   - Paths start with /api/v1/organisations/{org}/ (or /api/v1/ for national
//     data such as Iv3 comparisons). Path segments in kebab-case, JSON keys in
//     snake_case. {doc} may be an id or a slug (use parseDocumentRef),
//     {id} is parsed with parseID.
//   - Response types are plain structs in this package (put them in this
//     file) with json tags; lists must be non-nil so they encode as [],
//     money is int64 eurocent, and `doc:"..."` tags become descriptions.
//     The OpenAPI document (/api/v1/openapi.json) is generated from the
//     registered routes and these types: there is nothing else to update.
//   - TestEveryRouteMatchesOpenAPI (api_test.go) fails for a documented path
//     without an example request: add one to exampleRequests there.
//
// Only GET routes: the API is read-only.
func (s *server) analysisRoutes(rt *router) {}
