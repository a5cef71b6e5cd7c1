package grip

import (
	"context"
	"time"
)

// Store holds organisations, their documents and the national Iv3 figures.
// Implementations (SQLite, PostgreSQL) pass one shared behaviour suite. Every
// method that touches an organisation's data takes its code and never reads
// or changes another organisation's data. Every write runs in one transaction
// and is recorded in the audit log with the actor; a failed write changes
// nothing. A missing thing is an *Error with code ENotFound, never nil, nil.
type Store interface {
	// PutOrganisation creates or updates an organisation.
	PutOrganisation(ctx context.Context, actor string, org Organisation) error
	// Organisation returns the organisation with the CBS code.
	Organisation(ctx context.Context, code string) (*Organisation, error)
	// OrganisationBySlug returns the organisation with the URL name.
	OrganisationBySlug(ctx context.Context, slug string) (*Organisation, error)
	// Organisations lists all organisations, ordered by code.
	Organisations(ctx context.Context) ([]Organisation, error)

	// Apply writes a batch — organisations and whole documents — in one
	// transaction. A document replaces the stored one of the same
	// organisation, kind and year. Stored IDs are written into the batch's
	// documents. The documents' organisations must exist or be in the batch.
	Apply(ctx context.Context, actor string, b Batch) error
	// Documents lists the documents of an organisation, by year then kind.
	Documents(ctx context.Context, org string) ([]DocumentInfo, error)
	// Document returns a whole document of the organisation, IDs filled in.
	Document(ctx context.Context, org string, id int64) (*Document, error)
	// DocumentByKindYear returns the organisation's document of a kind and year.
	DocumentByKindYear(ctx context.Context, org string, kind DocumentKind, year int) (*Document, error)
	// DeleteDocument removes a document of the organisation.
	DeleteDocument(ctx context.Context, actor, org string, id int64) error
	// Locate finds which document of the organisation holds the entity of the
	// kind with the ID.
	Locate(ctx context.Context, org string, kind EntityKind, id int64) (docID int64, err error)

	// Audit returns the organisation's audit log, newest first, at most limit entries.
	Audit(ctx context.Context, org string, limit int) ([]AuditEntry, error)

	// PutIv3Dataset replaces the national figures of one year and basis.
	PutIv3Dataset(ctx context.Context, actor string, ds *Iv3Dataset) error
	// Iv3Datasets lists the stored national datasets.
	Iv3Datasets(ctx context.Context) ([]Iv3DatasetInfo, error)
	// Iv3Figures returns national figures matching the query, ordered by
	// organisation then taakveld.
	Iv3Figures(ctx context.Context, q Iv3Query) ([]Iv3Row, error)

	// SchemaVersion returns the number of the last applied migration.
	SchemaVersion(ctx context.Context) (int, error)
	Close() error
}

// Batch is a set of organisations and documents written together.
type Batch struct {
	Organisations []Organisation
	Documents     []*Document
	// IfUnchanged makes Apply a compare-and-swap for documents read from
	// the store, changed and written back (a read-modify-write such as
	// `grip reserves balance`): each document must still be stored under its
	// ID (not replaced or deleted since it was read), otherwise Apply
	// changes nothing and fails with EConflict. Without it a replace that
	// happened in between would be silently overwritten.
	IfUnchanged bool
}

// DocumentInfo describes a stored document without its contents.
type DocumentInfo struct {
	ID           int64          `json:"id"`
	Organisation string         `json:"organisation"`
	Kind         DocumentKind   `json:"kind"`
	Year         int            `json:"year"`
	Title        string         `json:"title"`
	Status       DocumentStatus `json:"status,omitempty"`
	Counts       Counts         `json:"counts"`
}

// EntityKind names the kinds of entities that have their own ID.
type EntityKind string

// Entity kinds.
const (
	EntityProgramme    EntityKind = "programme"
	EntityGoal         EntityKind = "goal"
	EntityActivity     EntityKind = "activity"
	EntityProposal     EntityKind = "proposal"
	EntityDevelopment  EntityKind = "development"
	EntityIndicator    EntityKind = "indicator"
	EntityFinanceLine  EntityKind = "finance_line"
	EntityVarianceLine EntityKind = "variance_line"
	EntityProgress     EntityKind = "progress"
	EntityReserve      EntityKind = "reserve"
)

// AuditEntry records one change: who, when, what, and the state before and after.
type AuditEntry struct {
	ID           int64     `json:"id"`
	Organisation string    `json:"organisation"`
	At           time.Time `json:"at"`
	Actor        string    `json:"actor"`
	Action       string    `json:"action"` // e.g. "document.replace", "organisation.put"
	Entity       string    `json:"entity"` // e.g. "document kadernota-2020"
	Before       string    `json:"before,omitempty"`
	After        string    `json:"after,omitempty"`
}
