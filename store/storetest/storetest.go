package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"grip"
)

// Dumper is implemented by stores that can dump every row of every table;
// the suite compares dumps to prove that a failed write changed nothing.
type Dumper interface {
	Dump(ctx context.Context) (string, error)
}

// Run runs the behaviour suite against stores made by open, which must
// return an empty, migrated store of its own for each call.
func Run(t *testing.T, open func(t *testing.T) grip.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s grip.Store)
	}{
		{"SchemaVersion", testSchemaVersion},
		{"Organisations", testOrganisations},
		{"RoundTrip", testRoundTrip},
		{"SaldoLinesAndTotals", testSaldoLines},
		{"ReplaceDocument", testReplace},
		{"ReplaceIfUnchanged", testIfUnchanged},
		{"DeleteDocument", testDelete},
		{"Locate", testLocate},
		{"Isolation", testIsolation},
		{"FailedBatchChangesNothing", testAtomic},
		{"Audit", testAudit},
		{"Iv3", testIv3},
		{"Concurrent", testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			tc.fn(t, s)
		})
	}
}

// Twenterand and Hengelo are the two organisations of the suite.
var (
	twenterand = Organisation("GM1700", "Twenterand")
	hengelo    = Organisation("GM0164", "Hengelo")
)

func setup(t *testing.T, s grip.Store, docs ...*grip.Document) {
	t.Helper()
	err := s.Apply(context.Background(), "test", grip.Batch{Organisations: []grip.Organisation{twenterand, hengelo}, Documents: docs})
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
}

// Equal fails the test with the first differing line of the two values' JSON
// when they are not deeply equal (IDs compared too).
func Equal(t *testing.T, what string, got, want any) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	gj, _ := json.MarshalIndent(got, "", " ")
	wj, _ := json.MarshalIndent(want, "", " ")
	gl, wl := strings.Split(string(gj), "\n"), strings.Split(string(wj), "\n")
	for i := 0; i < min(len(gl), len(wl)); i++ {
		if gl[i] != wl[i] {
			t.Fatalf("%s differs at JSON line %d:\n got: %s\nwant: %s", what, i+1, gl[i], wl[i])
		}
	}
	if len(gl) != len(wl) {
		t.Fatalf("%s: JSON has %d lines, want %d", what, len(gl), len(wl))
	}
	t.Fatalf("%s differs (in IDs, nil against empty, or unexported state):\n got: %+v\nwant: %+v", what, got, want)
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if grip.ErrorCode(err) != code {
		t.Fatalf("%s: error %v (code %q), want code %q", what, err, grip.ErrorCode(err), code)
	}
}

func dump(t *testing.T, s grip.Store) string {
	t.Helper()
	d, ok := s.(Dumper)
	if !ok {
		t.Fatalf("%T does not implement storetest.Dumper", s)
	}
	out, err := d.Dump(context.Background())
	if err != nil {
		t.Fatalf("Dump: %v", err)
	}
	return out
}

func testSchemaVersion(t *testing.T, s grip.Store) {
	v, err := s.SchemaVersion(context.Background())
	if err != nil || v < 1 {
		t.Fatalf("SchemaVersion = %d, %v; want >= 1", v, err)
	}
}

func testOrganisations(t *testing.T, s grip.Store) {
	ctx := context.Background()
	if _, err := s.Organisation(ctx, "GM1700"); grip.ErrorCode(err) != grip.ENotFound {
		t.Fatalf("Organisation in empty store: %v, want not found", err)
	}
	for _, o := range []grip.Organisation{twenterand, hengelo} {
		if err := s.PutOrganisation(ctx, "test", o); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Organisation(ctx, "GM1700")
	if err != nil {
		t.Fatal(err)
	}
	Equal(t, "Organisation", *got, twenterand)
	got, err = s.OrganisationBySlug(ctx, "hengelo")
	if err != nil {
		t.Fatal(err)
	}
	Equal(t, "OrganisationBySlug", *got, hengelo)
	_, err = s.OrganisationBySlug(ctx, "almelo")
	wantCode(t, "OrganisationBySlug(almelo)", err, grip.ENotFound)

	changed := twenterand
	changed.Inhabitants = 34_000
	changed.Settings.LevelNames = []string{"ambitie", "actielijn"}
	if err := s.PutOrganisation(ctx, "test", changed); err != nil {
		t.Fatal(err)
	}
	all, err := s.Organisations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	Equal(t, "Organisations", all, []grip.Organisation{hengelo, changed})

	bad := twenterand
	bad.Code = "twenterand"
	wantCode(t, "PutOrganisation(bad code)", s.PutOrganisation(ctx, "test", bad), grip.EInvalid)
	clash := Organisation("GM0141", "Almelo")
	clash.Slug = "hengelo"
	wantCode(t, "PutOrganisation(slug taken)", s.PutOrganisation(ctx, "test", clash), grip.EConflict)
}

func testRoundTrip(t *testing.T, s grip.Store) {
	ctx := context.Background()
	d := Document("GM1700", grip.KindKadernota, 2020, 1)
	d.Iv3Year = 2019
	setup(t, s, d)
	if d.ID == 0 || d.Programmes[0].ID == 0 || d.Programmes[0].Goals[0].Children[1].Children[0].ID == 0 ||
		d.Programmes[0].Proposals[3].ID == 0 || d.Programmes[0].Reserves[0].ID == 0 || d.Programmes[0].Progress[2].ID == 0 {
		t.Fatal("Apply did not fill in the IDs")
	}
	got, err := s.Document(ctx, "GM1700", d.ID)
	if err != nil {
		t.Fatal(err)
	}
	Equal(t, "Document", got, d)
	got, err = s.DocumentByKindYear(ctx, "GM1700", grip.KindKadernota, 2020)
	if err != nil {
		t.Fatal(err)
	}
	Equal(t, "DocumentByKindYear", got, d)
	_, err = s.DocumentByKindYear(ctx, "GM1700", grip.KindBegroting, 2020)
	wantCode(t, "DocumentByKindYear(begroting)", err, grip.ENotFound)

	// A document with nothing optional in it comes back as bare.
	bare := &grip.Document{Organisation: "GM1700", Kind: grip.KindJaarverslag, Year: 2019, Title: "Jaarverslag 2019"}
	begroting := Document("GM1700", grip.KindBegroting, 2020, 1)
	if err := s.Apply(ctx, "test", grip.Batch{Documents: []*grip.Document{bare, begroting}}); err != nil {
		t.Fatal(err)
	}
	got, err = s.Document(ctx, "GM1700", bare.ID)
	if err != nil {
		t.Fatal(err)
	}
	Equal(t, "bare Document", got, bare)

	infos, err := s.Documents(ctx, "GM1700")
	if err != nil {
		t.Fatal(err)
	}
	want := []grip.DocumentInfo{
		{ID: bare.ID, Organisation: "GM1700", Kind: grip.KindJaarverslag, Year: 2019, Title: bare.Title},
		{ID: d.ID, Organisation: "GM1700", Kind: grip.KindKadernota, Year: 2020, Title: d.Title, Status: d.Status, Counts: d.Counts()},
		{ID: begroting.ID, Organisation: "GM1700", Kind: grip.KindBegroting, Year: 2020, Title: begroting.Title, Status: begroting.Status, Counts: begroting.Counts()},
	}
	Equal(t, "Documents", infos, want)
	if c := infos[1].Counts; c.Themes != 4 || c.Goals != 6 || c.Subgoals != 12 || c.ActivityLinks != 21 || c.Measurements != 20 {
		t.Errorf("Counts = %+v", c)
	}
	_, err = s.Documents(ctx, "GM9999")
	wantCode(t, "Documents(unknown organisation)", err, grip.ENotFound)
}

// testSaldoLines stores what documents that print only the saldo of later
// years give: saldo lines (a net amount, baten - lasten, negative here),
// the printed totals per column and the programme's header fields.
func testSaldoLines(t *testing.T, s grip.Store) {
	ctx := context.Background()
	d := Document("GM0164", grip.KindBegroting, 2019, 1)
	p := &d.Programmes[0]
	p.Sectors = []string{"Sociaal"}
	p.OfficialContacts = []string{"Katja Boerrigter"}
	p.FinanceLines = append(p.FinanceLines,
		grip.FinanceLine{Key: "6.3/meerjarenraming/saldo/2030", Taakveld: "6.3", Label: "Inkomensregelingen",
			Side: grip.SaldoSide, Stage: grip.StageMeerjarenraming, Year: 2030, Amount: -884_300_000, Line: 35},
		grip.FinanceLine{Key: "6.5/meerjarenraming/saldo/2030", Taakveld: "6.5", Label: "Arbeidsparticipatie",
			Side: grip.SaldoSide, Stage: grip.StageMeerjarenraming, Year: 2030, Amount: 12_300_000, Line: 37})
	p.Totals = []grip.PrintedTotal{
		{Stage: grip.StagePrimitief, Year: 2019, Side: grip.Lasten, Amount: 13_133_000_000, Label: "Totaal programma", Line: 43},
		{Stage: grip.StagePrimitief, Year: 2019, Side: grip.Baten, Amount: 4_538_900_000, Label: "Totaal programma", Line: 43},
		{Stage: grip.StagePrimitief, Year: 2019, Amount: -8_594_100_000, Label: "Totaal programma", Line: 43},
		{Stage: grip.StageMeerjarenraming, Year: 2030, Side: grip.SaldoSide, Amount: -872_000_000, Line: 43},
	}
	setup(t, s, d)
	got, err := s.Document(ctx, "GM0164", d.ID)
	if err != nil {
		t.Fatal(err)
	}
	Equal(t, "Document with saldo lines", got, d)
	gp := got.Programmes[0]
	var saldo []grip.FinanceLine
	for _, l := range gp.FinanceLines {
		if l.Side == grip.SaldoSide {
			saldo = append(saldo, l)
		}
	}
	if len(saldo) != 2 || grip.Saldo(saldo) != -872_000_000 {
		t.Errorf("saldo lines = %+v, Saldo %v; want 2 lines with saldo -€ 8.720.000", saldo, grip.Saldo(saldo))
	}
	// Replacing the document replaces its totals (no leftovers).
	d2 := Document("GM0164", grip.KindBegroting, 2019, 1)
	if err := s.Apply(ctx, "test", grip.Batch{Documents: []*grip.Document{d2}}); err != nil {
		t.Fatal(err)
	}
	got, err = s.Document(ctx, "GM0164", d2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Programmes[0].Totals); n != 0 {
		t.Errorf("after replace: %d totals, want 0", n)
	}
}

func testReplace(t *testing.T, s grip.Store) {
	ctx := context.Background()
	first := Document("GM1700", grip.KindKadernota, 2020, 1)
	setup(t, s, first)
	second := Document("GM1700", grip.KindKadernota, 2020, 2)
	second.Title = "Kadernota 2020 (herzien)"
	second.Programmes = second.Programmes[:1]
	if err := s.Apply(ctx, "test", grip.Batch{Documents: []*grip.Document{second}}); err != nil {
		t.Fatal(err)
	}
	infos, err := s.Documents(ctx, "GM1700")
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1 || infos[0].ID != second.ID || infos[0].Counts != second.Counts() {
		t.Fatalf("after re-Apply: %+v, want one document with the counts %+v", infos, second.Counts())
	}
	got, err := s.DocumentByKindYear(ctx, "GM1700", grip.KindKadernota, 2020)
	if err != nil {
		t.Fatal(err)
	}
	Equal(t, "replaced document", got, second)
	_, err = s.Document(ctx, "GM1700", first.ID)
	wantCode(t, "old document", err, grip.ENotFound)
	_, err = s.Locate(ctx, "GM1700", grip.EntityGoal, first.Programmes[0].Goals[0].ID)
	wantCode(t, "old goal", err, grip.ENotFound)
	// Applying the same content again keeps the stored document and its IDs,
	// and hands them to the caller.
	again := Document("GM1700", grip.KindKadernota, 2020, 2)
	again.Title = second.Title
	again.Programmes = again.Programmes[:1]
	if err := s.Apply(ctx, "test", grip.Batch{Documents: []*grip.Document{again}}); err != nil {
		t.Fatal(err)
	}
	infos, _ = s.Documents(ctx, "GM1700")
	if len(infos) != 1 || infos[0].Counts != second.Counts() || infos[0].ID != second.ID {
		t.Fatalf("after the same Apply twice: %+v", infos)
	}
	Equal(t, "IDs handed back for an unchanged document", again, second)
}

func testDelete(t *testing.T, s grip.Store) {
	ctx := context.Background()
	d := Document("GM1700", grip.KindKadernota, 2020, 1)
	setup(t, s, d)
	if err := s.DeleteDocument(ctx, "test", "GM1700", d.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.Document(ctx, "GM1700", d.ID)
	wantCode(t, "deleted document", err, grip.ENotFound)
	wantCode(t, "delete again", s.DeleteDocument(ctx, "test", "GM1700", d.ID), grip.ENotFound)
	// Deleting removed every row of the document: only organisations and the audit log are left.
	out := dump(t, s)
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "document_id=") || strings.Contains(line, " | document_id=") {
			t.Fatalf("row left after delete: %s", line)
		}
	}
}

// entities lists one entity of every kind of the document, with its ID.
func entities(d *grip.Document) map[grip.EntityKind]int64 {
	p := d.Programmes[0]
	return map[grip.EntityKind]int64{
		grip.EntityProgramme:    p.ID,
		grip.EntityGoal:         p.Goals[1].Children[0].Children[1].ID,
		grip.EntityActivity:     p.Activities[3].ID,
		grip.EntityProposal:     p.Proposals[2].ID,
		grip.EntityDevelopment:  p.Developments[1].ID,
		grip.EntityIndicator:    p.Indicators[4].ID,
		grip.EntityFinanceLine:  p.FinanceLines[5].ID,
		grip.EntityVarianceLine: p.VarianceLines[2].ID,
		grip.EntityProgress:     p.Progress[1].ID,
		grip.EntityReserve:      p.Reserves[0].ID,
	}
}

func testLocate(t *testing.T, s grip.Store) {
	ctx := context.Background()
	a := Document("GM1700", grip.KindKadernota, 2020, 1)
	b := Document("GM1700", grip.KindBegroting, 2021, 1)
	setup(t, s, a, b)
	for kind, id := range entities(b) {
		got, err := s.Locate(ctx, "GM1700", kind, id)
		if err != nil || got != b.ID {
			t.Errorf("Locate(%s %d) = %d, %v; want %d", kind, id, got, err, b.ID)
		}
	}
	_, err := s.Locate(ctx, "GM1700", grip.EntityGoal, 1<<40)
	wantCode(t, "Locate(missing)", err, grip.ENotFound)
	_, err = s.Locate(ctx, "GM1700", "planet", 1)
	wantCode(t, "Locate(bad kind)", err, grip.EInvalid)
}

// testIsolation proves that one organisation cannot read or change another's
// data through any store method.
func testIsolation(t *testing.T, s grip.Store) {
	ctx := context.Background()
	mine := Document("GM1700", grip.KindKadernota, 2020, 1)
	theirs := Document("GM0164", grip.KindBegroting, 2019, 1)
	setup(t, s, mine, theirs)
	before := dump(t, s)

	_, err := s.Document(ctx, "GM1700", theirs.ID)
	wantCode(t, "Document(mine, their id)", err, grip.ENotFound)
	_, err = s.DocumentByKindYear(ctx, "GM1700", grip.KindBegroting, 2019)
	wantCode(t, "DocumentByKindYear(mine, their kind and year)", err, grip.ENotFound)
	for kind, id := range entities(theirs) {
		_, err := s.Locate(ctx, "GM1700", kind, id)
		wantCode(t, fmt.Sprintf("Locate(mine, their %s)", kind), err, grip.ENotFound)
	}
	infos, err := s.Documents(ctx, "GM1700")
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1 || infos[0].ID != mine.ID {
		t.Fatalf("Documents(mine) = %+v, want only mine", infos)
	}
	audit, err := s.Audit(ctx, "GM1700", 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range audit {
		if e.Organisation != "GM1700" || strings.Contains(e.After, "GM0164") || strings.Contains(e.Before, "GM0164") {
			t.Fatalf("Audit(mine) holds another organisation's entry: %+v", e)
		}
	}
	wantCode(t, "DeleteDocument(mine, their id)", s.DeleteDocument(ctx, "me", "GM1700", theirs.ID), grip.ENotFound)
	if after := dump(t, s); after != before {
		t.Fatal("a refused cross-organisation call changed the database")
	}
	// Their document is still whole.
	got, err := s.Document(ctx, "GM0164", theirs.ID)
	if err != nil {
		t.Fatal(err)
	}
	Equal(t, "their document", got, theirs)
	// Writing my document replaces only mine, even with their kind and year.
	same := Document("GM1700", grip.KindBegroting, 2019, 1)
	if err := s.Apply(ctx, "me", grip.Batch{Documents: []*grip.Document{same}}); err != nil {
		t.Fatal(err)
	}
	got, err = s.Document(ctx, "GM0164", theirs.ID)
	if err != nil {
		t.Fatal(err)
	}
	Equal(t, "their document after I wrote mine", got, theirs)
}

// testAtomic proves that a batch failing half-way leaves the database exactly as it was.
func testAtomic(t *testing.T, s grip.Store) {
	ctx := context.Background()
	setup(t, s, Document("GM1700", grip.KindKadernota, 2020, 1))
	before := dump(t, s)
	check := func(what string, err error, code string) {
		t.Helper()
		wantCode(t, what, err, code)
		if after := dump(t, s); after != before {
			t.Fatalf("%s: the failed batch changed the database", what)
		}
	}

	// The third of three documents is invalid: a duplicate year in a proposal.
	bad := Document("GM1700", grip.KindJaarverslag, 2020, 1)
	bad.Programmes[0].Proposals[3].Amounts[1].Year = 2020
	err := s.Apply(ctx, "test", grip.Batch{Documents: []*grip.Document{
		Document("GM1700", grip.KindKadernota, 2020, 2), Document("GM1700", grip.KindBegroting, 2020, 1), bad}})
	check("invalid third document", err, grip.EInvalid)
	if msg := grip.ErrorMessage(err); !strings.Contains(msg, "documents[2].programmes[0].proposals[3].amounts[1].year") {
		t.Errorf("message does not name the path: %s", msg)
	}

	// An unknown taakveld.
	bad = Document("GM1700", grip.KindBegroting, 2020, 1)
	bad.Programmes[0].FinanceLines[2].Taakveld = "6.99"
	check("unknown taakveld", s.Apply(ctx, "test", grip.Batch{Documents: []*grip.Document{bad}}), grip.EInvalid)

	// A document of an organisation that does not exist.
	err = s.Apply(ctx, "test", grip.Batch{Documents: []*grip.Document{
		Document("GM1700", grip.KindBegroting, 2020, 1), Document("GM0141", grip.KindBegroting, 2020, 1)}})
	check("unknown organisation", err, grip.ENotFound)

	// A constraint of the database fails after documents were written: a new
	// organisation whose slug another already has, after one that is fine.
	clash := Organisation("GM0141", "Almelo")
	clash.Slug = "hengelo"
	err = s.Apply(ctx, "test", grip.Batch{
		Organisations: []grip.Organisation{Organisation("GM0153", "Enschede"), clash},
		Documents:     []*grip.Document{Document("GM1700", grip.KindBegroting, 2020, 1)}})
	check("slug clash", err, grip.EConflict)

	// The same with the clash after a replaced document.
	ok := Organisation("GM0153", "Enschede")
	err = s.Apply(ctx, "test", grip.Batch{
		Organisations: []grip.Organisation{ok},
		Documents:     []*grip.Document{Document("GM1700", grip.KindKadernota, 2020, 3), Document("GM0153", grip.KindKadernota, 2020, 1)}})
	if err != nil {
		t.Fatal(err)
	}
	before = dump(t, s)
	err = s.Apply(ctx, "test", grip.Batch{
		Organisations: []grip.Organisation{clash},
		Documents:     []*grip.Document{Document("GM1700", grip.KindKadernota, 2020, 1)}})
	check("slug clash after replace", err, grip.EConflict)
}

func testAudit(t *testing.T, s grip.Store) {
	ctx := context.Background()
	if err := s.PutOrganisation(ctx, "wim", twenterand); err != nil {
		t.Fatal(err)
	}
	first := Document("GM1700", grip.KindKadernota, 2020, 1)
	second := Document("GM1700", grip.KindKadernota, 2020, 1)
	second.Title = "Nieuwe titel"
	other := Document("GM1700", grip.KindBegroting, 2020, 1)
	if err := s.Apply(ctx, "anna", grip.Batch{Documents: []*grip.Document{first}}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	grown := twenterand
	grown.Inhabitants++
	if err := s.Apply(ctx, "bert", grip.Batch{Organisations: []grip.Organisation{grown}, Documents: []*grip.Document{second, other}}); err != nil {
		t.Fatal(err)
	}
	es, err := s.Audit(ctx, "GM1700", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Actor+" "+e.Action+" "+e.Entity)
	}
	want := []string{
		"bert document.create document begroting-2020",
		"bert document.replace document kadernota-2020",
		"bert organisation.update organisation GM1700",
		"anna document.create document kadernota-2020",
		"wim organisation.create organisation GM1700",
	}
	Equal(t, "audit entries", got, want)
	if !es[0].At.Equal(es[1].At) || !es[1].At.Equal(es[2].At) {
		t.Errorf("one transaction, several timestamps: %v %v %v", es[0].At, es[1].At, es[2].At)
	}
	if es[0].At.Before(start.Add(-time.Second)) || es[0].At.After(time.Now().Add(time.Second)) || es[0].At.Location() != time.UTC {
		t.Errorf("timestamp %v is not now in UTC", es[0].At)
	}
	var before, after grip.Document
	if err := json.Unmarshal([]byte(es[1].Before), &before); err != nil {
		t.Fatalf("before: %v", err)
	}
	if err := json.Unmarshal([]byte(es[1].After), &after); err != nil {
		t.Fatalf("after: %v", err)
	}
	if before.Title != first.Title || after.Title != "Nieuwe titel" || len(after.Programmes) != 2 {
		t.Errorf("before/after of the replace: %q -> %q", before.Title, after.Title)
	}
	if es[0].Before != "" {
		t.Errorf("a create has a before: %s", es[0].Before)
	}
	if n, _ := s.Audit(ctx, "GM1700", 2); len(n) != 2 {
		t.Errorf("Audit limit 2 gave %d entries", len(n))
	}
	// Writing what is already stored changes nothing and records nothing.
	if err := s.Apply(ctx, "dirk", grip.Batch{Organisations: []grip.Organisation{grown},
		Documents: []*grip.Document{Document("GM1700", grip.KindBegroting, 2020, 1)}}); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Audit(ctx, "GM1700", 10); len(again) != len(es) {
		t.Errorf("an unchanged write added %d audit entries", len(again)-len(es))
	}
	if err := s.DeleteDocument(ctx, "carla", "GM1700", other.ID); err != nil {
		t.Fatal(err)
	}
	es, _ = s.Audit(ctx, "GM1700", 1)
	if len(es) != 1 || es[0].Actor != "carla" || es[0].Action != "document.delete" || es[0].Before == "" || es[0].After != "" {
		t.Errorf("delete audit: %+v", es)
	}
}

// Iv3Dataset returns a national dataset of the size CBS publishes: 342
// gemeenten, about 100 taakvelden each (34.200 figures).
func Iv3Dataset(year int, basis grip.Iv3Basis, gemeenten, perGemeente int) *grip.Iv3Dataset {
	ds := &grip.Iv3Dataset{Year: year, Basis: basis, Source: fmt.Sprintf("CBS Iv3 %d %s", year, basis)}
	for g := 0; g < gemeenten; g++ {
		code := fmt.Sprintf("GM%04d", g+1)
		ds.Municipalities = append(ds.Municipalities, grip.Iv3Municipality{Code: code, Name: fmt.Sprintf("Gemeente %d", g+1),
			Province: "Overijssel", SizeClass: "20.000 tot 50.000 inwoners", Urbanity: "matig stedelijk", Inhabitants: int64(10_000 + g*97)})
		for i := 0; i < perGemeente; i++ {
			ds.Figures = append(ds.Figures, grip.Iv3Figure{Organisation: code, Taakveld: fmt.Sprintf("%d.%d", i/12, i%12+1),
				Lasten: grip.Cents(int64(g*1000+i) * 100_01), Baten: grip.Cents(int64(i) * 7_00)})
		}
	}
	return ds
}

func testIv3(t *testing.T, s grip.Store) {
	ctx := context.Background()
	big := Iv3Dataset(2023, grip.Iv3Begroting, 342, 102)
	start := time.Now()
	if err := s.PutIv3Dataset(ctx, "cbs", big); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("PutIv3Dataset of %d figures: %v", len(big.Figures), took)
	if took > 10*time.Second {
		t.Errorf("PutIv3Dataset took %v, want well under 10s", took)
	}
	if err := s.PutIv3Dataset(ctx, "cbs", Iv3Dataset(2023, grip.Iv3Jaarrekening, 3, 4)); err != nil {
		t.Fatal(err)
	}
	small := Iv3Dataset(2023, grip.Iv3Begroting, 2, 3)
	small.Source = "herzien"
	if err := s.PutIv3Dataset(ctx, "cbs", small); err != nil {
		t.Fatal(err)
	}
	infos, err := s.Iv3Datasets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	Equal(t, "Iv3Datasets", infos, []grip.Iv3DatasetInfo{
		{Year: 2023, Basis: grip.Iv3Begroting, Source: "herzien", Municipalities: 2, Figures: 6},
		{Year: 2023, Basis: grip.Iv3Jaarrekening, Source: "CBS Iv3 2023 jaarrekening", Municipalities: 3, Figures: 12},
	})
	rows, err := s.Iv3Figures(ctx, grip.Iv3Query{Taakveld: "0.2", Organisations: []string{"GM0002", "GM0001"}})
	if err != nil {
		t.Fatal(err)
	}
	m1 := small.Municipalities[0]
	want := []grip.Iv3Row{
		{Year: 2023, Basis: grip.Iv3Begroting, Iv3Municipality: m1, Taakveld: "0.2", Lasten: small.Figures[1].Lasten, Baten: small.Figures[1].Baten},
		{Year: 2023, Basis: grip.Iv3Jaarrekening, Iv3Municipality: grip.Iv3Municipality{Code: "GM0001", Name: "Gemeente 1", Province: "Overijssel",
			SizeClass: "20.000 tot 50.000 inwoners", Urbanity: "matig stedelijk", Inhabitants: 10_000}, Taakveld: "0.2", Lasten: 100_01, Baten: 7_00},
		{Year: 2023, Basis: grip.Iv3Begroting, Iv3Municipality: small.Municipalities[1], Taakveld: "0.2", Lasten: small.Figures[4].Lasten, Baten: small.Figures[4].Baten},
		{Year: 2023, Basis: grip.Iv3Jaarrekening, Iv3Municipality: grip.Iv3Municipality{Code: "GM0002", Name: "Gemeente 2", Province: "Overijssel",
			SizeClass: "20.000 tot 50.000 inwoners", Urbanity: "matig stedelijk", Inhabitants: 10_097}, Taakveld: "0.2", Lasten: 1001 * 100_01, Baten: 7_00},
	}
	Equal(t, "Iv3Figures", rows, want)
	rows, err = s.Iv3Figures(ctx, grip.Iv3Query{Year: 2023, Basis: grip.Iv3Jaarrekening})
	if err != nil || len(rows) != 12 {
		t.Fatalf("Iv3Figures(jaarrekening) = %d rows, %v; want 12", len(rows), err)
	}
	// A list of taakvelden: one query, both bases, ordered like the rest.
	rows, err = s.Iv3Figures(ctx, grip.Iv3Query{Year: 2023, Taakvelden: []string{"0.3", "0.1", "9.9"}, Organisations: []string{"GM0001"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s %s %s %d", r.Code, r.Taakveld, r.Basis, r.Lasten))
	}
	Equal(t, "Iv3Figures(Taakvelden)", got, []string{
		"GM0001 0.1 begroting 0", "GM0001 0.1 jaarrekening 0",
		"GM0001 0.3 begroting 20002", "GM0001 0.3 jaarrekening 20002"})
	// Taakveld and Taakvelden together: both must hold.
	rows, err = s.Iv3Figures(ctx, grip.Iv3Query{Basis: grip.Iv3Begroting, Taakveld: "0.2", Taakvelden: []string{"0.2", "0.3"}})
	if err != nil || len(rows) != 2 || rows[0].Taakveld != "0.2" || rows[1].Taakveld != "0.2" {
		t.Errorf("Iv3Figures(Taakveld and Taakvelden) = %+v, %v; want 0.2 of the 2 gemeenten", rows, err)
	}
	// On the dataset of 342 gemeenten: exactly the listed codes, no others.
	if err := s.PutIv3Dataset(ctx, "cbs", Iv3Dataset(2024, grip.Iv3Begroting, 342, 102)); err != nil {
		t.Fatal(err)
	}
	rows, err = s.Iv3Figures(ctx, grip.Iv3Query{Year: 2024, Taakvelden: []string{"6.1", "6.2", "6.3"}})
	if err != nil {
		t.Fatal(err)
	}
	perCode := map[string]int{}
	for _, r := range rows {
		perCode[r.Taakveld]++
	}
	Equal(t, "Iv3Figures(Taakvelden) per code", perCode, map[string]int{"6.1": 342, "6.2": 342, "6.3": 342})
	wantCode(t, "PutIv3Dataset(bad basis)", s.PutIv3Dataset(ctx, "cbs", &grip.Iv3Dataset{Year: 2023, Basis: "raming"}), grip.EInvalid)
}

// testConcurrent writes the same and different documents from several
// goroutines while others read: every call succeeds, and each document is
// stored once.
func testConcurrent(t *testing.T, s grip.Store) {
	ctx := context.Background()
	setup(t, s)
	const writers = 4
	errs := make(chan error, writers*6)
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				errs <- s.Apply(ctx, "writer", grip.Batch{Documents: []*grip.Document{
					Document("GM1700", grip.KindKadernota, 2020, 1),
					Document("GM1700", grip.KindBegroting, 2021+w, 1)}})
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				infos, err := s.Documents(ctx, "GM1700")
				for _, info := range infos {
					if err != nil {
						break
					}
					_, err = s.Document(ctx, "GM1700", info.ID)
					if grip.ErrorCode(err) == grip.ENotFound {
						err = nil // replaced in between
					}
				}
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent call: %v", err)
		}
	}
	infos, err := s.Documents(ctx, "GM1700")
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1+writers {
		t.Fatalf("%d documents after concurrent writes, want %d", len(infos), 1+writers)
	}
}
