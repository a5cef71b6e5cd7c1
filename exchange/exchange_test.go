package exchange_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"grip"
	"grip/exchange"
	"grip/iv3"
	"grip/store"
	"grip/store/storetest"
)

var update = flag.Bool("update", false, "rewrite testdata/export.json")

func catalog(t testing.TB) *iv3.Catalog {
	t.Helper()
	c, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func open(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "grip.db"), catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// fill writes two organisations with three documents into db.
func fill(t testing.TB, db *store.DB) {
	t.Helper()
	region := grip.Organisation{Code: "TWENTE", Name: "Regio Twente", Kind: grip.OrgRegio, Slug: "regio-twente"}
	// Hengelo's begroting as printed: a saldo-only meerjarenraming, the
	// printed totals and the programme header's fields.
	hengelo := storetest.Document("GM0164", grip.KindBegroting, 2019, 1)
	hp := &hengelo.Programmes[0]
	hp.Sectors, hp.OfficialContacts = []string{"Sociaal"}, []string{"Katja Boerrigter"}
	hp.FinanceLines = append(hp.FinanceLines, grip.FinanceLine{Key: "6.3/meerjarenraming/saldo/2030", Taakveld: "6.3",
		Label: "Inkomensregelingen", Side: grip.SaldoSide, Stage: grip.StageMeerjarenraming, Year: 2030, Amount: -884_300_000, Line: 35})
	hp.Totals = []grip.PrintedTotal{
		{Stage: grip.StagePrimitief, Year: 2019, Side: grip.Lasten, Amount: 13_133_000_000, Label: "Totaal programma", Line: 43},
		{Stage: grip.StageMeerjarenraming, Year: 2030, Amount: -884_300_000, Label: "Totaal programma", Line: 43},
	}
	err := db.Apply(context.Background(), "test", grip.Batch{
		Organisations: []grip.Organisation{storetest.Organisation("GM1700", "Twenterand"), storetest.Organisation("GM0164", "Hengelo"), region},
		Documents: []*grip.Document{
			storetest.Document("GM1700", grip.KindKadernota, 2020, 1),
			storetest.Document("GM1700", grip.KindBegroting, 2020, 1),
			hengelo,
			{Organisation: "TWENTE", Kind: grip.KindJaarverslag, Year: 2021, Title: "Jaarverslag <regio> & \"Twente\""},
		}})
	if err != nil {
		t.Fatal(err)
	}
}

func export(t testing.TB, db *store.DB, org string) []byte {
	t.Helper()
	f, err := exchange.Export(context.Background(), db, org)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := exchange.Write(&b, f); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRoundTripIsByteIdentical(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	fill(t, db)
	first := export(t, db, "")
	golden := filepath.Join("testdata", "export.json")
	if *update {
		if err := os.WriteFile(golden, first, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, want) {
		t.Fatalf("export differs from %s (run go test ./exchange -update after checking the change)", golden)
	}
	f, err := exchange.Read(bytes.NewReader(first), "export.json", catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	empty := open(t)
	if err := exchange.Load(ctx, empty, "test", f, "export.json"); err != nil {
		t.Fatal(err)
	}
	if second := export(t, empty, ""); !bytes.Equal(first, second) {
		t.Fatal("export → load → export is not byte-identical")
	}
	// One organisation only.
	one := export(t, db, "GM0164")
	f, err = exchange.Read(bytes.NewReader(one), "one.json", catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Organisations) != 1 || len(f.Documents) != 1 || f.Documents[0].Organisation != "GM0164" {
		t.Fatalf("export --org GM0164: %d organisations, %d documents", len(f.Organisations), len(f.Documents))
	}
	if strings.Contains(string(first), `"id"`) {
		t.Error("the export holds store IDs")
	}
}

// TestSQLiteToPostgres moves an export from SQLite to PostgreSQL and back:
// the bytes stay the same.
func TestSQLiteToPostgres(t *testing.T) {
	ctx := context.Background()
	want, err := os.ReadFile(filepath.Join("testdata", "export.json"))
	if err != nil {
		t.Fatal(err)
	}
	pg, err := store.Open(ctx, storetest.FreshPostgres(t), catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	f, err := exchange.Read(bytes.NewReader(want), "export.json", catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := exchange.Load(ctx, pg, "test", f, "export.json"); err != nil {
		t.Fatal(err)
	}
	if got := export(t, pg, ""); !bytes.Equal(got, want) {
		t.Fatal("export from PostgreSQL differs from the file loaded into it")
	}
}

// TestRealExportRoundTrip loads the export of the three real documents into
// an empty database and exports it again: the same bytes.
func TestRealExportRoundTrip(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "real.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := exchange.Read(bytes.NewReader(want), "real.json", catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	db := open(t)
	if err := exchange.Load(context.Background(), db, "test", f, "real.json"); err != nil {
		t.Fatal(err)
	}
	if got := export(t, db, ""); !bytes.Equal(got, want) {
		t.Fatal("real.json: load → export is not byte-identical")
	}
}

func TestReadErrors(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "export.json"))
	if err != nil {
		t.Fatal(err)
	}
	replace := func(old, new string) string {
		t.Helper()
		if !strings.Contains(string(good), old) {
			t.Fatalf("testdata lacks %q", old)
		}
		return strings.Replace(string(good), old, new, 1)
	}
	for _, tc := range []struct {
		name, input string
		want        []string
	}{
		{"malformed", `{"format": "grip-export",, }`, []string{"in.json:1:26", "ongeldige JSON"}},
		{"truncated", string(good[:len(good)/2]), []string{"in.json:", "houdt halverwege op"}},
		{"empty", "", []string{"in.json:1:1"}},
		{"not an object", `[1, 2]`, []string{"in.json:1:1", "verwacht een object"}},
		{"unknown top field", replace(`"version": 1,`, `"version": 1, "extra": true,`), []string{"in.json:3:17", "extra", "onbekend veld", "organisations"}},
		{"unknown nested field", replace(`"year": 2019,`, `"year": 2019, "jaar": 2019,`),
			[]string{"documents[0].jaar", "onbekend veld \"jaar\"", "verwacht een van organisation, kind, year"}},
		{"wrong type", replace(`"amount": 7500000`, `"amount": "75.000"`),
			[]string{"documents[0].programmes[0].proposals[0].amounts[0].amount", "verwacht een bedrag in centen (geheel getal), gevonden de tekst \"75.000\""}},
		{"fraction for cents", replace(`"amount": 7500000`, `"amount": 75000.5`), []string{"amounts[0].amount", "geheel getal", "75000.5"}},
		{"duplicate field", replace(`"year": 2019,`, `"year": 2019, "year": 2021,`), []string{"dit veld staat twee keer"}},
		{"bad format", replace(`"format": "grip-export"`, `"format": "iets"`), []string{"in.json:2:13", "geen grip-export"}},
		{"bad version", replace(`"version": 1`, `"version": 2`), []string{"in.json:3:14", "versie 2"}},
		{"unknown taakveld", replace(`"taakveld": "6.1"`, `"taakveld": "6.19"`), []string{"in.json:", "documents[0].programmes[0].finance_lines[0].taakveld", "6.19", "boekjaar 2019"}},
		{"duplicate proposal year", replace(`"year": 2020,
                  "amount": 7623456`, `"year": 2019,
                  "amount": 7623456`), []string{"documents[0].programmes[0].proposals[0].amounts[1].year", "twee keer"}},
		{"bad organisation", replace(`"code": "GM0164"`, `"code": "Hengelo"`), []string{"organisations[0]", "ongeldig"}},
		{"null document", replace(`"documents": [`, `"documents": [null,`), []string{"documents[0]", "null"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := exchange.Read(strings.NewReader(tc.input), "in.json", catalog(t))
			if grip.ErrorCode(err) != grip.EInvalid {
				t.Fatalf("got %v, want an invalid error", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(grip.ErrorMessage(err), w) {
					t.Errorf("message lacks %q:\n%s", w, grip.ErrorMessage(err))
				}
			}
		})
	}
}

func TestLoadUnknownOrganisationWritesNothing(t *testing.T) {
	ctx := context.Background()
	good, err := os.ReadFile(filepath.Join("testdata", "export.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := exchange.Read(bytes.NewReader(good), "export.json", catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	f.Organisations = f.Organisations[1:] // drop GM0164, keep its document
	db := open(t)
	before, _ := db.Dump(ctx)
	err = exchange.Load(ctx, db, "test", f, "export.json")
	if grip.ErrorCode(err) != grip.EInvalid || !strings.Contains(err.Error(), "documents[0].organisation: organisatie GM0164 staat niet in het bestand en niet in de database") {
		t.Fatalf("got %v", err)
	}
	if after, _ := db.Dump(ctx); after != before {
		t.Fatal("a refused load changed the database")
	}
	// With the organisation already in the database, the same file loads.
	if err := db.PutOrganisation(ctx, "test", storetest.Organisation("GM0164", "Hengelo")); err != nil {
		t.Fatal(err)
	}
	if err := exchange.Load(ctx, db, "test", f, "export.json"); err != nil {
		t.Fatal(err)
	}
}

func FuzzRead(f *testing.F) {
	good, err := os.ReadFile(filepath.Join("testdata", "export.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	real, err := os.ReadFile(filepath.Join("testdata", "real.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real)
	f.Add([]byte(`{"format":"grip-export","version":1,"organisations":[],"documents":[]}`))
	f.Add([]byte(`{"format":"grip-export","version":1,"organisations":[{"code":"GM1700","name":"T","kind":"gemeente","slug":"t","settings":{}}],"documents":[{"organisation":"GM1700","kind":"kadernota","year":2020,"title":"K","programmes":[{"key":"p","title":"P","goals":[{"key":"g","title":"G","children":[{"key":"h","title":"H"}]}],"proposals":[{"key":"v","title":"V","amounts":[{"year":2020,"amount":1},{"year":2020,"amount":2}]}]}]}]}`))
	f.Add([]byte(`{"format": "grip-export",, }`))
	f.Add([]byte(`[null, 1e999, "\ud800"]`))
	f.Add([]byte("{\"format\":\"grip-export\",\"version\":1,\"x\":\xff}"))
	cat := catalog(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := exchange.Read(bytes.NewReader(data), "fuzz.json", cat)
		if err != nil {
			if grip.ErrorCode(err) != grip.EInvalid {
				t.Fatalf("error without the invalid code: %v", err)
			}
			return
		}
		// What was read writes and reads back the same.
		var b bytes.Buffer
		if err := exchange.Write(&b, file); err != nil {
			t.Fatal(err)
		}
		again, err := exchange.Read(bytes.NewReader(b.Bytes()), "again.json", cat)
		if err != nil {
			t.Fatalf("reading what was written: %v", err)
		}
		var b2 bytes.Buffer
		if err := exchange.Write(&b2, again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), b2.Bytes()) {
			t.Fatal("write → read → write is not stable")
		}
	})
}
