package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"grip"
	"grip/importer"
	"grip/iv3"
)

func importCommand() command {
	return command{
		name:    "import",
		summary: "gepubliceerde documenten inlezen (tekst, HTML, .docx) met een importrapport",
		usage: `grip import BESTAND... [--org CODE] [--kind SOORT] [--year JAAR] [--json] [--dry-run]

Leest documenten zoals gemeenten ze publiceren — tekst van de
begrotingswebsite (UTF-8 of Windows-1252), een HTML-pagina of een
Word-bestand (.docx); BESTAND - is de standaardinvoer — en zet ze in de
database: per document de programma's met doelenboom, activiteiten,
voorstellen, ontwikkelingen, indicatoren, financiële regels, verschillenanalyse
en voortgang. PDF wordt nog niet ondersteund.

Organisatie, soort en jaar haalt grip uit de tekst, en anders uit de
bestandsnaam; --org, --kind en --year gaan daarboven. Het importrapport toont
per bestand wat er gevonden is per niveau, en elke passage die grip niet kon
plaatsen of moest raden, met regelnummer.

Alle bestanden gaan in één transactie: lukt er één niet, dan wordt niets
opgeslagen. Een document dat al in de database staat (zelfde organisatie, soort
en jaar) wordt vervangen. --dry-run toont het rapport zonder iets op te slaan.

Voorbeelden:
  grip import twenterand-kadernota-2020.txt
  grip import --dry-run --json begroting.html
  grip import --org GM0164 --kind begroting --year 2019 programma-6.docx`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			org := fs.String("org", "", "CBS-code van de gemeente (zoals GM0164); anders herkend uit tekst of bestandsnaam")
			kind := fs.String("kind", "", "soort document: kadernota, begroting, tussentijdse-rapportage, jaarverslag of jaarrekening")
			year := fs.Int("year", 0, "jaar van het document; anders herkend uit tekst of bestandsnaam")
			asJSON := fs.Bool("json", false, "het rapport als JSON")
			dry := fs.Bool("dry-run", false, "alleen het rapport tonen, niets opslaan")
			return func(ctx context.Context, args []string) error {
				// Options may also follow the files: grip import a.txt b.txt --dry-run.
				var files []string
				for rest := args; len(rest) > 0; {
					if strings.HasPrefix(rest[0], "-") && rest[0] != "-" {
						if err := fs.Parse(rest); err != nil {
							return grip.Errorf(grip.EInvalid, "%s (zie grip import --help)", flagMessage(fs, err))
						}
						rest = fs.Args()
						continue
					}
					files = append(files, rest[0])
					rest = rest[1:]
				}
				args = files
				if len(args) == 0 {
					return grip.Errorf(grip.EInvalid, "verwacht een of meer bestanden om in te lezen (zie grip import --help)")
				}
				cat, err := a.taakvelden()
				if err != nil {
					return err
				}
				gm, err := iv3.NewGemeenten()
				if err != nil {
					return err
				}
				if err := a.checkImportOrg(ctx, gm, *org); err != nil {
					return err
				}
				opt := importer.Options{
					Org:        *org,
					Kind:       grip.DocumentKind(strings.TrimSpace(*kind)),
					Year:       *year,
					Taakvelden: cat,
					Gemeenten:  importer.LookupIn(gm),
				}
				run, err := importFiles(args, a.stdin, opt)
				if err != nil {
					return err
				}
				if !*dry {
					db, err := a.store(ctx)
					if err != nil {
						return err
					}
					if err := applyImport(ctx, db, a.actor, run); err != nil {
						return err
					}
					run.Written = true
				}
				if *asJSON {
					enc := json.NewEncoder(a.stdout)
					enc.SetIndent("", "  ")
					enc.SetEscapeHTML(false)
					return enc.Encode(run)
				}
				printImport(a.stdout, run)
				return nil
			}
		},
	}
}

// importRun is the outcome of one grip import: a report per file.
type importRun struct {
	Files   []importer.Report `json:"files"`
	Written bool              `json:"written"`
	results []*importer.Result
}

// importFiles reads every file; the first file that cannot be read stops the
// import before anything is written.
func importFiles(paths []string, stdin io.Reader, opt importer.Options) (*importRun, error) {
	run := &importRun{Files: []importer.Report{}}
	seen := map[string]string{}
	for _, path := range paths {
		var (
			res *importer.Result
			err error
		)
		if path == "-" {
			res, err = importer.ReadFrom("stdin", stdin, opt)
		} else {
			res, err = importer.ReadFile(path, opt)
		}
		if err != nil {
			return nil, err
		}
		d := res.Document
		id := fmt.Sprintf("%s %s %d", d.Organisation, d.Kind, d.Year)
		if prev, dup := seen[id]; dup {
			return nil, grip.Errorf(grip.EInvalid, "%s en %s zijn allebei de %s %d van %s; importeer ze apart of geef --kind/--year op", prev, path, d.Kind, d.Year, res.Organisation.Name)
		}
		seen[id] = path
		run.Files = append(run.Files, res.Report)
		run.results = append(run.results, res)
	}
	return run, nil
}

// applyImport writes all documents in one batch; organisations that are not
// stored yet are created, stored ones are left as they are, except that one
// without names for its goal-tree levels gets those the document used.
func applyImport(ctx context.Context, db grip.Store, actor string, run *importRun) error {
	var b grip.Batch
	orgs := map[string]bool{}
	for _, res := range run.results {
		o := res.Organisation
		if !orgs[o.Code] {
			orgs[o.Code] = true
			stored, err := db.Organisation(ctx, o.Code)
			switch {
			case grip.ErrorCode(err) == grip.ENotFound:
				b.Organisations = append(b.Organisations, o)
			case err != nil:
				return err
			case len(stored.Settings.LevelNames) == 0 && len(o.Settings.LevelNames) > 0:
				stored.Settings.LevelNames = o.Settings.LevelNames
				b.Organisations = append(b.Organisations, *stored)
			}
		}
		b.Documents = append(b.Documents, res.Document)
	}
	return db.Apply(ctx, actor, b)
}

func printImport(w io.Writer, run *importRun) {
	for i, r := range run.Files {
		res := run.results[i]
		fmt.Fprintf(w, "%s: %s %d van %s (%s)\n", r.File, res.Document.Kind.Label(), r.Year, res.Organisation.Name, r.Organisation)
		fmt.Fprintf(w, "  formaat %s", r.Format)
		if r.Encoding != "" {
			fmt.Fprintf(w, ", %s", r.Encoding)
		}
		fmt.Fprintf(w, "; herkend: organisatie uit %s, soort uit %s, jaar uit %s\n", r.OrgFrom, r.KindFrom, r.YearFrom)
		c := r.Counts
		fmt.Fprintf(w, "  thema's %d, doelen %d, subdoelen %d, activiteiten %d (%d koppelingen), voorstellen %d, ontwikkelingen %d,\n",
			c.Themes, c.Goals, c.Subgoals, c.Activities, c.ActivityLinks, c.Proposals, c.Developments)
		fmt.Fprintf(w, "  indicatoren %d (%d metingen), financiële regels %d, verschilregels %d, voortgang %d, reserves %d\n",
			c.Indicators, c.Measurements, c.FinanceLines, c.VarianceLines, c.ProgressEntries, c.Reserves)
		if len(r.ProposalTotals) > 0 {
			var years []int
			for y := range r.ProposalTotals {
				years = append(years, y)
			}
			sort.Ints(years)
			var parts []string
			for _, y := range years {
				parts = append(parts, fmt.Sprintf("%d %s", y, r.ProposalTotals[y].Format(false)))
			}
			fmt.Fprintf(w, "  voorstellen per jaar (elk voorstel één keer): %s\n", strings.Join(parts, "; "))
		}
		if len(r.Notes) == 0 {
			fmt.Fprintln(w, "  geen opmerkingen")
		} else {
			fmt.Fprintf(w, "  opmerkingen (%d):\n", len(r.Notes))
			for _, n := range r.Notes {
				loc := "        "
				if n.Line > 0 {
					loc = fmt.Sprintf("regel %-3d", n.Line)
				}
				fmt.Fprintf(w, "    %s %-8s %s", loc, noteLabel(n.Severity), n.Message)
				if n.Text != "" && !strings.Contains(n.Message, n.Text) {
					t := n.Text
					if r := []rune(t); len(r) > 80 {
						t = string(r[:80]) + "…"
					}
					fmt.Fprintf(w, ": %q", t)
				}
				fmt.Fprintln(w)
			}
		}
	}
	if run.Written {
		if len(run.Files) == 1 {
			fmt.Fprintln(w, "Opgeslagen: 1 document.")
		} else {
			fmt.Fprintf(w, "Opgeslagen: %d documenten in één transactie.\n", len(run.Files))
		}
	} else {
		fmt.Fprintln(w, "Proefimport (--dry-run): er is niets opgeslagen.")
	}
}

func noteLabel(s grip.Severity) string {
	switch s {
	case grip.SeverityError:
		return "fout"
	case grip.SeverityWarning:
		return "let op"
	}
	return "info"
}

// checkImportOrg refuses an --org that names a gemeente nobody knows: a
// GM code that is neither in CBS's list nor stored. A typo would otherwise
// create a new organisation named after its code. Other codes (regions)
// are accepted as they are.
func (a *app) checkImportOrg(ctx context.Context, gm *iv3.Gemeenten, code string) error {
	code = strings.ToUpper(strings.TrimSpace(code))
	if !strings.HasPrefix(code, "GM") {
		return nil
	}
	if !grip.ValidOrgCode(code) {
		return grip.Errorf(grip.EInvalid, "--org %s is geen geldige CBS-code: verwacht GM en vier cijfers, zoals GM0164", code)
	}
	if _, ok := gm.ByCode(code); ok {
		return nil
	}
	db, err := a.store(ctx)
	if err != nil {
		return err
	}
	if _, err := db.Organisation(ctx, code); err == nil {
		return nil
	} else if grip.ErrorCode(err) != grip.ENotFound {
		return err
	}
	return grip.Errorf(grip.ENotFound, "--org %s: er is geen gemeente met die CBS-code (niet in de CBS-lijst en niet in de database); controleer de code, zoals GM0164 voor Hengelo", code)
}
