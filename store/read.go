package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"grip"
)

// Organisation returns the organisation with the CBS code.
func (db *DB) Organisation(ctx context.Context, code string) (*grip.Organisation, error) {
	var o *grip.Organisation
	err := db.inReadTx(ctx, func(t *tx) (err error) {
		o, err = t.organisation(ctx, code)
		return err
	})
	return o, err
}

// OrganisationBySlug returns the organisation with the URL name.
func (db *DB) OrganisationBySlug(ctx context.Context, slug string) (*grip.Organisation, error) {
	var o *grip.Organisation
	err := db.inReadTx(ctx, func(t *tx) error {
		os, err := t.organisations(ctx, "WHERE slug = ?", slug)
		if err != nil {
			return err
		}
		if len(os) == 0 {
			return notFound("organisatie %q bestaat niet", slug)
		}
		o = &os[0]
		return nil
	})
	return o, err
}

// Organisations lists all organisations, ordered by code.
func (db *DB) Organisations(ctx context.Context) ([]grip.Organisation, error) {
	var os []grip.Organisation
	err := db.inReadTx(ctx, func(t *tx) (err error) {
		os, err = t.organisations(ctx, "")
		return err
	})
	return os, err
}

func (t *tx) organisation(ctx context.Context, code string) (*grip.Organisation, error) {
	os, err := t.organisations(ctx, "WHERE code = ?", code)
	if err != nil {
		return nil, err
	}
	if len(os) == 0 {
		return nil, notFound("organisatie %s bestaat niet", code)
	}
	return &os[0], nil
}

// organisations is the one find on which every organisation lookup builds.
func (t *tx) organisations(ctx context.Context, where string, args ...any) ([]grip.Organisation, error) {
	rows, err := t.query(ctx, `SELECT code, name, kind, slug, province, inhabitants, size_class, region, variance_threshold
		FROM organisations `+where+` ORDER BY code`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var os []grip.Organisation
	for rows.Next() {
		var o grip.Organisation
		var threshold int64
		if err := rows.Scan(&o.Code, &o.Name, &o.Kind, &o.Slug, &o.Province, &o.Inhabitants, &o.SizeClass, &o.Region, &threshold); err != nil {
			return nil, fmt.Errorf("store: scan organisation: %w", err)
		}
		o.Settings.VarianceThreshold = grip.Cents(threshold)
		os = append(os, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: organisations: %w", err)
	}
	rows.Close()
	for i := range os {
		lrows, err := t.query(ctx, "SELECT name FROM organisation_level_names WHERE org = ? ORDER BY depth", os[i].Code)
		if err != nil {
			return nil, err
		}
		for lrows.Next() {
			var n string
			if err := lrows.Scan(&n); err != nil {
				lrows.Close()
				return nil, fmt.Errorf("store: scan level name: %w", err)
			}
			os[i].Settings.LevelNames = append(os[i].Settings.LevelNames, n)
		}
		err = lrows.Err()
		lrows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: level names: %w", err)
		}
	}
	return os, nil
}

// Documents lists the documents of an organisation, by year then kind (in
// the order of the cycle).
func (db *DB) Documents(ctx context.Context, org string) ([]grip.DocumentInfo, error) {
	var infos []grip.DocumentInfo
	err := db.inReadTx(ctx, func(t *tx) error {
		if _, err := t.organisation(ctx, org); err != nil {
			return err
		}
		count := func(table, extra string) string {
			return "(SELECT count(*) FROM " + table + " x WHERE x.document_id = d.id" + extra + ")"
		}
		rows, err := t.query(ctx, `SELECT d.id, d.org, d.kind, d.year, d.title, d.status, `+
			count("goals", " AND x.depth = 0")+", "+count("goals", " AND x.depth = 1")+", "+count("goals", " AND x.depth > 1")+", "+
			count("activities", "")+", "+count("activity_goals", "")+", "+count("proposals", "")+", "+count("developments", "")+", "+
			count("indicators", "")+", "+count("measurements", "")+", "+count("finance_lines", "")+", "+count("variance_lines", "")+", "+
			count("progress_entries", "")+", "+count("reserves", "")+`
			FROM documents d WHERE d.org = ?`, org)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var i grip.DocumentInfo
			c := &i.Counts
			if err := rows.Scan(&i.ID, &i.Organisation, &i.Kind, &i.Year, &i.Title, &i.Status,
				&c.Themes, &c.Goals, &c.Subgoals, &c.Activities, &c.ActivityLinks, &c.Proposals, &c.Developments,
				&c.Indicators, &c.Measurements, &c.FinanceLines, &c.VarianceLines, &c.ProgressEntries, &c.Reserves); err != nil {
				return fmt.Errorf("store: scan document info: %w", err)
			}
			infos = append(infos, i)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(infos, func(i, j int) bool {
		if infos[i].Year != infos[j].Year {
			return infos[i].Year < infos[j].Year
		}
		return infos[i].Kind.CycleOrder() < infos[j].Kind.CycleOrder()
	})
	return infos, nil
}

// Document returns a whole document of the organisation, IDs filled in,
// every list in its stored order. It equals what was applied, except that
// an empty list comes back nil (the JSON of the two is the same).
func (db *DB) Document(ctx context.Context, org string, id int64) (*grip.Document, error) {
	var d *grip.Document
	err := db.inReadTx(ctx, func(t *tx) (err error) {
		d, err = t.document(ctx, org, id)
		return err
	})
	return d, err
}

// DocumentByKindYear returns the organisation's document of a kind and year.
func (db *DB) DocumentByKindYear(ctx context.Context, org string, kind grip.DocumentKind, year int) (*grip.Document, error) {
	var d *grip.Document
	err := db.inReadTx(ctx, func(t *tx) error {
		var id int64
		err := t.queryRow(ctx, "SELECT id FROM documents WHERE org = ? AND kind = ? AND year = ?", org, string(kind), year).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("%s heeft geen %s %d", org, kind.Label(), year)
		}
		if err != nil {
			return fmt.Errorf("store: find document: %w", err)
		}
		d, err = t.document(ctx, org, id)
		return err
	})
	return d, err
}

// entityTable is the table that holds entities of the kind, for Locate.
func entityTable(kind grip.EntityKind) (string, bool) {
	switch kind {
	case grip.EntityProgramme:
		return "programmes", true
	case grip.EntityGoal:
		return "goals", true
	case grip.EntityActivity:
		return "activities", true
	case grip.EntityProposal:
		return "proposals", true
	case grip.EntityDevelopment:
		return "developments", true
	case grip.EntityIndicator:
		return "indicators", true
	case grip.EntityFinanceLine:
		return "finance_lines", true
	case grip.EntityVarianceLine:
		return "variance_lines", true
	case grip.EntityProgress:
		return "progress_entries", true
	case grip.EntityReserve:
		return "reserves", true
	}
	return "", false
}

// Locate finds which document of the organisation holds the entity of the
// kind with the ID.
func (db *DB) Locate(ctx context.Context, org string, kind grip.EntityKind, id int64) (int64, error) {
	table, ok := entityTable(kind)
	if !ok {
		return 0, grip.Errorf(grip.EInvalid, "onbekende soort %q", kind)
	}
	var docID int64
	err := db.read.QueryRowContext(ctx, db.dialect.rebind("SELECT document_id FROM "+table+" WHERE org = ? AND id = ?"), org, id).Scan(&docID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound("%s %d bestaat niet bij %s", kind, id, org)
	}
	if err != nil {
		return 0, fmt.Errorf("store: locate %s: %w", kind, err)
	}
	return docID, nil
}

// Audit returns the organisation's audit log, newest first, at most limit entries.
func (db *DB) Audit(ctx context.Context, org string, limit int) ([]grip.AuditEntry, error) {
	if limit <= 0 {
		return nil, nil
	}
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`SELECT id, org, at, actor, action, entity, before, after
		FROM audit_log WHERE org = ? ORDER BY id DESC LIMIT ?`), org, limit)
	if err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	defer rows.Close()
	var es []grip.AuditEntry
	for rows.Next() {
		var e grip.AuditEntry
		if err := rows.Scan(&e.ID, &e.Organisation, &e.At, &e.Actor, &e.Action, &e.Entity, &e.Before, &e.After); err != nil {
			return nil, fmt.Errorf("store: scan audit: %w", err)
		}
		e.At = e.At.UTC()
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	return es, nil
}

// scanAll runs q and calls scan for each row.
func (t *tx) scanAll(ctx context.Context, q string, args []any, scan func(rows *sql.Rows) error) error {
	rows, err := t.query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("store: scan %.40q: %w", q, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: %.40q: %w", q, err)
	}
	return nil
}

// goalRow is a stored goal before the tree is built.
type goalRow struct {
	goal   grip.Goal
	parent sql.NullInt64
}

// document reads a whole document: one query per table, assembled in order.
func (t *tx) document(ctx context.Context, org string, id int64) (*grip.Document, error) {
	d := &grip.Document{}
	var hasSource bool
	var src grip.Source
	err := t.queryRow(ctx, `SELECT id, org, kind, year, title, status, published_on, adopted_on, iv3_year,
		has_source, source_file, source_sha256, source_format FROM documents WHERE org = ? AND id = ?`, org, id).Scan(
		&d.ID, &d.Organisation, &d.Kind, &d.Year, &d.Title, &d.Status, &d.PublishedOn, &d.AdoptedOn, &d.Iv3Year,
		&hasSource, &src.FileName, &src.SHA256, &src.Format)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("document %d bestaat niet bij %s", id, org)
	}
	if err != nil {
		return nil, fmt.Errorf("store: read document: %w", err)
	}
	args := []any{org, id}
	const scope = " WHERE org = ? AND document_id = ?"
	if err := t.scanAll(ctx, "SELECT line, severity, message, text FROM source_notes"+scope+" ORDER BY position", args, func(r *sql.Rows) error {
		var n grip.SourceNote
		if err := r.Scan(&n.Line, &n.Severity, &n.Message, &n.Text); err != nil {
			return err
		}
		src.Notes = append(src.Notes, n)
		return nil
	}); err != nil {
		return nil, err
	}
	if hasSource {
		d.Source = &src
	}

	progs := map[int64]*grip.Programme{}
	var progIDs []int64
	if err := t.scanAll(ctx, "SELECT id, key, number, title, main_objective FROM programmes"+scope+" ORDER BY position", args, func(r *sql.Rows) error {
		var p grip.Programme
		if err := r.Scan(&p.ID, &p.Key, &p.Number, &p.Title, &p.MainObjective); err != nil {
			return err
		}
		d.Programmes = append(d.Programmes, p)
		progIDs = append(progIDs, p.ID)
		return nil
	}); err != nil {
		return nil, err
	}
	for i := range d.Programmes {
		progs[d.Programmes[i].ID] = &d.Programmes[i]
	}
	if err := t.scanAll(ctx, "SELECT programme_id, list, text FROM programme_items"+scope+" ORDER BY programme_id, list, position", args, func(r *sql.Rows) error {
		var pid int64
		var list, text string
		if err := r.Scan(&pid, &list, &text); err != nil {
			return err
		}
		p := progs[pid]
		switch list {
		case "portfolio_holder":
			p.PortfolioHolders = append(p.PortfolioHolders, text)
		case "sector":
			p.Sectors = append(p.Sectors, text)
		case "official_contact":
			p.OfficialContacts = append(p.OfficialContacts, text)
		case "principle":
			p.Principles = append(p.Principles, text)
		case "policy_note":
			p.PolicyNotes = append(p.PolicyNotes, text)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := t.scanAll(ctx, "SELECT programme_id, name, text FROM partners"+scope+" ORDER BY programme_id, position", args, func(r *sql.Rows) error {
		var pid int64
		var pt grip.Partner
		if err := r.Scan(&pid, &pt.Name, &pt.Text); err != nil {
			return err
		}
		progs[pid].Partners = append(progs[pid].Partners, pt)
		return nil
	}); err != nil {
		return nil, err
	}

	// Sections of programmes and goals.
	progSections := map[int64][]grip.Section{}
	goalSections := map[int64][]grip.Section{}
	if err := t.scanAll(ctx, "SELECT programme_id, goal_id, kind, heading, body, line FROM sections"+scope+" ORDER BY programme_id, goal_id, position", args, func(r *sql.Rows) error {
		var pid int64
		var gid sql.NullInt64
		var s grip.Section
		if err := r.Scan(&pid, &gid, &s.Kind, &s.Heading, &s.Body, &s.Line); err != nil {
			return err
		}
		if gid.Valid {
			goalSections[gid.Int64] = append(goalSections[gid.Int64], s)
		} else {
			progSections[pid] = append(progSections[pid], s)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for pid, ss := range progSections {
		progs[pid].Sections = ss
	}

	// The goal tree: rows ordered by position, grouped by parent.
	goalKeys := map[int64]string{}
	children := map[int64][]goalRow{} // parent id (0 = root) -> children in order
	if err := t.scanAll(ctx, "SELECT id, programme_id, parent_id, key, title, line FROM goals"+scope+" ORDER BY position", args, func(r *sql.Rows) error {
		var g goalRow
		var pid int64
		if err := r.Scan(&g.goal.ID, &pid, &g.parent, &g.goal.Key, &g.goal.Title, &g.goal.Line); err != nil {
			return err
		}
		g.goal.Sections = goalSections[g.goal.ID]
		goalKeys[g.goal.ID] = g.goal.Key
		parent := -pid // roots are grouped under the negated programme id
		if g.parent.Valid {
			parent = g.parent.Int64
		}
		children[parent] = append(children[parent], g)
		return nil
	}); err != nil {
		return nil, err
	}
	var build func(parent int64) []grip.Goal
	build = func(parent int64) []grip.Goal {
		rows := children[parent]
		if len(rows) == 0 {
			return nil
		}
		gs := make([]grip.Goal, len(rows))
		for i, r := range rows {
			gs[i] = r.goal
			gs[i].Children = build(r.goal.ID)
		}
		return gs
	}
	for _, pid := range progIDs {
		progs[pid].Goals = build(-pid)
	}

	// goalLinks reads a link table into entity id -> goal keys.
	goalLinks := func(table, column string) (map[int64][]string, error) {
		m := map[int64][]string{}
		err := t.scanAll(ctx, "SELECT "+column+", goal_id FROM "+table+scope+" ORDER BY "+column+", position", args, func(r *sql.Rows) error {
			var id, gid int64
			if err := r.Scan(&id, &gid); err != nil {
				return err
			}
			m[id] = append(m[id], goalKeys[gid])
			return nil
		})
		return m, err
	}

	activityLinks, err := goalLinks("activity_goals", "activity_id")
	if err != nil {
		return nil, err
	}
	activityKeys := map[int64]string{}
	if err := t.scanAll(ctx, "SELECT id, programme_id, key, title, description, line FROM activities"+scope+" ORDER BY position", args, func(r *sql.Rows) error {
		var a grip.Activity
		var pid int64
		if err := r.Scan(&a.ID, &pid, &a.Key, &a.Title, &a.Description, &a.Line); err != nil {
			return err
		}
		a.GoalKeys = activityLinks[a.ID]
		activityKeys[a.ID] = a.Key
		progs[pid].Activities = append(progs[pid].Activities, a)
		return nil
	}); err != nil {
		return nil, err
	}

	reserveKeys := map[int64]string{}
	reserveAt := map[int64]int{} // reserve id -> index in its programme's Reserves
	if err := t.scanAll(ctx, "SELECT id, programme_id, key, name, balance_year, balance, line FROM reserves"+scope+" ORDER BY position", args, func(r *sql.Rows) error {
		var rs grip.Reserve
		var pid, balance int64
		if err := r.Scan(&rs.ID, &pid, &rs.Key, &rs.Name, &rs.BalanceYear, &balance, &rs.Line); err != nil {
			return err
		}
		rs.Balance = grip.Cents(balance)
		reserveKeys[rs.ID] = rs.Key
		reserveAt[rs.ID] = len(progs[pid].Reserves)
		progs[pid].Reserves = append(progs[pid].Reserves, rs)
		return nil
	}); err != nil {
		return nil, err
	}

	proposalLinks, err := goalLinks("proposal_goals", "proposal_id")
	if err != nil {
		return nil, err
	}
	amounts := map[int64][]grip.ProposalAmount{}
	if err := t.scanAll(ctx, "SELECT proposal_id, year, amount, recurrence, from_reserve, note FROM proposal_amounts"+scope+" ORDER BY proposal_id, position", args, func(r *sql.Rows) error {
		var pid, amount, from int64
		var a grip.ProposalAmount
		if err := r.Scan(&pid, &a.Year, &amount, &a.Recurrence, &from, &a.Note); err != nil {
			return err
		}
		a.Amount, a.FromReserve = grip.Cents(amount), grip.Cents(from)
		amounts[pid] = append(amounts[pid], a)
		return nil
	}); err != nil {
		return nil, err
	}
	proposalKeys := map[int64]string{}
	if err := t.scanAll(ctx, "SELECT id, programme_id, key, title, text, recurrence, funding, funding_reserve_id, decision, line FROM proposals"+scope+" ORDER BY position", args, func(r *sql.Rows) error {
		var p grip.Proposal
		var pid int64
		var reserve sql.NullInt64
		if err := r.Scan(&p.ID, &pid, &p.Key, &p.Title, &p.Text, &p.Recurrence, &p.Funding, &reserve, &p.Decision, &p.Line); err != nil {
			return err
		}
		if reserve.Valid {
			p.FundingReserve = reserveKeys[reserve.Int64]
		}
		p.Amounts = amounts[p.ID]
		p.GoalKeys = proposalLinks[p.ID]
		proposalKeys[p.ID] = p.Key
		progs[pid].Proposals = append(progs[pid].Proposals, p)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := t.scanAll(ctx, "SELECT r.programme_id, m.reserve_id, m.year, m.amount, m.description, m.proposal_id FROM reserve_mutations m JOIN reserves r ON r.id = m.reserve_id WHERE m.org = ? AND m.document_id = ? ORDER BY m.reserve_id, m.position", args, func(r *sql.Rows) error {
		var pid, rid, amount int64
		var prop sql.NullInt64
		var m grip.ReserveMutation
		if err := r.Scan(&pid, &rid, &m.Year, &amount, &m.Description, &prop); err != nil {
			return err
		}
		m.Amount = grip.Cents(amount)
		if prop.Valid {
			m.ProposalKey = proposalKeys[prop.Int64]
		}
		rs := &progs[pid].Reserves[reserveAt[rid]]
		rs.Mutations = append(rs.Mutations, m)
		return nil
	}); err != nil {
		return nil, err
	}

	developmentLinks, err := goalLinks("development_goals", "development_id")
	if err != nil {
		return nil, err
	}
	if err := t.scanAll(ctx, "SELECT id, programme_id, key, title, text, line FROM developments"+scope+" ORDER BY position", args, func(r *sql.Rows) error {
		var dv grip.Development
		var pid int64
		if err := r.Scan(&dv.ID, &pid, &dv.Key, &dv.Title, &dv.Text, &dv.Line); err != nil {
			return err
		}
		dv.GoalKeys = developmentLinks[dv.ID]
		progs[pid].Developments = append(progs[pid].Developments, dv)
		return nil
	}); err != nil {
		return nil, err
	}

	indicatorLinks, err := goalLinks("indicator_goals", "indicator_id")
	if err != nil {
		return nil, err
	}
	measurements := map[int64][]grip.Measurement{}
	if err := t.scanAll(ctx, "SELECT indicator_id, year, kind, value, word, raw, as_of, footnote, line FROM measurements"+scope+" ORDER BY indicator_id, position", args, func(r *sql.Rows) error {
		var iid int64
		var value sql.NullFloat64
		var m grip.Measurement
		if err := r.Scan(&iid, &m.Year, &m.Kind, &value, &m.Word, &m.Raw, &m.AsOf, &m.Footnote, &m.Line); err != nil {
			return err
		}
		if value.Valid {
			v := value.Float64
			m.Value = &v
		}
		measurements[iid] = append(measurements[iid], m)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := t.scanAll(ctx, "SELECT id, programme_id, key, name, grp, unit, source, mandatory, direction, line FROM indicators"+scope+" ORDER BY position", args, func(r *sql.Rows) error {
		var in grip.Indicator
		var pid int64
		if err := r.Scan(&in.ID, &pid, &in.Key, &in.Name, &in.Group, &in.Unit, &in.Source, &in.Mandatory, &in.Direction, &in.Line); err != nil {
			return err
		}
		in.GoalKeys = indicatorLinks[in.ID]
		in.Measurements = measurements[in.ID]
		progs[pid].Indicators = append(progs[pid].Indicators, in)
		return nil
	}); err != nil {
		return nil, err
	}

	financeLinks, err := goalLinks("finance_line_goals", "finance_line_id")
	if err != nil {
		return nil, err
	}
	if err := t.scanAll(ctx, "SELECT id, programme_id, key, taakveld, label, side, stage, year, amount, line FROM finance_lines"+scope+" ORDER BY position", args, func(r *sql.Rows) error {
		var f grip.FinanceLine
		var pid, amount int64
		if err := r.Scan(&f.ID, &pid, &f.Key, &f.Taakveld, &f.Label, &f.Side, &f.Stage, &f.Year, &amount, &f.Line); err != nil {
			return err
		}
		f.Amount = grip.Cents(amount)
		f.GoalKeys = financeLinks[f.ID]
		progs[pid].FinanceLines = append(progs[pid].FinanceLines, f)
		return nil
	}); err != nil {
		return nil, err
	}

	if err := t.scanAll(ctx, "SELECT programme_id, stage, year, side, amount, label, line FROM printed_totals"+scope+" ORDER BY programme_id, position", args, func(r *sql.Rows) error {
		var tot grip.PrintedTotal
		var pid, amount int64
		if err := r.Scan(&pid, &tot.Stage, &tot.Year, &tot.Side, &amount, &tot.Label, &tot.Line); err != nil {
			return err
		}
		tot.Amount = grip.Cents(amount)
		progs[pid].Totals = append(progs[pid].Totals, tot)
		return nil
	}); err != nil {
		return nil, err
	}

	if err := t.scanAll(ctx, "SELECT id, programme_id, key, title, goal_id, taakveld, side, amount, total, explanation, line FROM variance_lines"+scope+" ORDER BY position", args, func(r *sql.Rows) error {
		var l grip.VarianceLine
		var pid, amount int64
		var gid sql.NullInt64
		if err := r.Scan(&l.ID, &pid, &l.Key, &l.Title, &gid, &l.Taakveld, &l.Side, &amount, &l.Total, &l.Explanation, &l.Line); err != nil {
			return err
		}
		l.Amount = grip.Cents(amount)
		if gid.Valid {
			l.GoalKey = goalKeys[gid.Int64]
		}
		progs[pid].VarianceLines = append(progs[pid].VarianceLines, l)
		return nil
	}); err != nil {
		return nil, err
	}

	if err := t.scanAll(ctx, `SELECT id, programme_id, key, goal_id, activity_id, title, status, plan, realisation, planning,
		indicator, resources, risks, line FROM progress_entries`+scope+" ORDER BY position", args, func(r *sql.Rows) error {
		var e grip.ProgressEntry
		var pid int64
		var gid, aid sql.NullInt64
		if err := r.Scan(&e.ID, &pid, &e.Key, &gid, &aid, &e.Title, &e.Status, &e.Plan, &e.Realisation, &e.Planning,
			&e.Indicator, &e.Resources, &e.Risks, &e.Line); err != nil {
			return err
		}
		if gid.Valid {
			e.GoalKey = goalKeys[gid.Int64]
		}
		if aid.Valid {
			e.ActivityKey = activityKeys[aid.Int64]
		}
		progs[pid].Progress = append(progs[pid].Progress, e)
		return nil
	}); err != nil {
		return nil, err
	}
	return d, nil
}
