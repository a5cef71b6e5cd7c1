// Package store keeps grip's data in SQLite or PostgreSQL behind one type,
// *DB, which implements grip.Store and passes the behaviour suite in
// storetest on both databases.
//
// The schema is plain SQL in migrations/ (numbered, embedded, each applied
// in one transaction and recorded in schema_migrations), shared by both
// databases; the few differences (auto-assigned keys, placeholders, error
// codes, locks) live in dialect.go. Every entity of a document has its own
// table, every row carries its organisation's code, and every query filters
// on it. A public method opens the transaction and reads the clock once;
// helpers on *tx take it, so one change set has one timestamp in the audit
// log. Writing a document is table by table with multi-row INSERTs
// (insert.go); reading it is one query per table (read.go).
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // registers the "sqlite" database/sql driver

	"grip"
)

// DB is a grip database in SQLite or PostgreSQL. It is safe for concurrent use.
type DB struct {
	// read and write are the same pool for PostgreSQL. For SQLite, write is
	// a pool of one connection whose transactions take the write lock at
	// BEGIN (one writer, no deadlocks on lock upgrade); read serves readers
	// concurrently under WAL.
	read, write *sql.DB
	dialect     dialect
	taakvelden  grip.TaakveldCatalog
	// now is the clock; one reading per transaction.
	now func() time.Time
}

var _ grip.Store = (*DB)(nil)

// IsPostgres reports whether dsn names a PostgreSQL database rather than a SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens and migrates the database named by dsn: a postgres:// or
// postgresql:// URL opens PostgreSQL, anything else is the path of a SQLite
// file, created on first use. taakvelden validates documents on Apply.
// A database that cannot be opened gives one clear *grip.Error.
func Open(ctx context.Context, dsn string, taakvelden grip.TaakveldCatalog) (*DB, error) {
	var (
		db  *DB
		err error
	)
	if IsPostgres(dsn) {
		db, err = openPostgres(ctx, dsn)
	} else {
		db, err = openSQLite(ctx, dsn)
	}
	if err != nil {
		return nil, err
	}
	db.taakvelden = taakvelden
	db.now = time.Now
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func openSQLite(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, grip.Errorf(grip.EInvalid, "geen database opgegeven: gebruik --db BESTAND of een postgres://-URL")
	}
	path = strings.TrimPrefix(path, "file:")
	if strings.ContainsAny(path, "?#") {
		return nil, grip.Errorf(grip.EInvalid, "database %q kan niet worden geopend: een SQLite-bestandsnaam mag geen ? of # bevatten", path)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, grip.Errorf(grip.EInvalid, "database %q kan niet worden geopend: dat is een map, verwacht een SQLite-bestand", path)
	}
	if f, err := os.Open(path); err == nil {
		head := make([]byte, 16)
		n, _ := io.ReadFull(f, head)
		f.Close()
		if n > 0 && string(head[:n]) != "SQLite format 3\x00"[:n] {
			return nil, grip.Errorf(grip.EInvalid, "database %q kan niet worden geopend: het bestand is geen SQLite-database", path)
		}
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, grip.Errorf(grip.EInvalid, "database %q kan niet worden geopend: de map %q bestaat niet", path, dir)
	}
	pragmas := "_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	write, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	write.SetMaxOpenConns(1)
	if err := write.PingContext(ctx); err != nil {
		write.Close()
		return nil, grip.Errorf(grip.EInvalid, "database %q kan niet worden geopend: verwacht een SQLite-bestand dat grip mag lezen en schrijven", path)
	}
	// A file that is not SQLite only shows on the first real statement.
	var n int
	if err := write.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		write.Close()
		return nil, grip.Errorf(grip.EInvalid, "database %q kan niet worden geopend: het bestand is geen SQLite-database", path)
	}
	// Readers never write: query_only makes a mistake there fail loudly.
	// journal_mode is left out, WAL is a property of the file once set.
	read, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=query_only(1)")
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	return &DB{read: read, write: write, dialect: sqliteDialect{}}, nil
}

func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	shown := redact(dsn)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, grip.Errorf(grip.EInvalid, "database %s kan niet worden geopend: de PostgreSQL-URL is ongeldig; verwacht postgres://gebruiker@host:5432/database", shown)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	db.SetMaxOpenConns(8)
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, grip.Errorf(grip.EInvalid, "database %s kan niet worden geopend: geen verbinding met PostgreSQL op %s:%d (database %q, gebruiker %q); draait de server en bestaat de database?",
			shown, cfg.Host, cfg.Port, cfg.Database, cfg.User)
	}
	return &DB{read: db, write: db, dialect: postgresDialect{}}, nil
}

// redact hides a password in a URL before it is shown.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(ongeldige URL)"
	}
	return u.Redacted()
}

// Close closes the database.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// IsPostgres reports whether db is a PostgreSQL database.
func (db *DB) IsPostgres() bool { return db.dialect.name() == "postgres" }

// notFound is the error for a thing that is not there (or is another organisation's).
func notFound(format string, args ...any) error {
	return grip.Errorf(grip.ENotFound, format, args...)
}

// inTx runs fn in a write transaction with one clock reading, and commits.
func (db *DB) inTx(ctx context.Context, fn func(tx *tx) error) error {
	sqlTx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	t := &tx{Tx: sqlTx, db: db, now: db.now().UTC().Truncate(time.Microsecond), stmts: map[string]*sql.Stmt{}}
	defer t.closeStmts()
	if err := fn(t); err != nil {
		if rerr := sqlTx.Rollback(); rerr != nil {
			err = errors.Join(err, fmt.Errorf("store: rollback: %w", rerr))
		}
		return db.dialect.translate(err)
	}
	if err := sqlTx.Commit(); err != nil {
		return db.dialect.translate(fmt.Errorf("store: commit: %w", err))
	}
	return nil
}

// inReadTx runs fn in a read transaction so that it sees one state of the database.
func (db *DB) inReadTx(ctx context.Context, fn func(tx *tx) error) error {
	// SQLite transactions are serialisable; PostgreSQL's default (read
	// committed) would let a concurrent replace show between two queries.
	opts := &sql.TxOptions{}
	if db.IsPostgres() {
		opts = &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	}
	sqlTx, err := db.read.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	t := &tx{Tx: sqlTx, db: db, stmts: map[string]*sql.Stmt{}}
	defer t.closeStmts()
	defer sqlTx.Rollback() //nolint:errcheck // read only: nothing to undo
	return fn(t)
}

// tx is a transaction with a statement cache and the transaction's clock.
type tx struct {
	*sql.Tx
	db    *DB
	now   time.Time
	stmts map[string]*sql.Stmt
}

func (t *tx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := t.stmts[query]; ok {
		return s, nil
	}
	s, err := t.Tx.PrepareContext(ctx, t.db.dialect.rebind(query))
	if err != nil {
		return nil, fmt.Errorf("store: prepare %.40q: %w", query, err)
	}
	t.stmts[query] = s
	return s, nil
}

func (t *tx) closeStmts() {
	for _, s := range t.stmts {
		s.Close()
	}
}

// exec runs a prepared (cached) statement.
func (t *tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	res, err := s.ExecContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("store: exec %.40q: %w", query, err)
	}
	return res, nil
}

// insertID runs an INSERT ... RETURNING id and returns the id.
func (t *tx) insertID(ctx context.Context, query string, args ...any) (int64, error) {
	s, err := t.stmt(ctx, query+" RETURNING id")
	if err != nil {
		return 0, err
	}
	var id int64
	if err := s.QueryRowContext(ctx, args...).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: insert %.40q: %w", query, err)
	}
	return id, nil
}

// query runs a query with ? placeholders.
func (t *tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	rows, err := t.Tx.QueryContext(ctx, t.db.dialect.rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("store: query %.40q: %w", query, err)
	}
	return rows, nil
}

// queryRow runs a query for one row with ? placeholders.
func (t *tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, t.db.dialect.rebind(query), args...)
}
