package store

import (
	"context"
	"fmt"
	"strings"

	"grip"
)

// A document is written table by table with multi-row INSERTs: one
// statement per 500 rows instead of one per row, which matters most on
// PostgreSQL where each statement is a round trip. Entities with an ID are
// inserted without RETURNING (the order of returned rows is not promised);
// their IDs are then read back by key, which is unique per programme.

// rowSet collects the rows of one table.
type rowSet struct {
	table   string
	columns []string
	values  [][]any
}

func (r *rowSet) add(vs ...any) { r.values = append(r.values, vs) }

// write inserts the collected rows.
func (r *rowSet) write(ctx context.Context, t *tx) error {
	return t.insertMany(ctx, r.table, r.columns, len(r.values), func(i int, args []any) []any {
		return append(args, r.values[i]...)
	})
}

// progKey names an entity within a document: its programme and key.
type progKey struct {
	programme int64
	key       string
}

// keyIDs reads the IDs of a table's entities of the organisation's document
// by programme and key.
func (t *tx) keyIDs(ctx context.Context, table, org string, docID int64, where string, args ...any) (map[progKey]int64, error) {
	m := map[progKey]int64{}
	q := "SELECT programme_id, key, id FROM " + table + " WHERE org = ? AND document_id = ?" + where
	rs, err := t.query(ctx, q, append([]any{org, docID}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	for rs.Next() {
		var k progKey
		var id int64
		if err := rs.Scan(&k.programme, &k.key, &id); err != nil {
			return nil, fmt.Errorf("store: scan %s ids: %w", table, err)
		}
		m[k] = id
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("store: %s ids: %w", table, err)
	}
	return m, nil
}

// entityRows are the rows of one kind of keyed entity, with pointers to
// the IDs they receive.
type entityRows struct {
	rowSet
	targets []*int64
	keys    []progKey
}

func (e *entityRows) add(id *int64, prog int64, key string, vs ...any) {
	e.rowSet.add(vs...)
	e.targets = append(e.targets, id)
	e.keys = append(e.keys, progKey{prog, key})
}

// write inserts the rows and fills in their IDs; it returns them by key.
func (e *entityRows) write(ctx context.Context, t *tx, org string, docID int64) (map[progKey]int64, error) {
	if len(e.values) == 0 {
		return map[progKey]int64{}, nil
	}
	if err := e.rowSet.write(ctx, t); err != nil {
		return nil, err
	}
	ids, err := t.keyIDs(ctx, e.table, org, docID, "")
	if err != nil {
		return nil, err
	}
	for i, k := range e.keys {
		*e.targets[i] = ids[k]
	}
	return ids, nil
}

func newEntityRows(table string, columns ...string) *entityRows {
	return &entityRows{rowSet: rowSet{table: table, columns: columns}}
}

func newRows(table string, columns ...string) *rowSet {
	return &rowSet{table: table, columns: columns}
}

// nullID is the ID of key in programme prog, or NULL for no key.
func nullID(m map[progKey]int64, prog int64, key string) any {
	if key == "" {
		return nil
	}
	return m[progKey{prog, key}]
}

// insertDocument inserts d and everything in it, writing the new IDs into d.
func (t *tx) insertDocument(ctx context.Context, d *grip.Document) error {
	org := d.Organisation
	var src grip.Source
	if d.Source != nil {
		src = *d.Source
	}
	docID, err := t.insertID(ctx, `INSERT INTO documents (org, kind, year, title, status, published_on, adopted_on, iv3_year,
		has_source, source_file, source_sha256, source_format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		org, string(d.Kind), d.Year, d.Title, string(d.Status), d.PublishedOn, d.AdoptedOn, d.Iv3Year,
		d.Source != nil, src.FileName, src.SHA256, src.Format)
	if err != nil {
		return err
	}
	d.ID = docID

	notes := newRows("source_notes", "org", "document_id", "position", "line", "severity", "message", "text")
	for i, n := range src.Notes {
		notes.add(org, docID, i, n.Line, string(n.Severity), n.Message, n.Text)
	}
	if err := notes.write(ctx, t); err != nil {
		return err
	}

	progs := newEntityRows("programmes", "org", "document_id", "position", "key", "number", "title", "main_objective")
	for i := range d.Programmes {
		p := &d.Programmes[i]
		progs.add(&p.ID, 0, p.Key, org, docID, i, p.Key, p.Number, p.Title, p.MainObjective)
	}
	if len(progs.values) > 0 {
		if err := progs.rowSet.write(ctx, t); err != nil {
			return err
		}
		rs, err := t.query(ctx, "SELECT position, id FROM programmes WHERE document_id = ?", docID)
		if err != nil {
			return err
		}
		for rs.Next() {
			var pos int
			var id int64
			if err := rs.Scan(&pos, &id); err != nil {
				rs.Close()
				return fmt.Errorf("store: scan programme ids: %w", err)
			}
			d.Programmes[pos].ID = id
		}
		err = rs.Err()
		rs.Close()
		if err != nil {
			return fmt.Errorf("store: programme ids: %w", err)
		}
	}

	items := newRows("programme_items", "org", "document_id", "programme_id", "list", "position", "text")
	partners := newRows("partners", "org", "document_id", "programme_id", "position", "name", "text")
	sections := newRows("sections", "org", "document_id", "programme_id", "goal_id", "position", "kind", "heading", "body", "line")
	for i := range d.Programmes {
		p := &d.Programmes[i]
		for _, l := range []struct {
			name  string
			items []string
		}{{"portfolio_holder", p.PortfolioHolders}, {"sector", p.Sectors}, {"official_contact", p.OfficialContacts},
			{"principle", p.Principles}, {"policy_note", p.PolicyNotes}} {
			for j, text := range l.items {
				items.add(org, docID, p.ID, l.name, j, text)
			}
		}
		for j, pt := range p.Partners {
			partners.add(org, docID, p.ID, j, pt.Name, pt.Text)
		}
		for j, sc := range p.Sections {
			sections.add(org, docID, p.ID, nil, j, string(sc.Kind), sc.Heading, sc.Body, sc.Line)
		}
	}

	// The goal tree, one level at a time: a level's parents have IDs by then.
	type pending struct {
		goals  []grip.Goal
		prog   int64
		parent any
	}
	level := []pending{}
	for i := range d.Programmes {
		level = append(level, pending{d.Programmes[i].Goals, d.Programmes[i].ID, nil})
	}
	goalIDs := map[progKey]int64{}
	for depth := 0; len(level) > 0; depth++ {
		goals := newEntityRows("goals", "org", "document_id", "programme_id", "parent_id", "depth", "position", "key", "title", "line")
		for _, l := range level {
			for j := range l.goals {
				g := &l.goals[j]
				goals.add(&g.ID, l.prog, g.Key, org, docID, l.prog, l.parent, depth, j, g.Key, g.Title, g.Line)
			}
		}
		if len(goals.values) == 0 {
			break
		}
		if err := goals.rowSet.write(ctx, t); err != nil {
			return err
		}
		ids, err := t.keyIDs(ctx, "goals", org, docID, " AND depth = ?", depth)
		if err != nil {
			return err
		}
		var next []pending
		for i, k := range goals.keys {
			*goals.targets[i] = ids[k]
			goalIDs[k] = ids[k]
		}
		for _, l := range level {
			for j := range l.goals {
				g := &l.goals[j]
				for k, sc := range g.Sections {
					sections.add(org, docID, l.prog, g.ID, k, string(sc.Kind), sc.Heading, sc.Body, sc.Line)
				}
				if len(g.Children) > 0 {
					next = append(next, pending{g.Children, l.prog, g.ID})
				}
			}
		}
		level = next
	}
	for _, r := range []*rowSet{items, partners, sections} {
		if err := r.write(ctx, t); err != nil {
			return err
		}
	}

	// links collects goal links of one kind of entity.
	type link struct {
		id   *int64
		prog int64
		keys []string
	}
	writeLinks := func(table, column string, ls []link) error {
		r := newRows(table, "org", "document_id", column, "goal_id", "position")
		for _, l := range ls {
			for i, k := range l.keys {
				r.add(org, docID, *l.id, goalIDs[progKey{l.prog, k}], i)
			}
		}
		return r.write(ctx, t)
	}

	reserves := newEntityRows("reserves", "org", "document_id", "programme_id", "position", "key", "name", "balance_year", "balance", "line")
	activities := newEntityRows("activities", "org", "document_id", "programme_id", "position", "key", "title", "description", "line")
	var activityLinks []link
	for i := range d.Programmes {
		p := &d.Programmes[i]
		for j := range p.Reserves {
			r := &p.Reserves[j]
			reserves.add(&r.ID, p.ID, r.Key, org, docID, p.ID, j, r.Key, r.Name, r.BalanceYear, int64(r.Balance), r.Line)
		}
		for j := range p.Activities {
			a := &p.Activities[j]
			activities.add(&a.ID, p.ID, a.Key, org, docID, p.ID, j, a.Key, a.Title, a.Description, a.Line)
			activityLinks = append(activityLinks, link{&a.ID, p.ID, a.GoalKeys})
		}
	}
	reserveIDs, err := reserves.write(ctx, t, org, docID)
	if err != nil {
		return err
	}
	activityIDs, err := activities.write(ctx, t, org, docID)
	if err != nil {
		return err
	}
	if err := writeLinks("activity_goals", "activity_id", activityLinks); err != nil {
		return err
	}

	proposals := newEntityRows("proposals", "org", "document_id", "programme_id", "position", "key", "title", "text", "recurrence",
		"funding", "funding_reserve_id", "decision", "line")
	var proposalLinks []link
	for i := range d.Programmes {
		p := &d.Programmes[i]
		for j := range p.Proposals {
			pr := &p.Proposals[j]
			proposals.add(&pr.ID, p.ID, pr.Key, org, docID, p.ID, j, pr.Key, pr.Title, pr.Text, string(pr.Recurrence),
				pr.Funding, nullID(reserveIDs, p.ID, pr.FundingReserve), pr.Decision, pr.Line)
			proposalLinks = append(proposalLinks, link{&pr.ID, p.ID, pr.GoalKeys})
		}
	}
	proposalIDs, err := proposals.write(ctx, t, org, docID)
	if err != nil {
		return err
	}
	if err := writeLinks("proposal_goals", "proposal_id", proposalLinks); err != nil {
		return err
	}
	amounts := newRows("proposal_amounts", "org", "document_id", "proposal_id", "position", "year", "amount", "recurrence", "from_reserve", "note")
	mutations := newRows("reserve_mutations", "org", "document_id", "reserve_id", "position", "year", "amount", "description", "proposal_id")
	developments := newEntityRows("developments", "org", "document_id", "programme_id", "position", "key", "title", "text", "line")
	var developmentLinks []link
	indicators := newEntityRows("indicators", "org", "document_id", "programme_id", "position", "key", "name", "grp", "unit", "source",
		"mandatory", "direction", "line")
	var indicatorLinks []link
	finance := newEntityRows("finance_lines", "org", "document_id", "programme_id", "position", "key", "taakveld", "label", "side", "stage",
		"year", "amount", "line")
	var financeLinks []link
	totals := newRows("printed_totals", "org", "document_id", "programme_id", "position", "stage", "year", "side", "amount", "label", "line")
	variances := newEntityRows("variance_lines", "org", "document_id", "programme_id", "position", "key", "title", "goal_id", "taakveld",
		"side", "amount", "total", "explanation", "line")
	progress := newEntityRows("progress_entries", "org", "document_id", "programme_id", "position", "key", "goal_id", "activity_id",
		"title", "status", "plan", "realisation", "planning", "indicator", "resources", "risks", "line")
	for i := range d.Programmes {
		p := &d.Programmes[i]
		for _, pr := range p.Proposals {
			for j, a := range pr.Amounts {
				amounts.add(org, docID, pr.ID, j, a.Year, int64(a.Amount), string(a.Recurrence), int64(a.FromReserve), a.Note)
			}
		}
		for _, r := range p.Reserves {
			for j, m := range r.Mutations {
				mutations.add(org, docID, r.ID, j, m.Year, int64(m.Amount), m.Description, nullID(proposalIDs, p.ID, m.ProposalKey))
			}
		}
		for j := range p.Developments {
			dv := &p.Developments[j]
			developments.add(&dv.ID, p.ID, dv.Key, org, docID, p.ID, j, dv.Key, dv.Title, dv.Text, dv.Line)
			developmentLinks = append(developmentLinks, link{&dv.ID, p.ID, dv.GoalKeys})
		}
		for j := range p.Indicators {
			in := &p.Indicators[j]
			indicators.add(&in.ID, p.ID, in.Key, org, docID, p.ID, j, in.Key, in.Name, in.Group, string(in.Unit), in.Source,
				in.Mandatory, string(in.Direction), in.Line)
			indicatorLinks = append(indicatorLinks, link{&in.ID, p.ID, in.GoalKeys})
		}
		for j := range p.FinanceLines {
			f := &p.FinanceLines[j]
			finance.add(&f.ID, p.ID, f.Key, org, docID, p.ID, j, f.Key, f.Taakveld, f.Label, string(f.Side), string(f.Stage),
				f.Year, int64(f.Amount), f.Line)
			financeLinks = append(financeLinks, link{&f.ID, p.ID, f.GoalKeys})
		}
		for j, tot := range p.Totals {
			totals.add(org, docID, p.ID, j, string(tot.Stage), tot.Year, string(tot.Side), int64(tot.Amount), tot.Label, tot.Line)
		}
		for j := range p.VarianceLines {
			l := &p.VarianceLines[j]
			variances.add(&l.ID, p.ID, l.Key, org, docID, p.ID, j, l.Key, l.Title, nullID(goalIDs, p.ID, l.GoalKey), l.Taakveld,
				string(l.Side), int64(l.Amount), l.Total, l.Explanation, l.Line)
		}
		for j := range p.Progress {
			e := &p.Progress[j]
			progress.add(&e.ID, p.ID, e.Key, org, docID, p.ID, j, e.Key, nullID(goalIDs, p.ID, e.GoalKey), nullID(activityIDs, p.ID, e.ActivityKey),
				e.Title, string(e.Status), e.Plan, e.Realisation, e.Planning, e.Indicator, e.Resources, e.Risks, e.Line)
		}
	}
	for _, r := range []*rowSet{amounts, mutations, totals} {
		if err := r.write(ctx, t); err != nil {
			return err
		}
	}
	for _, e := range []*entityRows{developments, indicators, finance, variances, progress} {
		if _, err := e.write(ctx, t, org, docID); err != nil {
			return err
		}
	}
	for _, l := range []struct {
		table, column string
		links         []link
	}{
		{"development_goals", "development_id", developmentLinks},
		{"indicator_goals", "indicator_id", indicatorLinks},
		{"finance_line_goals", "finance_line_id", financeLinks},
	} {
		if err := writeLinks(l.table, l.column, l.links); err != nil {
			return err
		}
	}
	measurements := newRows("measurements", "org", "document_id", "indicator_id", "position", "year", "kind", "value", "word", "raw",
		"as_of", "footnote", "line")
	for i := range d.Programmes {
		for _, in := range d.Programmes[i].Indicators {
			for j, m := range in.Measurements {
				var value any
				if m.Value != nil {
					value = *m.Value
				}
				measurements.add(org, docID, in.ID, j, m.Year, string(m.Kind), value, m.Word, m.Raw, m.AsOf, m.Footnote, m.Line)
			}
		}
	}
	return measurements.write(ctx, t)
}

// insertMany inserts n rows into table with multi-row INSERTs; row appends
// the values of row i to args.
func (t *tx) insertMany(ctx context.Context, table string, columns []string, n int, row func(i int, args []any) []any) error {
	one := "(" + strings.Repeat("?, ", len(columns)-1) + "?)"
	head := "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES "
	args := make([]any, 0, min(n, rowsPerInsert)*len(columns))
	for start := 0; start < n; start += rowsPerInsert {
		end := min(start+rowsPerInsert, n)
		args = args[:0]
		for i := start; i < end; i++ {
			args = row(i, args)
		}
		q := head + strings.TrimSuffix(strings.Repeat(one+", ", end-start), ", ")
		if _, err := t.exec(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}
