package api_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"grip"
	"grip/iv3"
	"grip/store"
)

// testStore is a real store with its name for subtests.
type testStore struct {
	name string
	open func(t testing.TB) grip.Store
}

// stores returns SQLite always, and PostgreSQL when GRIP_TEST_POSTGRES names
// a server (each test gets a database of its own there, dropped afterwards).
// Under CI=true a missing PostgreSQL fails the test instead of skipping it.
func stores(t *testing.T) []testStore {
	out := []testStore{{name: "sqlite", open: openSQLite}}
	dsn := os.Getenv("GRIP_TEST_POSTGRES")
	switch {
	case dsn != "":
		out = append(out, testStore{name: "postgres", open: func(t testing.TB) grip.Store { return openPostgres(t, dsn) }})
	case os.Getenv("CI") == "true":
		t.Fatal("CI=true but GRIP_TEST_POSTGRES is not set: the API tests must also run on PostgreSQL")
	default:
		t.Log("GRIP_TEST_POSTGRES is not set: PostgreSQL variant skipped (set it to e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable)")
	}
	return out
}

func catalog(t testing.TB) *iv3.Catalog {
	t.Helper()
	c, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func openSQLite(t testing.TB) grip.Store {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "grip.db"), catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func openPostgres(t testing.TB, dsn string) grip.Store {
	t.Helper()
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	name := fmt.Sprintf("grip_api_test_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("creating test database: %v", err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	db, err := store.Open(ctx, u.String(), catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping test database: %v", err)
		}
	})
	return db
}

func f(v float64) *float64 { return &v }

// organisation returns a gemeente for the tests.
func organisation(code, name, slug string) grip.Organisation {
	return grip.Organisation{Code: code, Name: name, Kind: grip.OrgGemeente, Slug: slug, Province: "Overijssel",
		Inhabitants: 33000, SizeClass: "20.000 tot 50.000 inwoners",
		Settings: grip.OrgSettings{LevelNames: []string{"doelenboom", "doel", "subdoel"}, VarianceThreshold: grip.Euros(25000)}}
}

// document returns a kadernota with one of every kind of entity, a goal
// tree three levels deep and links between them. prefix makes its titles
// recognisable per organisation.
func document(org string, kind grip.DocumentKind, year int, prefix string) *grip.Document {
	return &grip.Document{
		Organisation: org, Kind: kind, Year: year, Title: prefix + " " + kind.Label() + fmt.Sprint(year),
		Status: grip.StatusVastgesteld, PublishedOn: fmt.Sprintf("%d-05-01", year-1), AdoptedOn: fmt.Sprintf("%d-07-03", year-1),
		Source: &grip.Source{FileName: "kadernota.txt", Format: "text",
			Notes: []grip.SourceNote{{Line: 12, Severity: grip.SeverityWarning, Message: "statuskolom leeg"}}},
		Programmes: []grip.Programme{{
			Key: "p6", Number: "6", Title: prefix + " Sociaal domein",
			PortfolioHolders: []string{"wethouder A. de Vries"},
			MainObjective:    "Iedereen doet mee.",
			Principles:       []string{"Eigen kracht eerst"},
			PolicyNotes:      []string{"Beleidsplan sociaal domein 2019-2022"},
			Partners:         []grip.Partner{{Name: "GGD Twente", Text: "Publieke gezondheid"}},
			Sections:         []grip.Section{{Kind: grip.SectionIntro, Heading: "Inleiding", Body: "Het sociaal domein.", Line: 3}},
			Goals: []grip.Goal{{
				Key: "jeugd", Title: prefix + " Jeugd", Line: 10,
				Sections: []grip.Section{{Kind: grip.SectionEffect, Body: "Kinderen groeien veilig op."}},
				Children: []grip.Goal{{
					Key: "jeugd-1", Title: "Minder jeugdzorg",
					Children: []grip.Goal{{Key: "jeugd-1-1", Title: "Eerder hulp in de wijk",
						Sections: []grip.Section{{Kind: grip.SectionIST, Body: "Wachtlijsten."}, {Kind: grip.SectionSOLL, Body: "Geen wachtlijsten."}}}},
				}},
			}, {Key: "wmo", Title: prefix + " Maatschappelijke ondersteuning"}},
			Activities: []grip.Activity{{Key: "a1", Title: "Praktijkondersteuner jeugd bij de huisarts",
				Description: "POH-jeugd in elke praktijk.", GoalKeys: []string{"jeugd-1", "jeugd-1-1"}, Line: 40}},
			Proposals: []grip.Proposal{{Key: "v1", Title: "Versterken sociale infrastructuur", Text: "Meer buurtwerk.",
				Recurrence: grip.Structureel,
				Amounts: []grip.ProposalAmount{{Year: year, Amount: grip.Euros(75000), FromReserve: grip.Euros(25000)},
					{Year: year + 1, Amount: grip.Euros(75000), Note: "s"}},
				Funding: "dekking reserve Sociaal Domein", FundingReserve: "rsd", GoalKeys: []string{"jeugd-1-1"}}},
			Developments: []grip.Development{{Key: "o1", Title: "Woonplaatsbeginsel", Text: "Verschuiving van kosten.", GoalKeys: []string{"jeugd"}}},
			Indicators: []grip.Indicator{{Key: "i1", Name: "Jongeren met jeugdhulp", Group: "Beleidsindicatoren",
				Unit: grip.UnitPercentage, Source: "CBS", Mandatory: true, Direction: grip.LowerIsBetter,
				GoalKeys: []string{"jeugd-1"},
				Measurements: []grip.Measurement{
					{Year: year - 2, Kind: grip.Realised, Value: f(12.5), Raw: "12,5%"},
					{Year: year, Kind: grip.Planned, Word: "n.n.b.", Raw: "n.n.b.", AsOf: "01-7", Footnote: "voorlopig"},
				}}},
			FinanceLines: []grip.FinanceLine{
				{Key: "f1", Taakveld: "6.72", Label: "Maatwerkdienstverlening 18-", Side: grip.Lasten, Stage: grip.StagePrimitief,
					Year: year, Amount: 123456789, GoalKeys: []string{"jeugd"}},
				{Key: "f2", Taakveld: "6.72", Side: grip.Baten, Stage: grip.StagePrimitief, Year: year, Amount: 1000},
			},
			VarianceLines: []grip.VarianceLine{{Key: "vl1", Title: "Doelenboom Jeugd", GoalKey: "jeugd", Side: grip.Lasten,
				Amount: -242933900, Explanation: "Meer jeugdhulp dan begroot."}},
			Progress: []grip.ProgressEntry{{Key: "pr1", GoalKey: "jeugd-1", ActivityKey: "a1", Title: "POH-jeugd",
				Status: grip.ProgressAttention, Realisation: "In 4 van 6 praktijken.", Risks: "Personeelstekort."}},
			Reserves: []grip.Reserve{{Key: "rsd", Name: "Reserve Sociaal Domein", BalanceYear: year, Balance: grip.Euros(2000000),
				Mutations: []grip.ReserveMutation{{Year: year, Amount: -grip.Euros(25000), Description: "onttrekking", ProposalKey: "v1"}}}},
		}},
	}
}

// fixture is what the tests load: two organisations, each with a document,
// so that the routes of one can be tried on the entities of the other.
type fixture struct {
	db         grip.Store
	a, b       grip.Organisation
	docA, docB *grip.Document
}

func load(t testing.TB, db grip.Store) *fixture {
	t.Helper()
	fx := &fixture{db: db,
		a:    organisation("GM1700", "Twenterand", "twenterand"),
		b:    organisation("GM0164", "Hengelo", "hengelo"),
		docA: document("GM1700", grip.KindKadernota, 2020, "Twenterand"),
		docB: document("GM0164", grip.KindBegroting, 2019, "Hengelo"),
	}
	err := db.Apply(context.Background(), "test", grip.Batch{
		Organisations: []grip.Organisation{fx.a, fx.b},
		Documents:     []*grip.Document{fx.docA, fx.docB},
	})
	if err != nil {
		t.Fatalf("loading the fixture: %v", err)
	}
	if fx.docA.ID == 0 || fx.docB.ID == 0 || fx.docA.Programmes[0].Goals[0].ID == 0 {
		t.Fatal("Apply did not write the IDs into the documents")
	}
	return fx
}
