package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"grip"
)

// PutOrganisation creates or updates an organisation.
func (db *DB) PutOrganisation(ctx context.Context, actor string, org grip.Organisation) error {
	if err := org.Validate(); err != nil {
		return err
	}
	return db.inTx(ctx, func(t *tx) error { return t.putOrganisation(ctx, actor, org) })
}

// Apply writes a batch — organisations, then whole documents — in one
// transaction, after validating all of it. A document replaces the stored
// one of the same organisation, kind and year. The stored IDs are written
// into the batch's documents.
func (db *DB) Apply(ctx context.Context, actor string, b grip.Batch) error {
	inBatch := map[string]bool{}
	for i, o := range b.Organisations {
		if err := o.Validate(); err != nil {
			return grip.Errorf(grip.EInvalid, "organisations[%d]: %s", i, grip.ErrorMessage(err))
		}
		if inBatch[o.Code] {
			return grip.Errorf(grip.EInvalid, "organisations[%d]: organisatie %s staat twee keer in de opdracht", i, o.Code)
		}
		inBatch[o.Code] = true
	}
	type ident struct {
		org  string
		kind grip.DocumentKind
		year int
	}
	docs := map[ident]int{}
	for i, d := range b.Documents {
		if d == nil {
			return grip.Errorf(grip.EInvalid, "documents[%d]: leeg document", i)
		}
		if err := grip.ValidateDocumentAt(d, db.taakvelden, fmt.Sprintf("documents[%d]", i)); err != nil {
			return err
		}
		id := ident{d.Organisation, d.Kind, d.Year}
		if j, dup := docs[id]; dup {
			return grip.Errorf(grip.EInvalid, "documents[%d]: %s %s %d staat ook al als documents[%d] in de opdracht", i, d.Organisation, d.Kind, d.Year, j)
		}
		docs[id] = i
	}
	return db.inTx(ctx, func(t *tx) error {
		for _, o := range b.Organisations {
			if err := t.putOrganisation(ctx, actor, o); err != nil {
				return err
			}
		}
		known := map[string]bool{}
		for i, d := range b.Documents {
			if !inBatch[d.Organisation] && !known[d.Organisation] {
				if _, err := t.organisation(ctx, d.Organisation); err != nil {
					if grip.ErrorCode(err) == grip.ENotFound {
						return grip.Errorf(grip.ENotFound, "documents[%d].organisation: organisatie %s bestaat niet: voeg haar eerst toe", i, d.Organisation)
					}
					return err
				}
				known[d.Organisation] = true
			}
			if err := t.replaceDocument(ctx, actor, d); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteDocument removes a document of the organisation.
func (db *DB) DeleteDocument(ctx context.Context, actor, org string, id int64) error {
	return db.inTx(ctx, func(t *tx) error {
		old, err := t.document(ctx, org, id)
		if err != nil {
			return err
		}
		if _, err := t.exec(ctx, "DELETE FROM documents WHERE org = ? AND id = ?", org, id); err != nil {
			return err
		}
		return t.audit(ctx, org, actor, "document.delete", "document "+old.Slug(), old, nil)
	})
}

// audit records one change with the transaction's clock.
func (t *tx) audit(ctx context.Context, org, actor, action, entity string, before, after any) error {
	enc := func(v any) (string, error) {
		if v == nil {
			return "", nil
		}
		b, err := json.Marshal(v)
		if err != nil {
			return "", fmt.Errorf("store: audit %s: %w", action, err)
		}
		return string(b), nil
	}
	b, err := enc(before)
	if err != nil {
		return err
	}
	a, err := enc(after)
	if err != nil {
		return err
	}
	_, err = t.exec(ctx, "INSERT INTO audit_log (org, at, actor, action, entity, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
		org, t.now, actor, action, entity, b, a)
	return err
}

func (t *tx) putOrganisation(ctx context.Context, actor string, o grip.Organisation) error {
	old, err := t.organisation(ctx, o.Code)
	action := "organisation.update"
	var before any
	switch {
	case err == nil:
		before = old
	case grip.ErrorCode(err) == grip.ENotFound:
		action = "organisation.create"
	default:
		return err
	}
	if old != nil {
		if _, err := t.exec(ctx, `UPDATE organisations SET name = ?, kind = ?, slug = ?, province = ?, inhabitants = ?,
			size_class = ?, region = ?, variance_threshold = ? WHERE code = ?`,
			o.Name, string(o.Kind), o.Slug, o.Province, o.Inhabitants, o.SizeClass, o.Region, int64(o.Settings.VarianceThreshold), o.Code); err != nil {
			return err
		}
		if _, err := t.exec(ctx, "DELETE FROM organisation_level_names WHERE org = ?", o.Code); err != nil {
			return err
		}
	} else {
		if _, err := t.exec(ctx, `INSERT INTO organisations (code, name, kind, slug, province, inhabitants, size_class, region, variance_threshold)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			o.Code, o.Name, string(o.Kind), o.Slug, o.Province, o.Inhabitants, o.SizeClass, o.Region, int64(o.Settings.VarianceThreshold)); err != nil {
			return err
		}
	}
	for i, n := range o.Settings.LevelNames {
		if _, err := t.exec(ctx, "INSERT INTO organisation_level_names (org, depth, name) VALUES (?, ?, ?)", o.Code, i, n); err != nil {
			return err
		}
	}
	return t.audit(ctx, o.Code, actor, action, "organisation "+o.Code, before, o)
}

// replaceDocument deletes the organisation's document of the same kind and
// year, if any, and inserts d, writing the new IDs into d.
func (t *tx) replaceDocument(ctx context.Context, actor string, d *grip.Document) error {
	var oldID int64
	err := t.queryRow(ctx, "SELECT id FROM documents WHERE org = ? AND kind = ? AND year = ?", d.Organisation, string(d.Kind), d.Year).Scan(&oldID)
	action := "document.create"
	var before any
	switch {
	case err == nil:
		old, err := t.document(ctx, d.Organisation, oldID)
		if err != nil {
			return err
		}
		before = old
		action = "document.replace"
		if _, err := t.exec(ctx, "DELETE FROM documents WHERE org = ? AND id = ?", d.Organisation, oldID); err != nil {
			return err
		}
	case errors.Is(err, sql.ErrNoRows):
	default:
		return fmt.Errorf("store: find document: %w", err)
	}
	if err := t.insertDocument(ctx, d); err != nil {
		return err
	}
	return t.audit(ctx, d.Organisation, actor, action, "document "+d.Slug(), before, d)
}

// ids maps the keys of one programme to stored IDs.
type ids map[string]int64

func nullID(m ids, key string) any {
	if key == "" {
		return nil
	}
	return m[key]
}

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
	for i, n := range src.Notes {
		if _, err := t.exec(ctx, "INSERT INTO source_notes (org, document_id, position, line, severity, message, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
			org, docID, i, n.Line, string(n.Severity), n.Message, n.Text); err != nil {
			return err
		}
	}
	for i := range d.Programmes {
		if err := t.insertProgramme(ctx, org, docID, i, &d.Programmes[i]); err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) insertSections(ctx context.Context, org string, docID, progID int64, goalID any, ss []grip.Section) error {
	for i, s := range ss {
		if _, err := t.exec(ctx, `INSERT INTO sections (org, document_id, programme_id, goal_id, position, kind, heading, body, line)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, org, docID, progID, goalID, i, string(s.Kind), s.Heading, s.Body, s.Line); err != nil {
			return err
		}
	}
	return nil
}

// links inserts the goal links of one entity into table (activity_goals, ...).
func (t *tx) links(ctx context.Context, table, column, org string, docID, id int64, goals ids, keys []string) error {
	q := "INSERT INTO " + table + " (org, document_id, " + column + ", goal_id, position) VALUES (?, ?, ?, ?, ?)"
	for i, k := range keys {
		if _, err := t.exec(ctx, q, org, docID, id, goals[k], i); err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) insertProgramme(ctx context.Context, org string, docID int64, pos int, p *grip.Programme) error {
	progID, err := t.insertID(ctx, `INSERT INTO programmes (org, document_id, position, key, number, title, main_objective)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, org, docID, pos, p.Key, p.Number, p.Title, p.MainObjective)
	if err != nil {
		return err
	}
	p.ID = progID
	for _, l := range []struct {
		name  string
		items []string
	}{{"portfolio_holder", p.PortfolioHolders}, {"principle", p.Principles}, {"policy_note", p.PolicyNotes}} {
		for i, s := range l.items {
			if _, err := t.exec(ctx, "INSERT INTO programme_items (org, document_id, programme_id, list, position, text) VALUES (?, ?, ?, ?, ?, ?)",
				org, docID, progID, l.name, i, s); err != nil {
				return err
			}
		}
	}
	for i, pt := range p.Partners {
		if _, err := t.exec(ctx, "INSERT INTO partners (org, document_id, programme_id, position, name, text) VALUES (?, ?, ?, ?, ?, ?)",
			org, docID, progID, i, pt.Name, pt.Text); err != nil {
			return err
		}
	}
	if err := t.insertSections(ctx, org, docID, progID, nil, p.Sections); err != nil {
		return err
	}

	goals := ids{}
	var insertGoals func(gs []grip.Goal, parent any, depth int) error
	insertGoals = func(gs []grip.Goal, parent any, depth int) error {
		for i := range gs {
			g := &gs[i]
			id, err := t.insertID(ctx, `INSERT INTO goals (org, document_id, programme_id, parent_id, depth, position, key, title, line)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, org, docID, progID, parent, depth, i, g.Key, g.Title, g.Line)
			if err != nil {
				return err
			}
			g.ID = id
			goals[g.Key] = id
			if err := t.insertSections(ctx, org, docID, progID, id, g.Sections); err != nil {
				return err
			}
			if err := insertGoals(g.Children, id, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := insertGoals(p.Goals, nil, 0); err != nil {
		return err
	}

	activities := ids{}
	for i := range p.Activities {
		a := &p.Activities[i]
		id, err := t.insertID(ctx, `INSERT INTO activities (org, document_id, programme_id, position, key, title, description, line)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, org, docID, progID, i, a.Key, a.Title, a.Description, a.Line)
		if err != nil {
			return err
		}
		a.ID = id
		activities[a.Key] = id
		if err := t.links(ctx, "activity_goals", "activity_id", org, docID, id, goals, a.GoalKeys); err != nil {
			return err
		}
	}

	reserves := ids{}
	for i := range p.Reserves {
		r := &p.Reserves[i]
		id, err := t.insertID(ctx, `INSERT INTO reserves (org, document_id, programme_id, position, key, name, balance_year, balance, line)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, org, docID, progID, i, r.Key, r.Name, r.BalanceYear, int64(r.Balance), r.Line)
		if err != nil {
			return err
		}
		r.ID = id
		reserves[r.Key] = id
	}

	proposals := ids{}
	for i := range p.Proposals {
		pr := &p.Proposals[i]
		id, err := t.insertID(ctx, `INSERT INTO proposals (org, document_id, programme_id, position, key, title, text, recurrence,
			funding, funding_reserve_id, decision, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			org, docID, progID, i, pr.Key, pr.Title, pr.Text, string(pr.Recurrence), pr.Funding, nullID(reserves, pr.FundingReserve), pr.Decision, pr.Line)
		if err != nil {
			return err
		}
		pr.ID = id
		proposals[pr.Key] = id
		for j, a := range pr.Amounts {
			if _, err := t.exec(ctx, `INSERT INTO proposal_amounts (org, document_id, proposal_id, position, year, amount, recurrence, from_reserve, note)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, org, docID, id, j, a.Year, int64(a.Amount), string(a.Recurrence), int64(a.FromReserve), a.Note); err != nil {
				return err
			}
		}
		if err := t.links(ctx, "proposal_goals", "proposal_id", org, docID, id, goals, pr.GoalKeys); err != nil {
			return err
		}
	}
	for _, r := range p.Reserves {
		for j, m := range r.Mutations {
			if _, err := t.exec(ctx, `INSERT INTO reserve_mutations (org, document_id, reserve_id, position, year, amount, description, proposal_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, org, docID, reserves[r.Key], j, m.Year, int64(m.Amount), m.Description, nullID(proposals, m.ProposalKey)); err != nil {
				return err
			}
		}
	}

	for i := range p.Developments {
		dv := &p.Developments[i]
		id, err := t.insertID(ctx, `INSERT INTO developments (org, document_id, programme_id, position, key, title, text, line)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, org, docID, progID, i, dv.Key, dv.Title, dv.Text, dv.Line)
		if err != nil {
			return err
		}
		dv.ID = id
		if err := t.links(ctx, "development_goals", "development_id", org, docID, id, goals, dv.GoalKeys); err != nil {
			return err
		}
	}

	for i := range p.Indicators {
		in := &p.Indicators[i]
		id, err := t.insertID(ctx, `INSERT INTO indicators (org, document_id, programme_id, position, key, name, grp, unit, source, mandatory, direction, line)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, org, docID, progID, i, in.Key, in.Name, in.Group, string(in.Unit), in.Source, in.Mandatory, string(in.Direction), in.Line)
		if err != nil {
			return err
		}
		in.ID = id
		if err := t.links(ctx, "indicator_goals", "indicator_id", org, docID, id, goals, in.GoalKeys); err != nil {
			return err
		}
		for j, m := range in.Measurements {
			var value any
			if m.Value != nil {
				value = *m.Value
			}
			if _, err := t.exec(ctx, `INSERT INTO measurements (org, document_id, indicator_id, position, year, kind, value, word, raw, as_of, footnote, line)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, org, docID, id, j, m.Year, string(m.Kind), value, m.Word, m.Raw, m.AsOf, m.Footnote, m.Line); err != nil {
				return err
			}
		}
	}

	for i := range p.FinanceLines {
		f := &p.FinanceLines[i]
		id, err := t.insertID(ctx, `INSERT INTO finance_lines (org, document_id, programme_id, position, key, taakveld, label, side, stage, year, amount, line)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, org, docID, progID, i, f.Key, f.Taakveld, f.Label, string(f.Side), string(f.Stage), f.Year, int64(f.Amount), f.Line)
		if err != nil {
			return err
		}
		f.ID = id
		if err := t.links(ctx, "finance_line_goals", "finance_line_id", org, docID, id, goals, f.GoalKeys); err != nil {
			return err
		}
	}

	for i := range p.VarianceLines {
		l := &p.VarianceLines[i]
		id, err := t.insertID(ctx, `INSERT INTO variance_lines (org, document_id, programme_id, position, key, title, goal_id, taakveld, side, amount, total, explanation, line)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, org, docID, progID, i, l.Key, l.Title, nullID(goals, l.GoalKey), l.Taakveld, string(l.Side), int64(l.Amount), l.Total, l.Explanation, l.Line)
		if err != nil {
			return err
		}
		l.ID = id
	}

	for i := range p.Progress {
		e := &p.Progress[i]
		id, err := t.insertID(ctx, `INSERT INTO progress_entries (org, document_id, programme_id, position, key, goal_id, activity_id, title, status,
			plan, realisation, planning, indicator, resources, risks, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			org, docID, progID, i, e.Key, nullID(goals, e.GoalKey), nullID(activities, e.ActivityKey), e.Title, string(e.Status),
			e.Plan, e.Realisation, e.Planning, e.Indicator, e.Resources, e.Risks, e.Line)
		if err != nil {
			return err
		}
		e.ID = id
	}
	return nil
}
