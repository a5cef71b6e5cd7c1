package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// dumpTables are every table of the schema, in the order Dump writes them.
var dumpTables = []string{
	"schema_migrations", "organisations", "organisation_level_names", "documents", "source_notes",
	"programmes", "programme_items", "partners", "goals", "sections", "activities", "activity_goals",
	"reserves", "proposals", "proposal_amounts", "proposal_goals", "reserve_mutations",
	"developments", "development_goals", "indicators", "indicator_goals", "measurements",
	"finance_lines", "finance_line_goals", "printed_totals", "variance_lines", "progress_entries", "audit_log",
	"iv3_datasets", "iv3_municipalities", "iv3_figures",
}

// Dump writes every row of every table as text, in a stable order. Tests
// compare dumps to prove that a failed write changed nothing.
func (db *DB) Dump(ctx context.Context) (string, error) {
	var b strings.Builder
	err := db.inReadTx(ctx, func(t *tx) error {
		for _, table := range dumpTables {
			fmt.Fprintf(&b, "== %s\n", table)
			// Ordering by every column makes the order independent of storage.
			rows, err := t.query(ctx, "SELECT * FROM "+table+" LIMIT 0")
			if err != nil {
				return err
			}
			cols, err := rows.Columns()
			rows.Close()
			if err != nil {
				return fmt.Errorf("store: dump %s: %w", table, err)
			}
			order := make([]string, len(cols))
			for i := range cols {
				order[i] = fmt.Sprint(i + 1)
			}
			err = t.scanAll(ctx, "SELECT * FROM "+table+" ORDER BY "+strings.Join(order, ", "), nil, func(r *sql.Rows) error {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := r.Scan(ptrs...); err != nil {
					return err
				}
				for i, v := range vals {
					if i > 0 {
						b.WriteString(" | ")
					}
					if bs, ok := v.([]byte); ok {
						v = string(bs)
					}
					fmt.Fprintf(&b, "%s=%v", cols[i], v)
				}
				b.WriteByte('\n')
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	return b.String(), err
}
