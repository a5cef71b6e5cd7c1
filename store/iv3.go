package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
// organisation then taakveld (then year and basis).
func (db *DB) Iv3Figures(ctx context.Context, q grip.Iv3Query) ([]grip.Iv3Row, error) {
	var where []string
	var args []any
	if q.Year != 0 {
		where = append(where, "d.year = ?")
		args = append(args, q.Year)
	}
	if q.Basis != "" {
		where = append(where, "d.basis = ?")
		args = append(args, string(q.Basis))
	}
	if q.Taakveld != "" {
		where = append(where, "f.taakveld = ?")
		args = append(args, q.Taakveld)
	}
	if len(q.Taakvelden) > 0 {
		// One query for the whole list: both databases look each code up in
		// iv3_figures (dataset_id, taakveld) (migration 002).
		where = append(where, "f.taakveld IN ("+placeholders(len(q.Taakvelden))+")")
		for _, tv := range q.Taakvelden {
			args = append(args, tv)
		}
	}
	if len(q.Organisations) > 0 {
		where = append(where, "f.org IN ("+placeholders(len(q.Organisations))+")")
		for _, o := range q.Organisations {
			args = append(args, o)
		}
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	var out []grip.Iv3Row
	err := db.inReadTx(ctx, func(t *tx) error {
		return t.scanAll(ctx, `SELECT d.year, d.basis, f.org, COALESCE(m.name, ''), COALESCE(m.province, ''), COALESCE(m.size_class, ''),
			COALESCE(m.urbanity, ''), COALESCE(m.inhabitants, 0), f.taakveld, f.lasten, f.baten
			FROM iv3_figures f JOIN iv3_datasets d ON d.id = f.dataset_id
			LEFT JOIN iv3_municipalities m ON m.dataset_id = f.dataset_id AND m.code = f.org
			`+cond+` ORDER BY f.org, f.taakveld, d.year, d.basis`, args, func(r *sql.Rows) error {
			var row grip.Iv3Row
			var lasten, baten int64
			if err := r.Scan(&row.Year, &row.Basis, &row.Code, &row.Name, &row.Province, &row.SizeClass,
				&row.Urbanity, &row.Inhabitants, &row.Taakveld, &lasten, &baten); err != nil {
				return err
			}
			row.Lasten, row.Baten = grip.Cents(lasten), grip.Cents(baten)
			out = append(out, row)
			return nil
		})
	})
	return out, err
}

// placeholders returns n comma-separated ? placeholders.
func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }
