package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"grip"
)

// rowsPerInsert is how many rows one multi-row INSERT carries: 500 rows of
// at most 17 values stays below both databases' limits on parameters
// (32.766 for SQLite, 65.535 for PostgreSQL).
const rowsPerInsert = 500

// PutIv3Dataset replaces the national figures of one year and basis, in one
// transaction, with multi-row inserts (35.000 figures in well under a second).
func (db *DB) PutIv3Dataset(ctx context.Context, actor string, ds *grip.Iv3Dataset) error {
	if ds.Year < grip.MinYear || ds.Year > grip.MaxYear {
		return grip.Errorf(grip.EInvalid, "Iv3-dataset: jaar %d valt buiten %d-%d", ds.Year, grip.MinYear, grip.MaxYear)
	}
	if ds.Basis != grip.Iv3Begroting && ds.Basis != grip.Iv3Jaarrekening {
		return grip.Errorf(grip.EInvalid, "Iv3-dataset: basis %q is ongeldig: verwacht begroting of jaarrekening", ds.Basis)
	}
	return db.inTx(ctx, func(t *tx) error {
		var before any
		var oldID int64
		err := t.queryRow(ctx, "SELECT id FROM iv3_datasets WHERE year = ? AND basis = ?", ds.Year, string(ds.Basis)).Scan(&oldID)
		switch {
		case err == nil:
			infos, err := t.iv3Datasets(ctx, "WHERE d.id = ?", oldID)
			if err != nil {
				return err
			}
			before = infos[0]
			if _, err := t.exec(ctx, "DELETE FROM iv3_datasets WHERE id = ?", oldID); err != nil {
				return err
			}
		case errors.Is(err, sql.ErrNoRows):
		default:
			return fmt.Errorf("store: find iv3 dataset: %w", err)
		}
		id, err := t.insertID(ctx, "INSERT INTO iv3_datasets (year, basis, source) VALUES (?, ?, ?)", ds.Year, string(ds.Basis), ds.Source)
		if err != nil {
			return err
		}
		if err := t.insertMany(ctx, "iv3_municipalities", []string{"dataset_id", "code", "name", "province", "size_class", "urbanity", "inhabitants"},
			len(ds.Municipalities), func(i int, args []any) []any {
				m := ds.Municipalities[i]
				return append(args, id, m.Code, m.Name, m.Province, m.SizeClass, m.Urbanity, m.Inhabitants)
			}); err != nil {
			return err
		}
		if err := t.insertMany(ctx, "iv3_figures", []string{"dataset_id", "org", "taakveld", "lasten", "baten"},
			len(ds.Figures), func(i int, args []any) []any {
				f := ds.Figures[i]
				return append(args, id, f.Organisation, f.Taakveld, int64(f.Lasten), int64(f.Baten))
			}); err != nil {
			return err
		}
		after := grip.Iv3DatasetInfo{Year: ds.Year, Basis: ds.Basis, Source: ds.Source,
			Municipalities: len(ds.Municipalities), Figures: len(ds.Figures)}
		return t.audit(ctx, "", actor, "iv3.replace", fmt.Sprintf("iv3 %d %s", ds.Year, ds.Basis), before, after)
	})
}

// Iv3Datasets lists the stored national datasets, by year then basis.
func (db *DB) Iv3Datasets(ctx context.Context) ([]grip.Iv3DatasetInfo, error) {
	var infos []grip.Iv3DatasetInfo
	err := db.inReadTx(ctx, func(t *tx) (err error) {
		infos, err = t.iv3Datasets(ctx, "")
		return err
	})
	return infos, err
}

func (t *tx) iv3Datasets(ctx context.Context, where string, args ...any) ([]grip.Iv3DatasetInfo, error) {
	var infos []grip.Iv3DatasetInfo
	err := t.scanAll(ctx, `SELECT d.year, d.basis, d.source,
		(SELECT count(*) FROM iv3_municipalities m WHERE m.dataset_id = d.id),
		(SELECT count(*) FROM iv3_figures f WHERE f.dataset_id = d.id)
		FROM iv3_datasets d `+where+` ORDER BY d.year, d.basis`, args, func(r *sql.Rows) error {
		var i grip.Iv3DatasetInfo
		if err := r.Scan(&i.Year, &i.Basis, &i.Source, &i.Municipalities, &i.Figures); err != nil {
			return err
		}
		infos = append(infos, i)
		return nil
	})
	return infos, err
}

// Iv3Figures returns national figures matching the query, ordered by
// organisation then taakveld (then year and basis), byte-wise on both
// databases.
//
// Three plain queries in one read transaction instead of one join: the
// datasets of the year and basis, their gemeenten (342 rows each, shared by
// all figures of that gemeente) and the figures themselves with five
// columns. A comparison over a taakveld group of two bases reads 3.420
// figures; joining the gemeente to each of them cost more than the figures.
func (db *DB) Iv3Figures(ctx context.Context, q grip.Iv3Query) ([]grip.Iv3Row, error) {
	var dsWhere []string
	var dsArgs []any
	if q.Year != 0 {
		dsWhere = append(dsWhere, "year = ?")
		dsArgs = append(dsArgs, q.Year)
	}
	if q.Basis != "" {
		dsWhere = append(dsWhere, "basis = ?")
		dsArgs = append(dsArgs, string(q.Basis))
	}
	dsCond := ""
	if len(dsWhere) > 0 {
		dsCond = " WHERE " + strings.Join(dsWhere, " AND ")
	}
	type dataset struct {
		year  int
		basis grip.Iv3Basis
	}
	type munKey struct {
		dataset int64
		code    string
	}
	var out []grip.Iv3Row
	err := db.inReadTx(ctx, func(t *tx) error {
		sets := map[int64]dataset{}
		var ids []any
		if err := t.scanAll(ctx, "SELECT id, year, basis FROM iv3_datasets"+dsCond, dsArgs, func(r *sql.Rows) error {
			var id int64
			var d dataset
			if err := r.Scan(&id, &d.year, &d.basis); err != nil {
				return err
			}
			sets[id] = d
			ids = append(ids, id)
			return nil
		}); err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		inSets := "dataset_id IN (" + placeholders(len(ids)) + ")"
		munCond, munArgs := inSets, append([]any(nil), ids...)
		figCond, figArgs := inSets, append([]any(nil), ids...)
		if q.Taakveld != "" {
			figCond += " AND taakveld = ?"
			figArgs = append(figArgs, q.Taakveld)
		}
		if len(q.Taakvelden) > 0 {
			// Each code is one range of iv3_figures (dataset_id, taakveld)
			// (migration 002) in both databases.
			figCond += " AND taakveld IN (" + placeholders(len(q.Taakvelden)) + ")"
			for _, tv := range q.Taakvelden {
				figArgs = append(figArgs, tv)
			}
		}
		if len(q.Organisations) > 0 {
			in := " AND {col} IN (" + placeholders(len(q.Organisations)) + ")"
			munCond += strings.Replace(in, "{col}", "code", 1)
			figCond += strings.Replace(in, "{col}", "org", 1)
			for _, o := range q.Organisations {
				munArgs = append(munArgs, o)
				figArgs = append(figArgs, o)
			}
		}
		mun := map[munKey]grip.Iv3Municipality{}
		if err := t.scanAll(ctx, "SELECT dataset_id, code, name, province, size_class, urbanity, inhabitants FROM iv3_municipalities WHERE "+munCond,
			munArgs, func(r *sql.Rows) error {
				var id int64
				var m grip.Iv3Municipality
				if err := r.Scan(&id, &m.Code, &m.Name, &m.Province, &m.SizeClass, &m.Urbanity, &m.Inhabitants); err != nil {
					return err
				}
				mun[munKey{id, m.Code}] = m
				return nil
			}); err != nil {
			return err
		}
		return t.scanAll(ctx, "SELECT dataset_id, org, taakveld, lasten, baten FROM iv3_figures WHERE "+figCond, figArgs, func(r *sql.Rows) error {
			var id, lasten, baten int64
			var org, taakveld string
			if err := r.Scan(&id, &org, &taakveld, &lasten, &baten); err != nil {
				return err
			}
			m, ok := mun[munKey{id, org}]
			if !ok {
				m = grip.Iv3Municipality{Code: org}
			}
			d := sets[id]
			out = append(out, grip.Iv3Row{Year: d.year, Basis: d.basis, Iv3Municipality: m, Taakveld: taakveld,
				Lasten: grip.Cents(lasten), Baten: grip.Cents(baten)})
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b grip.Iv3Row) int {
		return cmp.Or(strings.Compare(a.Code, b.Code), strings.Compare(a.Taakveld, b.Taakveld),
			cmp.Compare(a.Year, b.Year), strings.Compare(string(a.Basis), string(b.Basis)))
	})
	return out, nil
}

// placeholders returns n comma-separated ? placeholders.
func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }
