package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"

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
// one of the same organisation, kind and year; a document or organisation
// equal to the stored one is left as it is (a document keeps its IDs) and
// not recorded in the audit log. The stored IDs are written into the
// batch's documents; after an error they mean nothing.
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
		if err := t.lockOrganisations(ctx, b); err != nil {
			return err
		}
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
			if err := t.replaceDocument(ctx, actor, d, b.IfUnchanged); err != nil {
				return err
			}
		}
		return nil
	})
}

// lockOrganisations locks the stored organisations the batch touches, in
// the order of their codes, so that two batches replacing the same document
// take turns (instead of both inserting it) and never wait for each other
// in a circle.
func (t *tx) lockOrganisations(ctx context.Context, b grip.Batch) error {
	lock := t.db.dialect.lockOrganisation()
	if lock == "" {
		return nil
	}
	seen := map[string]bool{}
	var codes []string
	for _, o := range b.Organisations {
		if !seen[o.Code] {
			seen[o.Code] = true
			codes = append(codes, o.Code)
		}
	}
	for _, d := range b.Documents {
		if !seen[d.Organisation] {
			seen[d.Organisation] = true
			codes = append(codes, d.Organisation)
		}
	}
	sort.Strings(codes)
	for _, code := range codes {
		var got string
		err := t.queryRow(ctx, lock, code).Scan(&got)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: lock organisation %s: %w", code, err)
		}
	}
	return nil
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

// encodeJSON is the JSON of v for the audit log ("" for nil).
func encodeJSON(v any) (string, error) {
	if v == nil || (reflect.ValueOf(v).Kind() == reflect.Pointer && reflect.ValueOf(v).IsNil()) {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("store: encode %T: %w", v, err)
	}
	return string(b), nil
}

// audit records one change with the transaction's clock; before and after
// are stored as JSON.
func (t *tx) audit(ctx context.Context, org, actor, action, entity string, before, after any) error {
	b, err := encodeJSON(before)
	if err != nil {
		return err
	}
	a, err := encodeJSON(after)
	if err != nil {
		return err
	}
	return t.auditJSON(ctx, org, actor, action, entity, b, a)
}

// auditJSON records one change whose before and after are already JSON.
func (t *tx) auditJSON(ctx context.Context, org, actor, action, entity, before, after string) error {
	_, err := t.exec(ctx, "INSERT INTO audit_log (org, at, actor, action, entity, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
		org, t.now, actor, action, entity, before, after)
	return err
}

func (t *tx) putOrganisation(ctx context.Context, actor string, o grip.Organisation) error {
	old, err := t.organisation(ctx, o.Code)
	action := "organisation.update"
	var before any
	switch {
	case err == nil:
		if organisationJSON(*old) == organisationJSON(o) {
			return nil // unchanged: nothing to write or record
		}
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

// organisationJSON is o as JSON, so that nil and empty lists compare equal.
func organisationJSON(o grip.Organisation) string {
	s, _ := encodeJSON(o)
	return s
}

// replaceDocument deletes the organisation's document of the same kind and
// year, if any, and inserts d, writing the new IDs into d. With ifUnchanged
// the stored document must be the one d was read as (the same ID).
func (t *tx) replaceDocument(ctx context.Context, actor string, d *grip.Document, ifUnchanged bool) error {
	var oldID int64
	err := t.queryRow(ctx, "SELECT id FROM documents WHERE org = ? AND kind = ? AND year = ?", d.Organisation, string(d.Kind), d.Year).Scan(&oldID)
	if ifUnchanged && (errors.Is(err, sql.ErrNoRows) || (err == nil && oldID != d.ID)) {
		return grip.Errorf(grip.EConflict, "%s %s is intussen gewijzigd of verwijderd (opnieuw ingelezen?); er is niets opgeslagen: voer de opdracht opnieuw uit", d.Organisation, d.Slug())
	}
	action := "document.create"
	before := ""
	after, err2 := encodeJSON(d)
	if err2 != nil {
		return err2
	}
	switch {
	case err == nil:
		old, err := t.document(ctx, d.Organisation, oldID)
		if err != nil {
			return err
		}
		if before, err = encodeJSON(old); err != nil {
			return err
		}
		if before == after {
			// Nothing changed: keep the stored document and its IDs (links
			// to it stay valid), hand those IDs to the caller, write no audit.
			*d = *old
			return nil
		}
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
	return t.auditJSON(ctx, d.Organisation, actor, action, "document "+d.Slug(), before, after)
}
