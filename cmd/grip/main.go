// Command grip is the command line of grip: it takes in documents, holds
// them in SQLite or PostgreSQL, checks them and serves them. This file does
// the wiring only: every command lives in a file of its own.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"os/user"
	"sort"
	"strings"
	"syscall"

	"grip"
	"grip/iv3"
	"grip/store"
)

// command is one subcommand of grip.
type command struct {
	name    string
	summary string // one line for `grip --help`
	// usage is the full help: synopsis and explanation, without the flags,
	// which are printed after it.
	usage string
	// flags declares the command's own flags on fs and returns the run func.
	setup func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error
}

func commands() []command {
	return []command{
		demoCommand(),
		importCommand(),
		serveCommand(),
		statsCommand(),
		checkCommand(),
		indicatorsCommand(),
		varianceCommand(),
		reservesCommand(),
		compareCommand(),
		iv3Command(),
		orgCommand(),
		exportCommand(),
		loadCommand(),
		migrateCommand(),
		generateCommand(),
	}
}

// app is what every command shares: configuration, output and the store.
type app struct {
	stdout io.Writer
	stderr io.Writer
	stdin  io.Reader
	getenv func(string) string
	log    *slog.Logger

	dsn   string
	actor string
	// dsnGiven is set when --db was given before the command (grip --db F demo).
	dsnGiven bool

	db      grip.Store
	catalog *iv3.Catalog
}

// exitError carries an exit status other than 1 (e.g. 1 for `grip check`
// findings is returned as exitError{1, nil} to print nothing).
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// run is main without the process: testable with any arguments and outputs.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	a := &app{stdout: stdout, stderr: stderr, stdin: stdin, getenv: getenv,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	defer a.close()

	global := flag.NewFlagSet("grip", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	a.addGlobalFlags(global)
	help := global.Bool("help", false, "")
	global.BoolVar(help, "h", false, "")
	if err := global.Parse(args); err != nil {
		fmt.Fprintf(stderr, "grip: %s; `grip --help` toont de commando's en opties\n", flagMessage(global, err))
		return 2
	}
	global.Visit(func(f *flag.Flag) { a.dsnGiven = a.dsnGiven || f.Name == "db" })
	rest := global.Args()
	if *help || len(rest) == 0 || rest[0] == "help" {
		if len(rest) > 1 && rest[0] == "help" {
			return run(ctx, append(rest[1:2], "--help"), stdin, stdout, stderr, getenv)
		}
		printUsage(stdout)
		if len(rest) == 0 && !*help {
			return 2
		}
		return 0
	}
	var cmd *command
	for _, c := range commands() {
		if c.name == rest[0] {
			c := c
			cmd = &c
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "grip: onbekend commando %q; `grip --help` toont de commando's\n", rest[0])
		return 2
	}
	fs := flag.NewFlagSet("grip "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a.addGlobalFlags(fs)
	runFn := cmd.setup(fs, a)
	if err := fs.Parse(rest[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandUsage(stdout, cmd, fs)
			return 0
		}
		fmt.Fprintf(stderr, "grip %s: %s; `grip %s --help` legt de opties uit\n", cmd.name, flagMessage(fs, err), cmd.name)
		return 2
	}
	if err := runFn(ctx, fs.Args()); err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			if ee.err != nil {
				a.reportError(cmd.name, ee.err)
			}
			return ee.code
		}
		a.reportError(cmd.name, err)
		return 1
	}
	return 0
}

// reportError prints a user's mistake as it is and logs ours without showing
// internal details twice.
func (a *app) reportError(cmd string, err error) {
	if grip.ErrorCode(err) == grip.EInternal {
		fmt.Fprintf(a.stderr, "grip %s: %v\n", cmd, err)
		return
	}
	fmt.Fprintf(a.stderr, "grip %s: %s\n", cmd, grip.ErrorMessage(err))
}

func (a *app) addGlobalFlags(fs *flag.FlagSet) {
	if fs.Lookup("db") != nil {
		return
	}
	def := a.getenv("GRIP_DB")
	if def == "" {
		def = "grip.db"
	}
	if a.dsn == "" {
		a.dsn = def
	}
	fs.StringVar(&a.dsn, "db", a.dsn, "database: een SQLite-bestand, of postgres://... (standaard $GRIP_DB of grip.db)")
	if a.actor == "" {
		a.actor = a.getenv("GRIP_AS")
		if a.actor == "" {
			if u, err := user.Current(); err == nil {
				a.actor = u.Username
			} else {
				a.actor = "onbekend"
			}
		}
	}
	fs.StringVar(&a.actor, "as", a.actor, "wie de wijziging doet, voor het auditlog (standaard de gebruiker van het systeem)")
}

// store opens the configured database once, migrating it to the current schema.
func (a *app) store(ctx context.Context) (grip.Store, error) {
	if a.db != nil {
		return a.db, nil
	}
	cat, err := a.taakvelden()
	if err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, a.dsn, cat)
	if err != nil {
		return nil, err
	}
	a.db = db
	return db, nil
}

// readStore opens the configured database for a command that only reads.
// A SQLite file that does not exist is then a mistyped name, not a new
// database: it is reported and nothing is created. Commands that write
// (import, load, demo, ...) call store, which creates and migrates the file.
func (a *app) readStore(ctx context.Context) (grip.Store, error) {
	if a.db == nil && a.dsn != "" && !store.IsPostgres(a.dsn) {
		path := strings.TrimPrefix(a.dsn, "file:")
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, grip.Errorf(grip.ENotFound, "database %s bestaat niet; grip import, grip load of grip demo maakt er een", path)
		}
	}
	return a.store(ctx)
}

// taakvelden returns the embedded Iv3 catalog, read once.
func (a *app) taakvelden() (*iv3.Catalog, error) {
	if a.catalog == nil {
		c, err := iv3.NewCatalog()
		if err != nil {
			return nil, err
		}
		a.catalog = c
	}
	return a.catalog, nil
}

func (a *app) close() {
	if a.db != nil {
		if err := a.db.Close(); err != nil {
			a.log.Error("closing database", "err", err)
		}
	}
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `grip — planning en control van het sociaal domein

Gebruik:
  grip [--db BESTAND|postgres://...] [--as NAAM] COMMANDO [opties]

Commando's:
`)
	cs := commands()
	width := 0
	for _, c := range cs {
		width = max(width, len(c.name))
	}
	for _, c := range cs {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprint(w, `
Algemene opties (bij elk commando):
  --db   database: een SQLite-bestand (standaard $GRIP_DB of grip.db) of een PostgreSQL-URL
  --as   wie de wijziging doet, voor het auditlog (standaard $GRIP_AS of de systeemgebruiker)

`+"`grip COMMANDO --help`"+` legt een commando uit.
`)
}

func printCommandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "%s\n\nOpties:\n", strings.TrimSpace(c.usage))
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	sort.Strings(names)
	for _, n := range names {
		f := fs.Lookup(n)
		_, usage := flag.UnquoteUsage(f)
		line := "  " + dashes(f.Name)
		if arg := argPlaceholder(fs, f.Name); arg != "" {
			line += " " + arg
		}
		fmt.Fprintf(w, "%s\n      %s", line, usage)
		// A zero default says nothing, and a usage that names its own
		// default ("standaard het nieuwste") must not get a second one.
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.Name != "db" && f.Name != "as" &&
			!strings.Contains(usage, "standaard") {
			fmt.Fprintf(w, " (standaard %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	}
}

// notYet is the run function of a command that is not built yet.
func notYet(name string) func(context.Context, []string) error {
	return func(context.Context, []string) error {
		return grip.Errorf(grip.EInvalid, "%s is nog niet beschikbaar in deze versie", name)
	}
}
