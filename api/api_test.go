package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"grip"
	"grip/api"
	"grip/httpx"
)

// syncBuffer is a log sink the server goroutines may write concurrently.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// apiServer serves the API from db on a real loopback server.
func apiServer(t *testing.T, db grip.Store) (*httptest.Server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	h, err := api.New(api.Config{Store: db, Taakvelden: catalog(t), Log: slog.New(slog.NewJSONHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", h)
	mux.Handle("/healthz", api.Healthz(api.Config{Store: db, Log: slog.New(slog.NewJSONHandler(logs, nil))}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, logs
}

// response is what a test request got.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) problem(t *testing.T) httpx.ProblemDetail {
	t.Helper()
	var p httpx.Problem
	if err := json.Unmarshal(r.body, &p); err != nil || p.Error.Code == "" {
		t.Fatalf("status %d: body is not a JSON problem: %v\n%s", r.status, err, r.body)
	}
	return p.Error
}

func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if r.status != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", r.status, r.body)
	}
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decoding %s: %v", r.body, err)
	}
}

// do sends a request and checks what every API response must carry: JSON,
// the security headers and a request id.
func do(t *testing.T, srv *httptest.Server, method, path string, hdr ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{
		"Content-Type":            "application/json; charset=utf-8",
		"X-Content-Type-Options":  "nosniff",
		"Content-Security-Policy": httpx.APIContentSecurityPolicy,
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "strict-origin-when-cross-origin",
	} {
		if got := res.Header.Get(k); got != want && path != "/healthz" {
			t.Errorf("%s %s: header %s = %q, want %q", method, path, k, got, want)
		}
	}
	if res.Header.Get(httpx.RequestIDHeader) == "" && path != "/healthz" {
		t.Errorf("%s %s: no request id header", method, path)
	}
	return response{status: res.StatusCode, header: res.Header, body: body}
}

func get(t *testing.T, srv *httptest.Server, path string) response {
	t.Helper()
	return do(t, srv, http.MethodGet, path)
}

// entityPaths lists the API path of every entity of doc, below the
// organisation URL org.
func entityPaths(org string, doc *grip.Document) []string {
	base := "/api/v1/organisations/" + org
	out := []string{fmt.Sprintf("%s/documents/%d", base, doc.ID), fmt.Sprintf("%s/documents/%s", base, doc.Slug())}
	add := func(kind string, id int64) { out = append(out, fmt.Sprintf("%s/%s/%d", base, kind, id)) }
	for _, p := range doc.Programmes {
		add("programmes", p.ID)
		grip.WalkGoals(p.Goals, func(g *grip.Goal, _ int, _ []*grip.Goal) bool { add("goals", g.ID); return true })
		for _, x := range p.Activities {
			add("activities", x.ID)
		}
		for _, x := range p.Proposals {
			add("proposals", x.ID)
		}
		for _, x := range p.Developments {
			add("developments", x.ID)
		}
		for _, x := range p.Indicators {
			add("indicators", x.ID)
		}
		for _, x := range p.FinanceLines {
			add("finance-lines", x.ID)
		}
		for _, x := range p.VarianceLines {
			add("variance-lines", x.ID)
		}
		for _, x := range p.Progress {
			add("progress", x.ID)
		}
		for _, x := range p.Reserves {
			add("reserves", x.ID)
		}
	}
	return out
}

// Every kind of entity has a route.
func TestEntityPathsCoverEveryKind(t *testing.T) {
	doc := document("GM1700", grip.KindKadernota, 2020, "x")
	seen := map[string]bool{}
	for _, p := range entityPaths("GM1700", doc) {
		parts := strings.Split(p, "/")
		seen[parts[len(parts)-2]] = true
	}
	if len(seen) != 11 { // documents + the ten entity kinds of grip.EntityKind
		t.Errorf("entity paths cover %d kinds: %v", len(seen), seen)
	}
}

func TestAPI(t *testing.T) {
	for _, st := range stores(t) {
		t.Run(st.name, func(t *testing.T) {
			db := st.open(t)
			fx := load(t, db)
			srv, logs := apiServer(t, db)
			t.Run("organisations", func(t *testing.T) { testOrganisations(t, srv) })
			t.Run("documents", func(t *testing.T) { testDocuments(t, srv, fx) })
			t.Run("document", func(t *testing.T) { testDocument(t, srv, fx) })
			t.Run("entities", func(t *testing.T) { testEntities(t, srv, fx) })
			t.Run("cross-organisation", func(t *testing.T) { testCrossOrganisation(t, srv, fx) })
			t.Run("cross-organisation-documents", func(t *testing.T) { testCrossOrganisationDocuments(t, srv, fx) })
			t.Run("errors", func(t *testing.T) { testErrors(t, srv, fx) })
			t.Run("methods", func(t *testing.T) { testMethods(t, srv, fx) })
			t.Run("healthz", func(t *testing.T) {
				r := get(t, srv, "/healthz")
				var h struct {
					Status        string `json:"status"`
					SchemaVersion int    `json:"schema_version"`
				}
				r.decode(t, &h)
				if h.Status != "ok" || h.SchemaVersion < 1 {
					t.Errorf("healthz: %s", r.body)
				}
			})
			t.Run("internal-error", func(t *testing.T) { testInternalError(t, srv, db, logs) })
		})
	}
}

func testOrganisations(t *testing.T, srv *httptest.Server) {
	var list struct {
		Organisations []struct {
			Code, Name, Slug  string
			LevelNames        []string `json:"level_names"`
			VarianceThreshold int64    `json:"variance_threshold"`
		} `json:"organisations"`
	}
	r := get(t, srv, "/api/v1/organisations")
	if err := json.Unmarshal(r.body, &list); err != nil || r.status != 200 {
		t.Fatalf("%d %v %s", r.status, err, r.body)
	}
	if len(list.Organisations) != 2 || list.Organisations[0].Code != "GM0164" || list.Organisations[1].Code != "GM1700" {
		t.Fatalf("organisations not listed by code: %s", r.body)
	}
	if o := list.Organisations[1]; o.Name != "Twenterand" || o.Slug != "twenterand" ||
		strings.Join(o.LevelNames, ",") != "doelenboom,doel,subdoel" || o.VarianceThreshold != 2500000 {
		t.Errorf("organisation: %+v", o)
	}
	// By code, lower-case code and slug: the same organisation.
	for _, ref := range []string{"GM1700", "gm1700", "twenterand"} {
		var one struct {
			Organisation struct{ Code string } `json:"organisation"`
		}
		r := get(t, srv, "/api/v1/organisations/"+ref)
		if err := json.Unmarshal(r.body, &one); err != nil || r.status != 200 || one.Organisation.Code != "GM1700" {
			t.Errorf("%s: %d %s", ref, r.status, r.body)
		}
	}
}

type summary struct {
	ID           int64  `json:"id"`
	Organisation string `json:"organisation"`
	Kind         string `json:"kind"`
	KindLabel    string `json:"kind_label"`
	Year         int    `json:"year"`
	Slug         string `json:"slug"`
	Title        string `json:"title"`
	Status       string `json:"status"`
	Counts       grip.Counts
}

func testDocuments(t *testing.T, srv *httptest.Server, fx *fixture) {
	var list struct {
		Organisation struct{ Code string } `json:"organisation"`
		Documents    []summary             `json:"documents"`
	}
	r := get(t, srv, "/api/v1/organisations/twenterand/documents")
	if err := json.Unmarshal(r.body, &list); err != nil || r.status != 200 {
		t.Fatalf("%d %v %s", r.status, err, r.body)
	}
	want := summary{ID: fx.docA.ID, Organisation: "GM1700", Kind: "kadernota", KindLabel: "Kadernota", Year: 2020,
		Slug: "kadernota-2020", Title: fx.docA.Title, Status: "vastgesteld", Counts: fx.docA.Counts()}
	if list.Organisation.Code != "GM1700" || len(list.Documents) != 1 || list.Documents[0] != want {
		t.Fatalf("documents:\n got %+v\nwant %+v", list, want)
	}
	if c := list.Documents[0].Counts; c.Themes != 2 || c.Goals != 1 || c.Subgoals != 1 || c.Activities != 1 ||
		c.ActivityLinks != 2 || c.Measurements != 2 || c.FinanceLines != 2 || c.Reserves != 1 {
		t.Errorf("counts: %+v", c)
	}
	for query, n := range map[string]int{"?kind=kadernota": 1, "?kind=begroting": 0, "?year=2020": 1, "?year=2019": 0,
		"?kind=kadernota&year=2020": 1} {
		r := get(t, srv, "/api/v1/organisations/GM1700/documents"+query)
		list.Documents = nil
		if err := json.Unmarshal(r.body, &list); err != nil || r.status != 200 || len(list.Documents) != n {
			t.Errorf("%s: want %d documents, got %d %s", query, n, r.status, r.body)
		}
		if n == 0 && !bytes.Contains(r.body, []byte(`"documents":[]`)) {
			t.Errorf("%s: empty list must be [], got %s", query, r.body)
		}
	}
}

func testDocument(t *testing.T, srv *httptest.Server, fx *fixture) {
	var byID, bySlug map[string]any
	r := get(t, srv, fmt.Sprintf("/api/v1/organisations/GM1700/documents/%d", fx.docA.ID))
	r.decode(t, &byID)
	get(t, srv, "/api/v1/organisations/twenterand/documents/kadernota-2020").decode(t, &bySlug)
	if fmt.Sprint(byID) != fmt.Sprint(bySlug) {
		t.Errorf("by id and by slug differ")
	}
	var d struct {
		Document struct {
			ID         int64  `json:"id"`
			Iv3Year    int    `json:"iv3_year"`
			Slug       string `json:"slug"`
			Programmes []struct {
				ID    int64 `json:"id"`
				Goals []struct {
					ID       int64  `json:"id"`
					Level    string `json:"level"`
					Children []struct {
						Children []struct {
							ID       int64  `json:"id"`
							Key      string `json:"key"`
							Depth    int    `json:"depth"`
							Level    string `json:"level"`
							Sections []struct{ Kind, Body string }
						} `json:"children"`
					} `json:"children"`
				} `json:"goals"`
				Proposals []struct {
					ID      int64 `json:"id"`
					Amounts []struct {
						Year        int   `json:"year"`
						Amount      int64 `json:"amount"`
						FromReserve int64 `json:"from_reserve"`
					} `json:"amounts"`
				} `json:"proposals"`
				FinanceLines []struct {
					ID     int64  `json:"id"`
					Amount int64  `json:"amount"`
					Side   string `json:"side"`
				} `json:"finance_lines"`
				VarianceLines []struct {
					Amount int64  `json:"amount"`
					VN     string `json:"vn"`
				} `json:"variance_lines"`
				Indicators []struct {
					Measurements []struct {
						Value *float64 `json:"value"`
						Word  string   `json:"word"`
						AsOf  string   `json:"as_of"`
					} `json:"measurements"`
				} `json:"indicators"`
			} `json:"programmes"`
		} `json:"document"`
	}
	if err := json.Unmarshal(r.body, &d); err != nil {
		t.Fatal(err)
	}
	p := d.Document.Programmes[0]
	want := fx.docA.Programmes[0]
	if d.Document.ID != fx.docA.ID || d.Document.Slug != "kadernota-2020" || d.Document.Iv3Year != 2020 || p.ID != want.ID {
		t.Errorf("document ids: %+v", d.Document)
	}
	sub := p.Goals[0].Children[0].Children[0]
	if p.Goals[0].Level != "doelenboom" || sub.ID != want.Goals[0].Children[0].Children[0].ID || sub.Key != "jeugd-1-1" ||
		sub.Depth != 2 || sub.Level != "subdoel" || len(sub.Sections) != 2 || sub.Sections[1].Kind != "soll" {
		t.Errorf("subgoal: %+v", sub)
	}
	if a := p.Proposals[0].Amounts; len(a) != 2 || a[0].Amount != 7500000 || a[0].FromReserve != 2500000 || a[1].Year != 2021 {
		t.Errorf("proposal amounts: %+v", a)
	}
	if fl := p.FinanceLines[0]; fl.Amount != 123456789 || fl.Side != "lasten" || fl.ID != want.FinanceLines[0].ID {
		t.Errorf("finance line: %+v", fl)
	}
	if vl := p.VarianceLines[0]; vl.Amount != -242933900 || vl.VN != "N" {
		t.Errorf("variance line: %+v", vl)
	}
	if m := p.Indicators[0].Measurements; *m[0].Value != 12.5 || m[1].Value != nil || m[1].Word != "n.n.b." || m[1].AsOf != "01-7" {
		t.Errorf("measurements: %+v", m)
	}
}

func testEntities(t *testing.T, srv *httptest.Server, fx *fixture) {
	p := fx.docA.Programmes[0]
	base := "/api/v1/organisations/GM1700/"
	sub := p.Goals[0].Children[0].Children[0]
	var goal struct {
		Document  struct{ ID int64 }            `json:"document"`
		Programme struct{ ID int64 }            `json:"programme"`
		Goal      struct{ ID int64 }            `json:"goal"`
		Ancestors []struct{ Key, Level string } `json:"ancestors"`
		Links     map[string][]struct {
			ID         int64
			Key, Title string
		} `json:"links"`
	}
	get(t, srv, fmt.Sprintf("%sgoals/%d", base, sub.ID)).decode(t, new(map[string]any))
	if err := json.Unmarshal(get(t, srv, fmt.Sprintf("%sgoals/%d", base, sub.ID)).body, &goal); err != nil {
		t.Fatal(err)
	}
	if goal.Document.ID != fx.docA.ID || goal.Programme.ID != p.ID || goal.Goal.ID != sub.ID ||
		len(goal.Ancestors) != 2 || goal.Ancestors[0].Key != "jeugd" || goal.Ancestors[1].Level != "doel" {
		t.Errorf("goal: %+v", goal)
	}
	if l := goal.Links; len(l["activities"]) != 1 || l["activities"][0].ID != p.Activities[0].ID ||
		len(l["proposals"]) != 1 || l["proposals"][0].Key != "v1" || len(l["indicators"]) != 0 {
		t.Errorf("goal links: %+v", l)
	}

	var act struct {
		Activity struct {
			ID       int64    `json:"id"`
			GoalKeys []string `json:"goal_keys"`
		} `json:"activity"`
		Goals []struct {
			ID    int64  `json:"id"`
			Level string `json:"level"`
		} `json:"goals"`
	}
	get(t, srv, fmt.Sprintf("%sactivities/%d", base, p.Activities[0].ID)).decode(t, &act)
	if act.Activity.ID != p.Activities[0].ID || len(act.Goals) != 2 || act.Goals[1].ID != sub.ID || act.Goals[1].Level != "subdoel" {
		t.Errorf("activity: %+v", act)
	}

	var prop struct {
		Proposal struct{ ID int64 }  `json:"proposal"`
		Reserve  *struct{ ID int64 } `json:"reserve"`
	}
	if err := json.Unmarshal(get(t, srv, fmt.Sprintf("%sproposals/%d", base, p.Proposals[0].ID)).body, &prop); err != nil {
		t.Fatal(err)
	}
	if prop.Reserve == nil || prop.Reserve.ID != p.Reserves[0].ID {
		t.Errorf("proposal's reserve: %+v", prop)
	}
	var res struct {
		Reserve   struct{ Balance int64 } `json:"reserve"`
		Proposals []struct{ ID int64 }    `json:"proposals"`
	}
	if err := json.Unmarshal(get(t, srv, fmt.Sprintf("%sreserves/%d", base, p.Reserves[0].ID)).body, &res); err != nil {
		t.Fatal(err)
	}
	if res.Reserve.Balance != 200000000 || len(res.Proposals) != 1 || res.Proposals[0].ID != p.Proposals[0].ID {
		t.Errorf("reserve: %+v", res)
	}
	var prog struct {
		Activity *struct{ ID int64 }     `json:"activity"`
		Progress struct{ Status string } `json:"progress"`
	}
	if err := json.Unmarshal(get(t, srv, fmt.Sprintf("%sprogress/%d", base, p.Progress[0].ID)).body, &prog); err != nil {
		t.Fatal(err)
	}
	if prog.Activity == nil || prog.Activity.ID != p.Activities[0].ID || prog.Progress.Status != "aandacht" {
		t.Errorf("progress: %+v", prog)
	}

	// Every entity answers 200 with its own id.
	for _, path := range entityPaths("GM1700", fx.docA) {
		r := get(t, srv, path)
		if r.status != 200 {
			t.Errorf("%s: %d %s", path, r.status, r.body)
			continue
		}
		id := path[strings.LastIndexByte(path, '/')+1:]
		if !bytes.Contains(r.body, []byte(`"id":`+id)) && !strings.Contains(path, "/documents/kadernota") {
			t.Errorf("%s: body does not hold the id: %s", path, r.body)
		}
	}
}

// testCrossOrganisation proves that no route of organisation A reaches
// organisation B's data: every entity of B, asked for under A's URL (by
// code and by slug), is not found, while B's own URL finds it.
func testCrossOrganisation(t *testing.T, srv *httptest.Server, fx *fixture) {
	for _, path := range entityPaths("GM0164", fx.docB) {
		if r := get(t, srv, path); r.status != 200 {
			t.Errorf("own organisation: %s: %d %s", path, r.status, r.body)
		}
		for _, other := range []string{"GM1700", "twenterand"} {
			crossed := strings.Replace(path, "/GM0164/", "/"+other+"/", 1)
			r := get(t, srv, crossed)
			if r.status != 404 || r.problem(t).Code != "not_found" {
				t.Errorf("%s reached another organisation's data: %d %s", crossed, r.status, r.body)
			}
			if bytes.Contains(r.body, []byte("Hengelo")) {
				t.Errorf("%s: error names the other organisation's data: %s", crossed, r.body)
			}
		}
	}
}

// testCrossOrganisationDocuments tries every documented route with a
// {doc} (also those of the analyses) with organisation B's document, by id
// and by slug, under organisation A's URL: all are not found.
func testCrossOrganisationDocuments(t *testing.T, srv *httptest.Server, fx *fixture) {
	var spec struct {
		Paths map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(get(t, srv, "/api/v1/openapi.json").body, &spec); err != nil {
		t.Fatal(err)
	}
	n := 0
	for tmpl := range spec.Paths {
		if !strings.Contains(tmpl, "{doc}") || !strings.Contains(tmpl, "{org}") {
			continue
		}
		n++
		for _, doc := range []string{fmt.Sprint(fx.docB.ID), fx.docB.Slug()} {
			own := strings.NewReplacer("{org}", fx.b.Code, "{doc}", doc).Replace(tmpl)
			if r := get(t, srv, own); r.status != 200 {
				t.Errorf("own organisation: %s: %d %.200s", own, r.status, r.body)
			}
			crossed := strings.NewReplacer("{org}", fx.a.Code, "{doc}", doc).Replace(tmpl)
			if r := get(t, srv, crossed); r.status != 404 || r.problem(t).Code != "not_found" {
				t.Errorf("%s reached another organisation's document: %d %.200s", crossed, r.status, r.body)
			}
		}
	}
	if n < 1 {
		t.Errorf("no document routes in the description")
	}
}

func testErrors(t *testing.T, srv *httptest.Server, fx *fixture) {
	cases := []struct {
		path   string
		status int
		code   string
		msg    string // part of the message
	}{
		{"/api/v1/organisations/GM9999", 404, "not_found", ""},
		{"/api/v1/organisations/onbekend/documents", 404, "not_found", ""},
		{"/api/v1/organisations/Bad!Org", 400, "invalid", "verwacht een CBS-code"},
		{"/api/v1/organisations/GM1700/documents/abc", 400, "invalid", "kadernota-2020"},
		{"/api/v1/organisations/GM1700/documents/begroting-2019", 404, "not_found", ""},
		{"/api/v1/organisations/GM1700/documents/999999", 404, "not_found", ""},
		{"/api/v1/organisations/GM1700/documents?year=twintig", 400, "invalid", "jaartal"},
		{"/api/v1/organisations/GM1700/documents?kind=nota", 400, "invalid", "kadernota"},
		{"/api/v1/organisations/GM1700/goals/0", 400, "invalid", "positief geheel getal"},
		{"/api/v1/organisations/GM1700/goals/-3", 400, "invalid", ""},
		{"/api/v1/organisations/GM1700/goals/01", 400, "invalid", ""},
		{"/api/v1/organisations/GM1700/goals/99999999999999999999", 400, "invalid", ""},
		{"/api/v1/organisations/GM1700/goals/999999", 404, "not_found", ""},
		// An id of another kind of entity is not found as this kind.
		{fmt.Sprintf("/api/v1/organisations/GM1700/activities/%d", fx.docA.Programmes[0].Reserves[0].ID+100000), 404, "not_found", ""},
		{"/api/v1/organisations/GM1700/unknown/1", 404, "not_found", "openapi.json"},
		{"/api/v2/organisations", 404, "not_found", ""},
		{"/api/v1/organisations/", 404, "not_found", ""},
	}
	for _, c := range cases {
		r := get(t, srv, c.path)
		if r.status != c.status {
			t.Errorf("%s: status %d, want %d: %s", c.path, r.status, c.status, r.body)
			continue
		}
		p := r.problem(t)
		if p.Code != c.code || !strings.Contains(p.Message, c.msg) || p.RequestID != r.header.Get(httpx.RequestIDHeader) {
			t.Errorf("%s: problem %+v, want code %s and message with %q", c.path, p, c.code, c.msg)
		}
	}
}

func testMethods(t *testing.T, srv *httptest.Server, fx *fixture) {
	path := fmt.Sprintf("/api/v1/organisations/GM1700/documents/%d", fx.docA.ID)
	for _, m := range []string{"POST", "PUT", "PATCH", "DELETE", "OPTIONS"} {
		for _, p := range []string{path, "/api/v1/organisations", "/api/v1/openapi.json"} {
			r := do(t, srv, m, p)
			if r.status != 405 || r.header.Get("Allow") != "GET, HEAD" || r.problem(t).Code != "method_not_allowed" {
				t.Errorf("%s %s: %d Allow=%q %s", m, p, r.status, r.header.Get("Allow"), r.body)
			}
		}
	}
	// A cross-origin write is refused before routing (CrossOriginProtection).
	r := do(t, srv, "POST", path, "Sec-Fetch-Site", "cross-site")
	if r.status != 403 || r.problem(t).Code != "forbidden" {
		t.Errorf("cross-origin POST: %d %s", r.status, r.body)
	}
	// HEAD answers like GET, without a body.
	g, h := get(t, srv, path), do(t, srv, "HEAD", path)
	if h.status != 200 || len(h.body) != 0 || g.status != 200 {
		t.Errorf("HEAD: %d, %d bytes", h.status, len(h.body))
	}
}

// testInternalError closes the database under the server: the client sees
// only "interne fout" and the request id, the log has the details.
func testInternalError(t *testing.T, srv *httptest.Server, db grip.Store, logs *syncBuffer) {
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	r := do(t, srv, "GET", "/api/v1/organisations", httpx.RequestIDHeader, "test-internal-1")
	p := r.problem(t)
	if r.status != 500 || p.Code != "internal" || p.Message != "interne fout" || p.RequestID != "test-internal-1" {
		t.Fatalf("closed database: %d %s", r.status, r.body)
	}
	if strings.Contains(strings.ToLower(string(r.body)), "sql") || strings.Contains(string(r.body), "closed") {
		t.Errorf("internal details reached the client: %s", r.body)
	}
	var found bool
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, `"request_id":"test-internal-1"`) && strings.Contains(line, `"err"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("internal error not logged with request id and details:\n%s", logs.String())
	}
	if r := get(t, srv, "/healthz"); r.status != 503 || !bytes.Contains(r.body, []byte(`"status":"fout"`)) {
		t.Errorf("healthz on a closed database: %d %s", r.status, r.body)
	}
}
