package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"grip"
	"grip/exchange"
)

// versioned is a store that reports its schema version (every grip.Store).
type versioned interface {
	SchemaVersion(ctx context.Context) (int, error)
}

func migrateCommand() command {
	return command{
		name:    "migrate",
		summary: "database aanmaken of bijwerken en de schemaversie tonen",
		usage: `grip migrate

Maakt de database aan als die nog niet bestaat en voert de migraties uit die
nog ontbreken (elke migratie in één transactie; uitgevoerde migraties staan in
de tabel schema_migrations). Toont daarna de schemaversie.

Elk ander commando doet dit ook vanzelf; migrate is er om het bewust te doen,
bijvoorbeeld na het bijwerken van grip op een server met PostgreSQL.

Voorbeelden:
  grip migrate
  grip --db postgres://grip@localhost:5432/grip migrate`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			return func(ctx context.Context, args []string) error {
				if err := noArgs("migrate", args); err != nil {
					return err
				}
				db, err := a.store(ctx)
				if err != nil {
					return err
				}
				v, err := db.(versioned).SchemaVersion(ctx)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "schemaversie %d\n", v)
				return nil
			}
		},
	}
}

func exportCommand() command {
	return command{
		name:    "export",
		summary: "alle gegevens (of één organisatie) als JSON wegschrijven",
		usage: `grip export [--org CODE] [-o BESTAND]

Schrijft de organisaties en al hun documenten als één JSON-document, naar de
standaarduitvoer of naar BESTAND. Het formaat staat in docs/format.md en
docs/grip-export.schema.json; grip load leest het weer in. Een export is
stabiel: export, load in een lege database en opnieuw export geven precies
dezelfde bytes. De landelijke Iv3-cijfers horen er niet bij: die komen
opnieuw uit de CBS-bestanden (grip iv3).

Voorbeelden:
  grip export -o alles.json
  grip export --org GM1700 > twenterand.json`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			org := fs.String("org", "", "alleen deze organisatie (CBS-code, zoals GM1700)")
			out := fs.String("o", "", "schrijf naar dit bestand in plaats van de standaarduitvoer")
			return func(ctx context.Context, args []string) error {
				if err := noArgs("export", args); err != nil {
					return err
				}
				db, err := a.readStore(ctx)
				if err != nil {
					return err
				}
				f, err := exchange.Export(ctx, db, *org)
				if err != nil {
					return err
				}
				if *out == "" {
					return exchange.Write(a.stdout, f)
				}
				return writeFileAtomic(*out, func(w io.Writer) error { return exchange.Write(w, f) })
			}
		},
	}
}

// writeFileAtomic writes path through a temporary file in the same folder,
// so that a failed export never leaves half a file behind.
func writeFileAtomic(path string, write func(w io.Writer) error) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return grip.Errorf(grip.EInvalid, "%s is een map: geef een bestandsnaam, zoals %s", path, filepath.Join(path, "export.json"))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return grip.Errorf(grip.EInvalid, "kan %s niet schrijven: bestaat de map en mag grip erin schrijven?", path)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	// CreateTemp makes the file private; an export is an ordinary file.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("chmod %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return grip.Errorf(grip.EInvalid, "kan %s niet schrijven", path)
	}
	return nil
}

func loadCommand() command {
	return command{
		name:    "load",
		summary: "een JSON-export inlezen in de database",
		usage: `grip load BESTAND

Leest een export van grip export (BESTAND, of - voor de standaardinvoer) en
schrijft alles in één transactie in de database: organisaties worden
toegevoegd of bijgewerkt, een document vervangt het opgeslagen document van
dezelfde organisatie, soort en jaar. Elke wijziging komt in het auditlog, met
wie (--as) en wanneer.

Het bestand wordt eerst helemaal gecontroleerd: onbekende velden, verkeerde
soorten waarden, taakvelden die niet in de Iv3-lijst van het boekjaar staan,
een jaar dat twee keer in een voorstel staat en documenten van een organisatie
die niet in het bestand en niet in de database staat geven één duidelijke
melding met bestand, regel:kolom en JSON-pad. Bij een fout wordt niets
geschreven.

Voorbeeld:
  grip load twenterand.json`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			return func(ctx context.Context, args []string) error {
				if len(args) != 1 {
					return grip.Errorf(grip.EInvalid, "verwacht één bestand (of - voor de standaardinvoer); zie grip load --help")
				}
				name := args[0]
				var r io.Reader = a.stdin
				if name != "-" {
					file, err := os.Open(name)
					if errors.Is(err, os.ErrNotExist) {
						return grip.Errorf(grip.EInvalid, "%s: bestand niet gevonden", name)
					}
					if err != nil {
						return grip.Errorf(grip.EInvalid, "kan %s niet openen: mag grip het lezen?", name)
					}
					if st, err := file.Stat(); err == nil && st.IsDir() {
						file.Close()
						return grip.Errorf(grip.EInvalid, "%s is een map: verwacht een bestand van grip export", name)
					}
					defer file.Close()
					r = file
				} else {
					name = "standaardinvoer"
				}
				cat, err := a.taakvelden()
				if err != nil {
					return err
				}
				f, err := exchange.Read(r, name, cat)
				if err != nil {
					return err
				}
				db, err := a.store(ctx)
				if err != nil {
					return err
				}
				if err := exchange.Load(ctx, db, a.actor, f, name); err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "%s geladen: %s, %s\n", name, count(len(f.Organisations), "organisatie", "organisaties"), count(len(f.Documents), "document", "documenten"))
				return nil
			}
		},
	}
}

// statsDocument is one line of `grip stats --json`.
type statsDocument struct {
	Organisation string            `json:"organisation"`
	Name         string            `json:"name"`
	Kind         grip.DocumentKind `json:"kind"`
	Year         int               `json:"year"`
	Title        string            `json:"title"`
	Counts       grip.Counts       `json:"counts"`
}

func statsCommand() command {
	return command{
		name:    "stats",
		summary: "per opgeslagen document tellen wat erin staat",
		usage: `grip stats [--json]

Toont per opgeslagen document de organisatie (CBS-code en naam), de soort
(kadernota, begroting, tussentijdse-rapportage, jaarverslag, jaarrekening), het
jaar en hoeveel er in staat: thema's, doelen, subdoelen, activiteiten en hun
koppelingen aan doelen, voorstellen, ontwikkelingen, indicatoren, metingen,
financiële regels, regels van de verschillenanalyse, voortgang en reserves.

Met --json als één JSON-document:
  {"documents":[{"organisation":"GM1700","name":"Twenterand","kind":"kadernota",
    "year":2020,"title":"...","counts":{"themes":6,"goals":...}}]}

Voorbeelden:
  grip stats
  grip --db demo.db stats --json`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			asJSON := fs.Bool("json", false, "als JSON in plaats van een tabel")
			return func(ctx context.Context, args []string) error {
				if err := noArgs("stats", args); err != nil {
					return err
				}
				db, err := a.readStore(ctx)
				if err != nil {
					return err
				}
				orgs, err := db.Organisations(ctx)
				if err != nil {
					return err
				}
				docs := []statsDocument{}
				for _, o := range orgs {
					infos, err := db.Documents(ctx, o.Code)
					if err != nil {
						return err
					}
					for _, i := range infos {
						docs = append(docs, statsDocument{Organisation: o.Code, Name: o.Name, Kind: i.Kind, Year: i.Year, Title: i.Title, Counts: i.Counts})
					}
				}
				if *asJSON {
					enc := json.NewEncoder(a.stdout)
					enc.SetIndent("", "  ")
					enc.SetEscapeHTML(false)
					return enc.Encode(struct {
						Documents []statsDocument `json:"documents"`
					}{docs})
				}
				if len(docs) == 0 {
					fmt.Fprintln(a.stdout, "Er staan nog geen documenten in de database (grip load of grip import voegt ze toe).")
					return nil
				}
				tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "organisatie\tnaam\tsoort\tjaar\tthema's\tdoelen\tsubdoelen\tactiviteiten\tkoppelingen\tvoorstellen\tontwikkelingen\tindicatoren\tmetingen\tfinanciën\tverschillen\tvoortgang\treserves")
				for _, d := range docs {
					c := d.Counts
					fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n",
						d.Organisation, d.Name, d.Kind, d.Year, c.Themes, c.Goals, c.Subgoals, c.Activities, c.ActivityLinks,
						c.Proposals, c.Developments, c.Indicators, c.Measurements, c.FinanceLines, c.VarianceLines, c.ProgressEntries, c.Reserves)
				}
				return tw.Flush()
			}
		},
	}
}
