package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"grip"
)

// loadIv3 stores a small national dataset: Twenterand (CBS code GM1700),
// Hengelo and two more gemeenten on 6.1 and 6.72a.
func loadIv3(t testing.TB, db grip.Store) {
	t.Helper()
	ds := &grip.Iv3Dataset{Year: 2023, Basis: grip.Iv3Begroting, Source: "test",
		Municipalities: []grip.Iv3Municipality{
			{Code: "GM1700", Name: "Twenterand", Province: "Overijssel", SizeClass: "20.000 tot 50.000 inwoners", Inhabitants: 34000},
			{Code: "GM0164", Name: "Hengelo", Province: "Overijssel", SizeClass: "50.000 tot 100.000 inwoners", Inhabitants: 82311},
			{Code: "GM0677", Name: "Hulst", Province: "Zeeland", SizeClass: "20.000 tot 50.000 inwoners", Inhabitants: 27000},
			{Code: "GM0153", Name: "Enschede", Province: "Overijssel", SizeClass: "150.000 tot 250.000 inwoners", Inhabitants: 160000},
		},
		Figures: []grip.Iv3Figure{
			{Organisation: "GM1700", Taakveld: "6.1", Lasten: grip.Euros(3_400_000)},
			{Organisation: "GM0164", Taakveld: "6.1", Lasten: grip.Euros(12_782_000), Baten: grip.Euros(831_000)},
			{Organisation: "GM0677", Taakveld: "6.1", Lasten: grip.Euros(1_350_000)},
			{Organisation: "GM0153", Taakveld: "6.1", Lasten: grip.Euros(32_000_000)},
			{Organisation: "GM1700", Taakveld: "6.72a", Lasten: grip.Euros(1_000_000)},
		}}
	if err := db.PutIv3Dataset(context.Background(), "test", ds); err != nil {
		t.Fatal(err)
	}
}

// analysisExampleRequests are example requests of the analysis routes for
// TestEveryRouteMatchesOpenAPI. They store the small national dataset.
func analysisExampleRequests(fx *fixture) []string {
	loadIv3(&testing.T{}, fx.db)
	org := "/api/v1/organisations/GM1700"
	doc := org + "/documents/kadernota-2020"
	return []string{
		doc + "/checks", doc + "/checks?severity=warning", doc + "/checks?severity=x",
		doc + "/indicators",
		doc + "/variance", doc + "/variance?year=2020&from=primitief&to=meerjarenraming", doc + "/variance?from=x",
		doc + "/reserves",
		"/api/v1/iv3/datasets",
		org + "/comparison?taakveld=6.1", org + "/comparison?taakveld=6.72&with=all&year=2023&basis=begroting&measure=lasten",
		org + "/comparison?taakveld=6.72&year=2025", org + "/comparison", org + "/comparison?taakveld=6.1&year=2024",
		org + "/comparison?taakveld=9.99",
	}
}

func TestAnalysisRoutes(t *testing.T) {
	db := openSQLite(t)
	load(t, db)
	loadIv3(t, db)
	srv, _ := apiServer(t, db)
	doc := "/api/v1/organisations/GM1700/documents/kadernota-2020"

	var checks struct {
		Document string
		Findings []struct {
			Code, Severity, Message string
			Place                   struct{ Text string }
		}
	}
	get(t, srv, doc+"/checks").decode(t, &checks)
	if checks.Document != "kadernota-2020" || len(checks.Findings) == 0 {
		t.Fatalf("checks = %+v", checks)
	}
	found := false
	for _, f := range checks.Findings {
		if f.Code == "importnotitie" && strings.Contains(f.Message, "statuskolom leeg") {
			found = true
		}
		if f.Message == "" || f.Place.Text == "" {
			t.Errorf("finding without message or place: %+v", f)
		}
	}
	if !found {
		t.Errorf("the import note is not a finding: %+v", checks.Findings)
	}
	if r := get(t, srv, doc+"/checks?severity=x"); r.status != http.StatusBadRequest {
		t.Errorf("bad severity: %d", r.status)
	}
	// Another organisation's document is not reachable through this one.
	if r := get(t, srv, "/api/v1/organisations/GM0164/documents/kadernota-2020/checks"); r.status != http.StatusNotFound {
		t.Errorf("cross-organisation checks: %d", r.status)
	}

	var cmp struct {
		Comparable bool
		Count      int
		Self       struct {
			PerInhabitant int64 `json:"per_inhabitant"`
			Rank          int
		}
		Median int64
	}
	get(t, srv, "/api/v1/organisations/GM1700/comparison?taakveld=6.1&with=province").decode(t, &cmp)
	// Overijssel: Twenterand € 100,00, Hengelo € 155,29, Enschede € 200,00 per inwoner.
	if !cmp.Comparable || cmp.Count != 3 || cmp.Self.PerInhabitant != 10000 || cmp.Self.Rank != 3 || cmp.Median != 15529 {
		t.Errorf("comparison = %+v", cmp)
	}
	var nc struct {
		Comparable bool
		Note       string
	}
	get(t, srv, "/api/v1/organisations/GM1700/comparison?taakveld=6.72&year=2025").decode(t, &nc)
	if nc.Comparable || !strings.Contains(nc.Note, "bestaat niet") {
		t.Errorf("2025 6.72 = %+v", nc)
	}
	// A code no year's list knows is the caller's mistake, with the message
	// of grip compare.
	if r := get(t, srv, "/api/v1/organisations/GM1700/comparison?taakveld=9.99"); r.status != http.StatusBadRequest ||
		!strings.Contains(string(r.body), `taakveld \"9.99\" bestaat in geen enkele Iv3-indeling`) {
		t.Errorf("taakveld 9.99: %d %s", r.status, r.body)
	}
	if r := get(t, srv, "/api/v1/organisations/GM1700/comparison?taakveld=6.1&year=2024"); r.status != http.StatusNotFound {
		t.Errorf("no data for 2024: %d", r.status)
	}
	for _, p := range []string{doc + "/indicators", doc + "/variance", doc + "/reserves", "/api/v1/iv3/datasets"} {
		if r := get(t, srv, p); r.status != http.StatusOK {
			t.Errorf("%s: %d %s", p, r.status, r.body)
		}
	}
}
