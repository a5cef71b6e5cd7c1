package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"grip"
	"grip/demo"
	"grip/importer"
	"grip/iv3"
)

func demoCommand() command {
	return command{
		name:    "demo",
		summary: "grip proberen: de echte documenten en landelijke cijfers inlezen en serveren",
		usage: `grip demo [--addr HOST:POORT] [--db BESTAND] [--serve=false]

Zet een verse SQLite-database op met de echte, gepubliceerde documenten die in
grip zijn meegeleverd (Twenterand kadernota 2020, Hengelo programmabegroting
2019, Hulst jaarverslag 2021) en de landelijke Iv3-cijfers van het sociaal
domein van alle gemeenten (begroting 2023-2025, jaarrekening 2023). Daarna
serveert grip de website en de API, zoals grip serve.

Zonder --db komt de database in een nieuwe tijdelijke map (het pad wordt
getoond); met --db worden de documenten in die database gezet of vervangen.
Er is geen netwerk nodig en geen bestand buiten het programma.

Voorbeelden:
  grip demo
  grip demo --addr 127.0.0.1:9000
  grip demo --db demo.db --serve=false && grip --db demo.db check`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			addr := fs.String("addr", "127.0.0.1:8080", "adres waarop de website en de API luisteren")
			serve := fs.Bool("serve", true, "na het inlezen de website en de API serveren")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return grip.Errorf(grip.EInvalid, "neemt geen bestanden; gebruik grip import voor eigen documenten")
				}
				explicitDB := a.dsnGiven || a.getenv("GRIP_DB") != ""
				fs.Visit(func(f *flag.Flag) {
					if f.Name == "db" {
						explicitDB = true
					}
				})
				if !explicitDB {
					dir, err := os.MkdirTemp("", "grip-demo-")
					if err != nil {
						return fmt.Errorf("tijdelijke map: %w", err)
					}
					a.dsn = filepath.Join(dir, "demo.db")
				}
				db, err := a.loadDemo(ctx)
				if err != nil {
					return err
				}
				if !*serve {
					return nil
				}
				return a.serveHTTP(ctx, *addr, db)
			}
		},
	}
}

// loadDemo imports the bundled documents and national figures into the
// configured database, each in its own transaction, and reports what it read.
func (a *app) loadDemo(ctx context.Context) (grip.Store, error) {
	start := time.Now()
	fmt.Fprintf(a.stdout, "Database: %s\n", a.dsn)
	db, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	cat, err := a.taakvelden()
	if err != nil {
		return nil, err
	}
	gm, err := iv3.NewGemeenten()
	if err != nil {
		return nil, err
	}
	opt := importer.Options{Taakvelden: cat, Gemeenten: importer.LookupIn(gm)}
	run := &importRun{Files: []importer.Report{}}
	for _, f := range demo.Documents() {
		res, err := importer.Read(f.Name, f.Data, opt)
		if err != nil {
			return nil, fmt.Errorf("meegeleverd document %s: %w", f.Name, err)
		}
		run.Files = append(run.Files, res.Report)
		run.results = append(run.results, res)
	}
	if err := applyImport(ctx, db, a.actor, run); err != nil {
		return nil, err
	}
	for i, r := range run.Files {
		res := run.results[i]
		c := r.Counts
		fmt.Fprintf(a.stdout, "  %s %d van %s: %d thema's, %d doelen, %d subdoelen, %d activiteiten, %d voorstellen, %d indicatoren, %d financiële regels, %d opmerkingen\n",
			res.Document.Kind.Label(), r.Year, res.Organisation.Name, c.Themes, c.Goals, c.Subgoals, c.Activities, c.Proposals, c.Indicators, c.FinanceLines, len(r.Notes))
	}
	sets, err := demo.Iv3Datasets()
	if err != nil {
		return nil, err
	}
	for _, ds := range sets {
		if err := db.PutIv3Dataset(ctx, a.actor, ds); err != nil {
			return nil, fmt.Errorf("landelijke cijfers %d %s: %w", ds.Year, ds.Basis, err)
		}
		fmt.Fprintf(a.stdout, "  landelijke cijfers %s %d: %d gemeenten, %d cijfers\n", ds.Basis, ds.Year, len(ds.Municipalities), len(ds.Figures))
	}
	if _, err := a.completeOrganisations(ctx, db, sets); err != nil {
		return nil, err
	}
	fmt.Fprintf(a.stdout, "Ingelezen in %s. `grip --db %s check` toont de bevindingen.\n", time.Since(start).Round(time.Millisecond), a.dsn)
	return db, nil
}
