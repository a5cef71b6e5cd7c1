package analysis_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"grip"
	"grip/analysis"
	"grip/demo"
	"grip/iv3"
	"grip/store"
	"grip/store/storetest"
)

// The comparison on real stores: the bundled national figures of the social
// domain (all 342 gemeenten) in SQLite and PostgreSQL.

var demoOnce struct {
	sync.Once
	sets []*grip.Iv3Dataset
	err  error
}

func demoSets(t testing.TB) []*grip.Iv3Dataset {
	demoOnce.Do(func() { demoOnce.sets, demoOnce.err = demo.Iv3Datasets() })
	if demoOnce.err != nil {
		t.Fatal(demoOnce.err)
	}
	return demoOnce.sets
}

func cat(t testing.TB) *iv3.Catalog {
	c, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func openSQLite(t testing.TB) grip.Store {
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "grip.db"), cat(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// openPostgres opens a store in a fresh schema of GRIP_TEST_POSTGRES,
// dropped at the end; it skips without a database, and fails when CI=true.
func openPostgres(t testing.TB) grip.Store {
	db, err := store.Open(context.Background(), storetest.FreshPostgres(t), cat(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func loadDemo(t testing.TB, db grip.Store) {
	for _, ds := range demoSets(t) {
		if err := db.PutIv3Dataset(context.Background(), "test", ds); err != nil {
			t.Fatal(err)
		}
	}
}

func engines() map[string]func(testing.TB) grip.Store {
	return map[string]func(testing.TB) grip.Store{"sqlite": openSQLite, "postgres": openPostgres}
}

func TestCompareStore(t *testing.T) {
	for name, open := range engines() {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			loadDemo(t, db)
			q := analysis.CompareQuery{Org: "GM0164", Taakveld: "6.72", Year: 2023, Basis: grip.Iv3Begroting, Set: analysis.SetSizeClass}
			c, err := analysis.CompareStore(context.Background(), db, q, cat(t))
			if err != nil {
				t.Fatal(err)
			}
			if c.Org == nil || c.Org.Amount != grip.Euros(12_231_000) || c.Count != 60 || c.Other == nil {
				t.Fatalf("comparison = %+v", c)
			}
			// One query for the group gives what a query per code gave.
			ref, err := comparePerCode(context.Background(), db, q, cat(t))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(c, ref) {
				t.Errorf("CompareStore differs from the query per code:\n%+v\n%+v", c, ref)
			}
			q.Year, q.Basis = 2024, grip.Iv3Jaarrekening
			if _, err := analysis.CompareStore(context.Background(), db, q, cat(t)); grip.ErrorCode(err) != grip.ENotFound {
				t.Errorf("year without data: %v, want ENotFound", err)
			}
		})
	}
}

// BenchmarkCompareStore measures one comparison over all 342 gemeenten for
// one taakveld group (5 codes × 2 bases, one query); the target is < 50 ms.
// Reference: the pure Compare on rows already in memory.
func BenchmarkCompareStore(b *testing.B) {
	q := analysis.CompareQuery{Org: "GM0164", Taakveld: "6.72", Year: 2023, Basis: grip.Iv3Begroting, Set: analysis.SetAll}
	for name, open := range engines() {
		b.Run(name, func(b *testing.B) {
			db := open(b)
			loadDemo(b, db)
			c := cat(b)
			ctx := context.Background()
			b.Run("one-query", func(b *testing.B) {
				for b.Loop() {
					if _, err := analysis.CompareStore(ctx, db, q, c); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("reference-query-per-code", func(b *testing.B) {
				for b.Loop() {
					if _, err := comparePerCode(ctx, db, q, c); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
	b.Run("reference-in-memory", func(b *testing.B) {
		var rows []grip.Iv3Row
		ds := demoSets(b)[0]
		mun := map[string]grip.Iv3Municipality{}
		for _, m := range ds.Municipalities {
			mun[m.Code] = m
		}
		for _, f := range ds.Figures {
			rows = append(rows, grip.Iv3Row{Year: ds.Year, Basis: ds.Basis, Iv3Municipality: mun[f.Organisation], Taakveld: f.Taakveld, Lasten: f.Lasten, Baten: f.Baten})
		}
		c := cat(b)
		for b.Loop() {
			if _, err := analysis.Compare(q, rows, nil, c); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkPutIv3Dataset stores the social-domain figures of one year (8.600
// rows); rows/s is reported.
func BenchmarkPutIv3Dataset(b *testing.B) {
	for name, open := range engines() {
		b.Run(name, func(b *testing.B) {
			db := open(b)
			ds := demoSets(b)[0]
			for b.Loop() {
				if err := db.PutIv3Dataset(context.Background(), "bench", ds); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(ds.Figures))*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// BenchmarkCompareStoreFull is BenchmarkCompareStore on all four complete
// national files (every taakveld, 96.444 rows), when they are at
// GRIP_IV3_DIR (or ../../shared/data/iv3); skipped otherwise.
func BenchmarkCompareStoreFull(b *testing.B) {
	dir := os.Getenv("GRIP_IV3_DIR")
	if dir == "" {
		dir = "../../shared/data/iv3"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "20*_*.csv"))
	if len(files) == 0 {
		b.Skip("national files not found; set GRIP_IV3_DIR")
	}
	gms, err := iv3.NewGemeenten()
	if err != nil {
		b.Fatal(err)
	}
	var sets []*grip.Iv3Dataset
	for _, f := range files {
		year, basis, _ := iv3.ParseFileName(f)
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		ds, err := iv3.ReadDataset(fh, iv3.ReadOptions{Year: year, Basis: basis, Gemeenten: gms})
		fh.Close()
		if err != nil {
			b.Fatal(err)
		}
		sets = append(sets, ds)
	}
	q := analysis.CompareQuery{Org: "GM0164", Taakveld: "6.72", Year: 2023, Basis: grip.Iv3Begroting, Set: analysis.SetAll}
	for name, open := range engines() {
		b.Run(name, func(b *testing.B) {
			db := open(b)
			for _, ds := range sets {
				if err := db.PutIv3Dataset(context.Background(), "bench", ds); err != nil {
					b.Fatal(err)
				}
			}
			c := cat(b)
			b.Run("one-query", func(b *testing.B) {
				for b.Loop() {
					if _, err := analysis.CompareStore(context.Background(), db, q, c); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("reference-query-per-code", func(b *testing.B) {
				for b.Loop() {
					if _, err := comparePerCode(context.Background(), db, q, c); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// comparePerCode is how CompareStore read the figures before
// Iv3Query.Taakvelden: one query per code of the taakveld group. Kept as the
// reference of the benchmark.
func comparePerCode(ctx context.Context, db grip.Store, q analysis.CompareQuery, c grip.TaakveldCatalog) (*analysis.Comparison, error) {
	var rows, other []grip.Iv3Row
	for _, t := range analysis.TaakveldGroup(c, q.Year, q.Taakveld) {
		r, err := db.Iv3Figures(ctx, grip.Iv3Query{Year: q.Year, Taakveld: t.Code})
		if err != nil {
			return nil, err
		}
		for _, row := range r {
			if row.Basis == q.Basis {
				rows = append(rows, row)
			} else {
				other = append(other, row)
			}
		}
	}
	return analysis.Compare(q, rows, other, c)
}
