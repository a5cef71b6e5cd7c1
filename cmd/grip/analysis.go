package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"grip"
	"grip/analysis"
	"grip/demo"
	"grip/iv3"
)

// The analysis commands: check, indicators, variance, reserves, compare, iv3.

func checkCommand() command {
	return command{name: "check", summary: "documenten controleren: rekenwerk, dubbelingen, BBV-logica, taakvelden",
		usage: `grip check [--org CODE] [--doc DOCUMENT] [--json]
           [--min-severity info|waarschuwing|fout]

Controleert de opgeslagen documenten en meldt per bevinding de ernst (fout,
waarschuwing, info), de plaats (document, programma, onderdeel, regel in de
bron) en een uitleg. Gecontroleerd worden:
  - rekenwerk: regels tegen gedrukte totalen, lasten + baten tegen saldo,
    verschillen tegen het programmatotaal, grote sprongen tussen jaren;
  - dubbelingen: (bijna) gelijke titels van voorstellen en activiteiten,
    herhaalde indicatoren met andere waarden, een jaar twee keer in een
    voorstel;
  - BBV-logica: doel zonder indicator, indicator zonder streefwaarde of
    realisatie, thema zonder geld, voorstel zonder dekking, ontbrekende
    verplichte beleidsindicatoren;
  - taakvelden die niet bestaan in de Iv3-lijst van het boekjaar;
  - wat de import niet kon lezen (een importnotitie die een controle al meldt,
    of die op meer regels terugkomt, staat er één keer).
Zonder --org worden alle organisaties gecontroleerd. De exitstatus is 1 als er
een bevinding met ernst "fout" is, zodat gemeenten grip check in hun eigen
straat kunnen draaien. --min-severity neemt de Nederlandse namen (info,
waarschuwing, fout) en de Engelse van de JSON (info, warning, error).

Voorbeelden (eerst de demodatabase: grip demo --db demo.db --serve=false):
  grip check --db demo.db
  grip check --db demo.db --org GM0164 --min-severity waarschuwing
  grip check --db demo.db --org GM1700 --doc kadernota-2020 --json`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			org := fs.String("org", "", "CBS-code van de organisatie (standaard: alle)")
			docRef := fs.String("doc", "", "alleen dit document: id of naam zoals begroting-2019 (vereist --org)")
			asJSON := fs.Bool("json", false, "schrijf JSON in plaats van tekst")
			minSev := fs.String("min-severity", "info", "toon alleen bevindingen vanaf deze ernst: info, waarschuwing of fout")
			return func(ctx context.Context, args []string) error {
				if err := noArgs("check", args); err != nil {
					return err
				}
				sev, ok := analysis.ParseSeverity(*minSev)
				min := analysis.SeverityRank(sev)
				if !ok {
					return grip.Errorf(grip.EInvalid, "--min-severity %q is onbekend: kies info, waarschuwing of fout (of info, warning, error)", *minSev)
				}
				docs, err := a.selectDocuments(ctx, *org, *docRef)
				if err != nil {
					return err
				}
				cat, err := a.taakvelden()
				if err != nil {
					return err
				}
				type docResult struct {
					Organisation string                `json:"organisation"`
					Document     string                `json:"document"`
					ID           int64                 `json:"id"`
					Title        string                `json:"title"`
					Summary      map[grip.Severity]int `json:"summary"`
					Findings     []analysis.Finding    `json:"findings"`
				}
				var results []docResult
				errorsFound := false
				for _, d := range docs {
					fs := analysis.Check(d.doc, d.org, cat)
					errorsFound = errorsFound || analysis.HasErrors(fs)
					shown := []analysis.Finding{}
					for _, f := range fs {
						if analysis.SeverityRank(f.Severity) >= min {
							shown = append(shown, f)
						}
					}
					results = append(results, docResult{Organisation: d.org.Code, Document: d.doc.Slug(), ID: d.doc.ID,
						Title: d.doc.Title, Summary: analysis.Summary(fs), Findings: shown})
				}
				if *asJSON {
					if results == nil {
						results = []docResult{}
					}
					if err := writeJSON(a.stdout, map[string]any{"documents": results, "errors": errorsFound}); err != nil {
						return err
					}
				} else {
					if len(results) == 0 {
						fmt.Fprintln(a.stdout, "Geen documenten om te controleren.")
					}
					for _, r := range results {
						fmt.Fprintf(a.stdout, "%s %s — %s: %s, %s, %d info\n", r.Organisation, r.Document, r.Title,
							count(r.Summary[grip.SeverityError], "fout", "fouten"), count(r.Summary[grip.SeverityWarning], "waarschuwing", "waarschuwingen"),
							r.Summary[grip.SeverityInfo])
						for _, f := range r.Findings {
							fmt.Fprintf(a.stdout, "  %-12s %s\n  %12s %s [%s]\n", severityLabel(f.Severity), f.Place, "", f.Message, f.Code)
						}
					}
				}
				if errorsFound {
					return exitError{code: 1}
				}
				return nil
			}
		}}
}

func severityLabel(s grip.Severity) string {
	switch s {
	case grip.SeverityError:
		return "FOUT"
	case grip.SeverityWarning:
		return "waarschuwing"
	}
	return "info"
}

func indicatorsCommand() command {
	return command{name: "indicators", summary: "indicatoren tegen streefwaarden: status, trend en het grip-overzicht per thema",
		usage: `grip indicators --org CODE [--doc DOCUMENT] [--json]
grip indicators direction --org CODE --doc DOCUMENT --indicator SLEUTEL
           hoger-is-beter|lager-is-beter|onbekend

Toont per thema de doelen met hun indicatoren: per jaar realisatie tegen
streefwaarde, de status (op koers, aandacht, uit koers; zonder bekende
richting: afwijking, zonder oordeel) met de afwijking en de regel die daarbij
hoort, en de trend. Met --json ook het geld, de activiteiten, de voorstellen
en de voortgang per doel ("grip-overzicht"). Zonder --doc: het nieuwste
document van de organisatie.

"direction" stelt de richting van één indicator in (hoger of lager is beter),
zodat grip de afwijking kan beoordelen; "onbekend" wist haar. Het document
wordt in één transactie opnieuw opgeslagen en de wijziging komt in het
auditlog (met --as). ` + "`grip indicators direction --help`" + ` legt het uit.

Voorbeelden (eerst de demodatabase: grip demo --db demo.db --serve=false):
  grip indicators --db demo.db --org GM1700
  grip indicators --db demo.db --org GM0164 --doc begroting-2019 --json
  grip indicators direction --db demo.db --org GM1700 --doc kadernota-2020 \
      --indicator personen-met-een-bijstandsuitkering-per-1000-inwoners \
      lager-is-beter`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			org := fs.String("org", "", "CBS-code van de organisatie")
			docRef := fs.String("doc", "", "document: id of naam zoals begroting-2019 (standaard het nieuwste)")
			asJSON := fs.Bool("json", false, "schrijf JSON in plaats van tekst")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 && args[0] == "direction" {
					return a.indicatorDirection(ctx, args[1:], org, docRef)
				}
				if err := noArgs("indicators", args); err != nil {
					return err
				}
				d, err := a.oneDocument(ctx, *org, *docRef)
				if err != nil {
					return err
				}
				view := analysis.GripView(d.doc, d.org)
				if *asJSON {
					return writeJSON(a.stdout, map[string]any{"organisation": d.org.Code, "document": d.doc.Slug(), "programmes": view})
				}
				fmt.Fprintf(a.stdout, "%s — %s\n", d.org.Name, d.doc.Title)
				for _, p := range view {
					fmt.Fprintf(a.stdout, "\n%s\n%s\n", p.Title, p.Rule)
					var walk func(g analysis.GoalView)
					walk = func(g analysis.GoalView) {
						indent := strings.Repeat("  ", g.Depth+1)
						fmt.Fprintf(a.stdout, "%s%s %q: %s\n", indent, g.Level, g.Title, g.Status.Label())
						for _, in := range g.Indicators {
							printIndicator(a.stdout, indent+"  ", in)
						}
						for _, c := range g.Children {
							walk(c)
						}
					}
					for _, t := range p.Themes {
						walk(t)
					}
					if len(p.Unlinked) > 0 {
						fmt.Fprintf(a.stdout, "  Indicatoren zonder doel:\n")
						for _, in := range p.Unlinked {
							printIndicator(a.stdout, "    ", in)
						}
					}
				}
				return nil
			}
		}}
}

func printIndicator(w io.Writer, indent string, in analysis.IndicatorReport) {
	var parts []string
	for _, y := range in.Years {
		var s []string
		if y.RealisedText != "" {
			s = append(s, "realisatie "+y.RealisedText)
		}
		if y.PlannedText != "" {
			s = append(s, "streef "+y.PlannedText)
		}
		parts = append(parts, fmt.Sprintf("%d: %s", y.Year, strings.Join(s, ", ")))
	}
	status := in.StatusText()
	if d := in.DirectionText(); d != "" {
		status += ", " + d
	}
	fmt.Fprintf(w, "%s• %s — %s, trend %s\n%s  %s\n", indent, in.Name, status, in.Trend, indent, strings.Join(parts, "; "))
}

// directionHelp describes `grip indicators direction` for its --help.
func directionHelp() command {
	return command{name: "indicators direction",
		usage: `grip indicators direction --org CODE --doc DOCUMENT --indicator SLEUTEL
           hoger-is-beter|lager-is-beter|onbekend

Stelt de richting van één indicator van een opgeslagen document in:
hoger-is-beter, lager-is-beter, of onbekend (wist de richting). Met een richting
beoordeelt grip de afwijking van de streefwaarde (op koers, aandacht, uit
koers); zonder richting meldt grip alleen de afwijking, zonder oordeel. Een
verplichte beleidsindicator zonder eigen richting krijgt de richting die bij
die indicator hoort (zoals lager is beter voor personen met een
bijstandsuitkering); een ingestelde richting gaat daar voor.
--indicator is de sleutel van de indicator (zie grip indicators --json) of de
naam van de indicator zoals in de adresbalk van de website. Het document wordt
in één transactie opnieuw opgeslagen; het auditlog noemt wie (--as) het deed.

Voorbeeld (eerst de demodatabase: grip demo --db demo.db --serve=false):
  grip indicators direction --db demo.db --org GM1700 --doc kadernota-2020 \
      --indicator personen-met-een-bijstandsuitkering-per-1000-inwoners \
      lager-is-beter`}
}

// indicatorDirection is `grip indicators direction`: it sets the direction
// of one indicator of a stored document and writes the document back.
func (a *app) indicatorDirection(ctx context.Context, args []string, org, docRef *string) error {
	fs := flag.NewFlagSet("grip indicators direction", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a.addGlobalFlags(fs)
	fs.StringVar(org, "org", *org, "CBS-code van de organisatie")
	fs.StringVar(docRef, "doc", *docRef, "document: id of naam zoals kadernota-2020")
	ref := fs.String("indicator", "", "sleutel of naam (zoals in de adresbalk) van de indicator")
	// Flags may come before and after the direction.
	values, helped, err := a.parseInterleaved(fs, args, directionHelp())
	if err != nil || helped {
		return err
	}
	if len(values) != 1 {
		return grip.Errorf(grip.EInvalid, "geef precies één richting: hoger-is-beter, lager-is-beter of onbekend (gekregen: %d)", len(values))
	}
	var dir grip.Direction
	switch v := strings.ToLower(values[0]); v {
	case string(grip.HigherIsBetter), string(grip.LowerIsBetter):
		dir = grip.Direction(v)
	case "onbekend":
	default:
		return grip.Errorf(grip.EInvalid, "richting %q is onbekend: kies hoger-is-beter, lager-is-beter of onbekend", values[0])
	}
	if *org == "" || *docRef == "" || *ref == "" {
		return grip.Errorf(grip.EInvalid, "geef --org, --doc en --indicator, bijvoorbeeld: grip indicators direction --org GM1700 --doc kadernota-2020 --indicator aantal-aanvragen-bijzondere-bijstand lager-is-beter")
	}
	db, err := a.store(ctx)
	if err != nil {
		return err
	}
	o, err := findOrganisation(ctx, db, *org)
	if err != nil {
		return err
	}
	doc, err := findDocument(ctx, db, o, *docRef)
	if err != nil {
		return err
	}
	in, err := findIndicator(doc, *ref)
	if err != nil {
		return err
	}
	before := analysis.Indicator(in)
	old := in.Direction
	fmt.Fprintf(a.stdout, "%s %s — %s: indicator %q (%s)\n", o.Code, o.Name, doc.Slug(), in.Name, in.Key)
	if old == dir {
		fmt.Fprintf(a.stdout, "  richting is al %s: niets gewijzigd.\n", directionLabel(dir))
		return nil
	}
	in.Direction = dir
	after := analysis.Indicator(in)
	// IfUnchanged: a document re-imported since we read it is not
	// overwritten with the old content plus this direction.
	if err := db.Apply(ctx, a.actor, grip.Batch{Documents: []*grip.Document{doc}, IfUnchanged: true}); err != nil {
		return fmt.Errorf("document %s opslaan: %w", doc.Slug(), err)
	}
	fmt.Fprintf(a.stdout, "  richting: %s → %s\n", directionLabel(old), directionLabel(dir))
	if after.DirectionDefault {
		fmt.Fprintf(a.stdout, "  de verplichte beleidsindicator geeft de richting: %s\n", directionLabel(after.Direction))
	}
	fmt.Fprintf(a.stdout, "  status:   %s → %s\n", before.StatusText(), after.StatusText())
	fmt.Fprintf(a.stdout, "Opgeslagen (document %d) en in het auditlog gezet als %s.\n", doc.ID, a.actor)
	return nil
}

func directionLabel(d grip.Direction) string {
	switch d {
	case grip.HigherIsBetter:
		return "hoger is beter"
	case grip.LowerIsBetter:
		return "lager is beter"
	}
	return "onbekend"
}

// findOrganisation returns the stored organisation with the code; for an
// unknown one it names the stored organisations that come closest.
func findOrganisation(ctx context.Context, db grip.Store, ref string) (*grip.Organisation, error) {
	o, err := db.Organisation(ctx, strings.ToUpper(ref))
	if grip.ErrorCode(err) != grip.ENotFound {
		return o, err
	}
	orgs, err := db.Organisations(ctx)
	if err != nil {
		return nil, err
	}
	var c closest
	for _, o := range orgs {
		c.add(o.Code+" "+o.Name, ref, o.Code, o.Name)
	}
	return nil, grip.Errorf(grip.ENotFound, "organisatie %q is niet opgeslagen%s", ref, c.hint())
}

// findDocument loads the organisation's document named by ref (id or
// kind-year); for an unknown one it names the organisation's documents.
func findDocument(ctx context.Context, db grip.Store, o *grip.Organisation, ref string) (*grip.Document, error) {
	infos, err := db.Documents(ctx, o.Code)
	if err != nil {
		return nil, err
	}
	var c closest
	for _, info := range infos {
		if matchesDoc(info, ref) {
			return db.Document(ctx, o.Code, info.ID)
		}
		slug := fmt.Sprintf("%s-%d", info.Kind, info.Year)
		c.add(slug+" ("+info.Title+")", ref, slug)
	}
	return nil, grip.Errorf(grip.ENotFound, "organisatie %s heeft geen document %q%s", o.Code, ref, c.hint())
}

// findIndicator finds an indicator of the document by key or by its name's
// slug ("programma/sleutel" when keys repeat across programmes); for an
// unknown one it names those that come closest.
func findIndicator(doc *grip.Document, ref string) (*grip.Indicator, error) {
	prog, key, scoped := strings.Cut(ref, "/")
	if !scoped {
		prog, key = "", ref
	}
	slug := grip.Slugify(key)
	var found []*grip.Indicator
	var where []string
	var c closest
	for pi := range doc.Programmes {
		p := &doc.Programmes[pi]
		if scoped && p.Key != prog {
			continue
		}
		for ii := range p.Indicators {
			in := &p.Indicators[ii]
			if in.Key == key || strings.EqualFold(in.Key, key) || grip.Slugify(in.Name) == slug {
				found = append(found, in)
				where = append(where, p.Key+"/"+in.Key)
				continue
			}
			c.add(in.Key+" ("+in.Name+")", key, in.Key, in.Name)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, grip.Errorf(grip.ENotFound, "document %s heeft geen indicator %q%s", doc.Slug(), ref, c.hint())
	}
	return nil, grip.Errorf(grip.EInvalid, "%q past bij %d indicatoren van document %s: %s; geef de sleutel als programma/sleutel", ref, len(found), doc.Slug(), strings.Join(where, ", "))
}

// closest keeps the few candidates most like what the user typed, for
// "bedoelt u" in an error message.
type closest struct {
	labels []string
	scores []float64
}

// add scores a candidate by the best of its names: a name that contains
// what was typed scores above any similarity.
func (c *closest) add(label, typed string, names ...string) {
	t := grip.Slugify(typed)
	best := 0.0
	for _, n := range names {
		s := analysis.Similarity(typed, n)
		if t != "" && strings.Contains(grip.Slugify(n), t) {
			s += 1
		}
		best = max(best, s)
	}
	c.labels = append(c.labels, label)
	c.scores = append(c.scores, best)
}

// hint is "; bedoelt u: a, b, c?" with at most five candidates, best
// first, or "" when there are none.
func (c *closest) hint() string {
	idx := make([]int, len(c.labels))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return c.scores[idx[i]] > c.scores[idx[j]] })
	var out []string
	for _, i := range idx {
		if len(out) == 5 || (len(out) > 0 && c.scores[i] < 0.3) {
			break
		}
		out = append(out, c.labels[i])
	}
	if len(out) == 0 {
		return ""
	}
	return "; bedoelt u: " + strings.Join(out, ", ") + "?"
}

func varianceCommand() command {
	return command{name: "variance", summary: "verschillenanalyse tussen twee fasen (bijv. begroting na wijziging en realisatie)",
		usage: `grip variance --org CODE [--doc DOCUMENT] [--year JAAR] [--from FASE]
           [--to FASE] [--json]

Vergelijkt de financiële regels van twee fasen van één jaar per taakveld:
het verschil, V (voordeel) of N (nadeel), of het verschil boven de drempel van
de raad ligt (instelling van de organisatie) en dus toegelicht moet worden, en
de toelichting waar die er is. Ook de controle dat de gedrukte
verschillenregels optellen tot het programmatotaal. Fasen: primitief,
na-wijziging, realisatie, meerjarenraming. --year moet een jaar zijn waarvoor
het document bedragen heeft.

Voorbeelden (eerst de demodatabase: grip demo --db demo.db --serve=false):
  grip variance --db demo.db --org GM0164 --from primitief --to meerjarenraming
  grip variance --db demo.db --org GM0164 --year 2020 --from primitief \
      --to meerjarenraming --json
  grip variance --db demo.db --org GM0677 --doc jaarverslag-2021`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			org := fs.String("org", "", "CBS-code van de organisatie")
			docRef := fs.String("doc", "", "document: id of naam zoals jaarverslag-2021 (standaard het nieuwste)")
			year := fs.Int("year", 0, "jaar (standaard het jaar van het document)")
			from := fs.String("from", string(grip.StageNaWijziging), "fase waarmee vergeleken wordt")
			to := fs.String("to", string(grip.StageRealisatie), "fase die vergeleken wordt")
			asJSON := fs.Bool("json", false, "schrijf JSON in plaats van tekst")
			return func(ctx context.Context, args []string) error {
				if err := noArgs("variance", args); err != nil {
					return err
				}
				for _, s := range []string{*from, *to} {
					if !grip.MoneyStage(s).Valid() {
						return grip.Errorf(grip.EInvalid, "fase %q is onbekend: kies primitief, na-wijziging, realisatie of meerjarenraming", s)
					}
				}
				d, err := a.oneDocument(ctx, *org, *docRef)
				if err != nil {
					return err
				}
				y := *year
				if y == 0 {
					y = d.doc.Year
				} else if err := documentHasYear(d.doc, y); err != nil {
					return err
				}
				var reports []analysis.VarianceReport
				for i := range d.doc.Programmes {
					reports = append(reports, analysis.Variance(&d.doc.Programmes[i], y, grip.MoneyStage(*from), grip.MoneyStage(*to), d.org.Settings.VarianceThreshold))
				}
				if *asJSON {
					return writeJSON(a.stdout, map[string]any{"organisation": d.org.Code, "document": d.doc.Slug(), "programmes": reports})
				}
				fmt.Fprintf(a.stdout, "%s — %s: %s tegen %s, %d\n", d.org.Name, d.doc.Title, analysis.StageLabel(grip.MoneyStage(*to)), analysis.StageLabel(grip.MoneyStage(*from)), y)
				for i, r := range reports {
					fmt.Fprintf(a.stdout, "\n%s\n%s\n", d.doc.Programmes[i].Title, r.Rule)
					if len(r.Rows) == 0 {
						fmt.Fprintf(a.stdout, "  Geen financiële regels voor deze fasen en dit jaar.\n")
					} else {
						tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
						fmt.Fprintf(tw, "taakveld\tkant\t%s\t%s\tverschil\tV/N\ttoelichting\t\n", analysis.StageLabel(r.From), analysis.StageLabel(r.To))
						for _, row := range r.Rows {
							note := row.Explanation
							if row.Missing {
								note = "toelichting vereist, ontbreekt"
							}
							fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", row.Taakveld, row.Side, row.From.Format(false), row.To.Format(false),
								absCents(row.Effect).Format(false), row.VN, shortText(note, 60))
						}
						fmt.Fprintf(tw, "totaal (saldo)\t\t%s\t%s\t%s\t%s\t\t\n", r.FromSaldo.Format(false), r.ToSaldo.Format(false), absCents(r.Effect).Format(false), r.VN)
						tw.Flush()
					}
					if p := r.Printed; p != nil {
						state := "tellen op tot het programmatotaal"
						if !p.AddsUp {
							state = fmt.Sprintf("tellen op tot %s %s, maar het gedrukte programmatotaal is %s %s", absCents(p.Sum).Format(false), grip.VN(p.Sum), absCents(*p.Total).Format(false), grip.VN(*p.Total))
						} else if p.Total == nil {
							state = "hebben geen gedrukt totaal"
						}
						fmt.Fprintf(a.stdout, "  De %d gedrukte verschillenregels %s.\n", len(p.Lines), state)
					}
				}
				return nil
			}
		}}
}

// documentHasYear refuses a --year for which the document has no finance
// line, naming the years it has.
func documentHasYear(doc *grip.Document, year int) error {
	have := map[int]bool{}
	for _, p := range doc.Programmes {
		for _, l := range p.FinanceLines {
			have[l.Year] = true
		}
	}
	if have[year] {
		return nil
	}
	if len(have) == 0 {
		return grip.Errorf(grip.EInvalid, "--year %d: document %s heeft geen financiële regels, dus geen jaren om te vergelijken", year, doc.Slug())
	}
	years := make([]int, 0, len(have))
	for y := range have {
		years = append(years, y)
	}
	sort.Ints(years)
	names := make([]string, len(years))
	for i, y := range years {
		names[i] = strconv.Itoa(y)
	}
	return grip.Errorf(grip.EInvalid, "--year %d komt niet voor in document %s: verwacht een van de jaren %s", year, doc.Slug(), strings.Join(names, ", "))
}

func absCents(c grip.Cents) grip.Cents {
	if c < 0 {
		return -c
	}
	return c
}

func shortText(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

func reservesCommand() command {
	return command{name: "reserves", summary: "reserves: saldo en prognose per jaar met de voorstellen die erop drukken",
		usage: `grip reserves --org CODE [--doc DOCUMENT] [--json]
grip reserves balance --org CODE --doc DOCUMENT --reserve NAAM --year JAAR
                      BEDRAG

Toont per reserve (zoals de reserve Sociaal Domein) het saldo en de prognose
per jaar: stortingen, onttrekkingen voor voorstellen met dekking uit de
reserve, het eindsaldo en het jaar waarin de reserve opraakt. --json geeft ook
de reeks voor een grafiek. grip reserves balance legt het saldo vast als het
document het niet noemt (grip reserves balance --help).

Voorbeelden (eerst de demodatabase: grip demo --db demo.db --serve=false):
  grip reserves --db demo.db --org GM1700
  grip reserves --db demo.db --org GM1700 --doc kadernota-2020 --json`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			org := fs.String("org", "", "CBS-code van de organisatie")
			docRef := fs.String("doc", "", "document: id of naam zoals kadernota-2020 (standaard het nieuwste)")
			asJSON := fs.Bool("json", false, "schrijf JSON in plaats van tekst")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 && args[0] == "balance" {
					return a.reserveBalance(ctx, args[1:], org, docRef)
				}
				if err := noArgs("reserves", args); err != nil {
					return err
				}
				d, err := a.oneDocument(ctx, *org, *docRef)
				if err != nil {
					return err
				}
				fc := analysis.ReserveForecasts(d.doc)
				if *asJSON {
					if fc == nil {
						fc = []analysis.ReserveForecast{}
					}
					return writeJSON(a.stdout, map[string]any{"organisation": d.org.Code, "document": d.doc.Slug(), "reserves": fc})
				}
				fmt.Fprintf(a.stdout, "%s — %s\n", d.org.Name, d.doc.Title)
				if len(fc) == 0 {
					fmt.Fprintln(a.stdout, "Dit document noemt geen reserves.")
				}
				for _, f := range fc {
					fmt.Fprintf(a.stdout, "\n%s (saldo begin %d: %s)\n", f.Name, f.BalanceYear, f.Balance.Format(false))
					tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
					fmt.Fprintf(tw, "jaar\tbegin\tstortingen\tonttrekkingen\teind\t\n")
					for _, y := range f.Years {
						fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t\n", y.Year, y.Start.Format(false), y.Additions.Format(false), y.Withdrawals.Format(false), y.End.Format(false))
					}
					tw.Flush()
					fmt.Fprintln(a.stdout, f.Conclusion)
					for _, n := range f.Notes {
						fmt.Fprintln(a.stdout, "  let op: "+n)
					}
				}
				return nil
			}
		}}
}

func compareCommand() command {
	return command{name: "compare", summary: "een gemeente per inwoner vergelijken met andere, op landelijke Iv3-cijfers",
		usage: `grip compare --org CODE --taakveld CODE [--with all|province|size-class]
           [--year JAAR] [--basis begroting|jaarrekening]
           [--measure lasten|baten|saldo] [--series JAREN] [--rows GETAL]
           [--json]

Vergelijkt de lasten (of baten, of het saldo lasten - baten) per inwoner van
een gemeente op één taakveld met alle gemeenten, de gemeenten van de eigen
provincie of die van de eigen grootteklasse: de eigen waarde, de mediaan, de
kwartielen, de rang, en de begroting tegen de jaarrekening waar beide er zijn.
Een taakveld telt zijn subtaakvelden mee (6.72 = 6.72 + 6.72a..d). Bestaat het
taakveld niet in de indeling van dat jaar (de indeling veranderde in 2023 en
2025), dan zegt grip dat in plaats van verkeerde dingen op te tellen.
--series 2023,2024,2025 volgt het taakveld over de jaren en zegt per jaar of
het nog hetzelfde betekent. Een taakveldcode die in geen enkele indeling
bestaat (zoals 9.99) is een fout. Groepen: all (alle gemeenten), province (de
eigen provincie) en size-class (de eigen grootteklasse); alle, provincie en
grootteklasse mogen ook. Eerst: grip iv3 import (de demo doet dat al).

Voorbeelden (eerst de demodatabase: grip demo --db demo.db --serve=false):
  grip compare --db demo.db --org GM0164 --taakveld 6.72
  grip compare --db demo.db --org GM0164 --with province --taakveld 6.1 \
      --basis jaarrekening --json
  grip compare --db demo.db --org GM1700 --taakveld 6.2 --series 2023,2024,2025`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			org := fs.String("org", "", "CBS-code van de gemeente, bijvoorbeeld GM0164")
			with := fs.String("with", string(analysis.SetSizeClass), "vergelijkingsgroep: all, province of size-class (of alle, provincie, grootteklasse)")
			tv := fs.String("taakveld", "", "taakveldcode, bijvoorbeeld 6.72")
			year := fs.Int("year", 2023, "jaar van de landelijke cijfers")
			basis := fs.String("basis", string(grip.Iv3Begroting), "begroting of jaarrekening")
			measure := fs.String("measure", string(analysis.MeasureLasten), "lasten, baten of saldo (lasten - baten)")
			top := fs.Int("rows", 10, "aantal gemeenten in de tabel rond de eigen gemeente (0: alle)")
			series := fs.String("series", "", "een reeks over deze jaren, zoals 2023,2024,2025, met per jaar of het taakveld vergelijkbaar is")
			asJSON := fs.Bool("json", false, "schrijf JSON in plaats van tekst")
			return func(ctx context.Context, args []string) error {
				if err := noArgs("compare", args); err != nil {
					return err
				}
				if *org == "" || *tv == "" {
					return grip.Errorf(grip.EInvalid, "geef --org (bijvoorbeeld GM0164) en --taakveld (bijvoorbeeld 6.72)")
				}
				b := grip.Iv3Basis(*basis)
				if b != grip.Iv3Begroting && b != grip.Iv3Jaarrekening {
					return grip.Errorf(grip.EInvalid, "--basis %q is onbekend: kies begroting of jaarrekening", *basis)
				}
				db, err := a.readStore(ctx)
				if err != nil {
					return err
				}
				cat, err := a.taakvelden()
				if err != nil {
					return err
				}
				q := analysis.CompareQuery{Org: strings.ToUpper(*org), Taakveld: strings.TrimSpace(*tv), Year: *year, Basis: b,
					Set: compareSetFromFlag(*with), Measure: analysis.Measure(*measure)}
				if *series != "" {
					return a.compareSeries(ctx, db, q, *series, *asJSON)
				}
				c, err := analysis.CompareStore(ctx, db, q, cat)
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(a.stdout, c)
				}
				printComparison(a.stdout, c, *top)
				return nil
			}
		}}
}

// compareSetFromFlag reads --with: the set names of the API and their Dutch
// words.
func compareSetFromFlag(v string) analysis.CompareSet {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "alle":
		return analysis.SetAll
	case "provincie":
		return analysis.SetProvince
	case "grootteklasse":
		return analysis.SetSizeClass
	}
	return analysis.CompareSet(strings.ToLower(strings.TrimSpace(v)))
}

// seriesYear is one year of `grip compare --series`.
type seriesYear struct {
	analysis.SeriesYear
	PerInhabitant *grip.Cents `json:"per_inhabitant,omitempty"`
	Median        *grip.Cents `json:"median,omitempty"`
	Rank          int         `json:"rank,omitempty"`
	Count         int         `json:"count,omitempty"`
}

func (a *app) compareSeries(ctx context.Context, db grip.Store, q analysis.CompareQuery, list string, asJSON bool) error {
	var years []int
	for _, f := range strings.Split(list, ",") {
		y, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || y < grip.MinYear || y > grip.MaxYear {
			return grip.Errorf(grip.EInvalid, "--series %q: verwacht jaartallen gescheiden door komma's, zoals 2023,2024,2025", list)
		}
		years = append(years, y)
	}
	cat, err := a.taakvelden()
	if err != nil {
		return err
	}
	if err := analysis.CheckTaakveldCode(cat, q.Taakveld, q.Year); err != nil {
		return err
	}
	var out []seriesYear
	for _, sy := range analysis.Series(cat, q.Taakveld, years) {
		row := seriesYear{SeriesYear: sy}
		if len(sy.Codes) > 0 {
			qq := q
			qq.Year = sy.Year
			c, err := analysis.CompareStore(ctx, db, qq, cat)
			switch {
			case grip.ErrorCode(err) == grip.ENotFound:
				row.Note = strings.TrimSpace(row.Note + " Geen landelijke cijfers van dit jaar opgeslagen.")
			case err != nil:
				return err
			case c.Org != nil:
				pi, med := c.Org.PerInhabitant, c.Median
				row.PerInhabitant, row.Median, row.Rank, row.Count = &pi, &med, c.Org.Rank, c.Count
			}
		}
		out = append(out, row)
	}
	if asJSON {
		return writeJSON(a.stdout, map[string]any{"query": q, "years": out})
	}
	fmt.Fprintf(a.stdout, "Taakveld %s, %s, %s per inwoner, %s\n", q.Taakveld, q.Basis, q.Measure, q.Set)
	for _, r := range out {
		state := "vergelijkbaar"
		if !r.Comparable {
			state = "NIET vergelijkbaar"
		}
		fmt.Fprintf(a.stdout, "%d (%s)", r.Year, state)
		if r.PerInhabitant != nil {
			fmt.Fprintf(a.stdout, ": %s per inwoner, mediaan %s, rang %d van %d", r.PerInhabitant.Format(true), r.Median.Format(true), r.Rank, r.Count)
		}
		fmt.Fprintln(a.stdout)
		if r.Note != "" {
			fmt.Fprintf(a.stdout, "  %s\n", r.Note)
		}
	}
	return nil
}

func printComparison(w io.Writer, c *analysis.Comparison, top int) {
	q := c.Query
	fmt.Fprintf(w, "Taakveld %s, %s %d, %s per inwoner\n", q.Taakveld, q.Basis, q.Year, q.Measure)
	if !c.Comparable {
		fmt.Fprintln(w, c.Note)
		return
	}
	var names []string
	for _, t := range c.Codes {
		names = append(names, t.Code+" "+t.Name)
	}
	fmt.Fprintf(w, "Opgeteld: %s\n", strings.Join(names, ", "))
	o := c.Org
	fmt.Fprintf(w, "%s (%d inwoners): %s per inwoner (%s in totaal), rang %d van %d %s. %s\n",
		o.Name, o.Inhabitants, o.PerInhabitant.Format(true), o.Amount.Format(false), o.Rank, c.Count, c.SetLabel, c.RankRule)
	fmt.Fprintf(w, "Groep: minimum %s, eerste kwartiel %s, mediaan %s, derde kwartiel %s, maximum %s per inwoner\n",
		c.Min.Format(true), c.Q1.Format(true), c.Median.Format(true), c.Q3.Format(true), c.Max.Format(true))
	if c.Other != nil {
		fmt.Fprintf(w, "%s %d: %s per inwoner (mediaan van de groep %s); verschil met de %s: %s per inwoner\n",
			c.Other.Basis, q.Year, c.Other.PerInhabitant.Format(true), c.Other.Median.Format(true), q.Basis, c.Other.Difference.Format(true))
	}
	rows := c.Rows
	if top > 0 && len(rows) > top {
		at := o.Rank - 1
		start := max(0, min(at-top/2, len(rows)-top))
		rows = rows[start : start+top]
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\nrang\tgemeente\tinwoners\tper inwoner\t\n")
	for _, r := range rows {
		mark := ""
		if r.Code == o.Code {
			mark = " ◀"
		}
		fmt.Fprintf(tw, "%d\t%s%s\t%d\t%s\t\n", r.Rank, r.Name, mark, r.Inhabitants, r.PerInhabitant.Format(true))
	}
	tw.Flush()
}

func iv3Command() command {
	return command{name: "iv3", summary: "landelijke Iv3-cijfers inlezen en bekijken",
		usage: `grip iv3 import [--demo] [BESTAND...]
grip iv3 list

"import" leest landelijke Iv3-bestanden (zoals 2023_begroting.csv: lasten en
baten per taakveld voor alle gemeenten, bedragen × € 1.000) en slaat ze op;
jaar en soort (begroting/jaarrekening) komen uit de bestandsnaam. Gemeenten
worden op naam aan hun CBS-code gekoppeld. Een bestand vervangt de cijfers van
hetzelfde jaar en dezelfde soort. Ook .csv.gz. --demo leest de meegeleverde
cijfers van het sociaal domein (taakvelden 6.x, 2023-2025).
"list" toont de opgeslagen datasets.

Voorbeelden:
  grip iv3 import --db demo.db --demo
  grip iv3 import --db demo.db 2023_begroting.csv 2023_jaarrekening.csv.gz
  grip iv3 list --db demo.db`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			useDemo := fs.Bool("demo", false, "lees de meegeleverde cijfers van het sociaal domein")
			return func(ctx context.Context, args []string) error {
				if len(args) == 0 {
					return grip.Errorf(grip.EInvalid, "geef een subcommando: grip iv3 import BESTAND... of grip iv3 list")
				}
				// Options may follow the subcommand and the files:
				// grip iv3 import --demo, grip iv3 list --db demo.db.
				var rest []string
				for more := args[1:]; len(more) > 0; {
					if strings.HasPrefix(more[0], "-") && more[0] != "-" {
						if err := fs.Parse(more); err != nil {
							return grip.Errorf(grip.EInvalid, "%s (zie grip iv3 --help)", flagMessage(fs, err))
						}
						more = fs.Args()
						continue
					}
					rest = append(rest, more[0])
					more = more[1:]
				}
				switch args[0] {
				case "import":
					return a.iv3Import(ctx, rest, *useDemo)
				case "list":
					if err := noArgs("iv3 list", rest); err != nil {
						return err
					}
					db, err := a.readStore(ctx)
					if err != nil {
						return err
					}
					infos, err := db.Iv3Datasets(ctx)
					if err != nil {
						return err
					}
					if len(infos) == 0 {
						fmt.Fprintln(a.stdout, "Nog geen landelijke cijfers; gebruik grip iv3 import.")
					}
					for _, i := range infos {
						fmt.Fprintf(a.stdout, "%d %-12s %3d gemeenten %6d cijfers  %s\n", i.Year, i.Basis, i.Municipalities, i.Figures, i.Source)
					}
					return nil
				}
				return grip.Errorf(grip.EInvalid, "onbekend subcommando %q: kies import of list", args[0])
			}
		}}
}

func (a *app) iv3Import(ctx context.Context, files []string, useDemo bool) error {
	if len(files) == 0 && !useDemo {
		return grip.Errorf(grip.EInvalid, "geef de bestanden, bijvoorbeeld grip iv3 import 2023_begroting.csv, of --demo")
	}
	db, err := a.store(ctx)
	if err != nil {
		return err
	}
	var sets []*grip.Iv3Dataset
	start := time.Now()
	rows := 0
	if useDemo {
		ds, err := demo.Iv3Datasets()
		if err != nil {
			return err
		}
		sets = append(sets, ds...)
		for _, d := range ds {
			rows += len(d.Figures)
		}
	}
	gms, err := iv3.NewGemeenten()
	if err != nil {
		return err
	}
	for _, f := range files {
		ds, err := readIv3File(f, gms, a.stderr)
		if err != nil {
			return err
		}
		rows += len(ds.Figures)
		sets = append(sets, ds)
	}
	read := time.Since(start)
	for _, ds := range sets {
		t0 := time.Now()
		if err := db.PutIv3Dataset(ctx, a.actor, ds); err != nil {
			return fmt.Errorf("landelijke cijfers %d %s opslaan: %w", ds.Year, ds.Basis, err)
		}
		fmt.Fprintf(a.stdout, "%d %s: %d gemeenten, %d cijfers opgeslagen (%s)\n", ds.Year, ds.Basis, len(ds.Municipalities), len(ds.Figures), time.Since(t0).Round(time.Millisecond))
	}
	total := time.Since(start)
	fmt.Fprintf(a.stdout, "Klaar: %d regels in %s (lezen %s), %s regels per seconde\n", rows, total.Round(time.Millisecond), read.Round(time.Millisecond),
		strconv.FormatInt(int64(float64(rows)/total.Seconds()), 10))
	n, err := a.completeOrganisations(ctx, db, sets)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintf(a.stdout, "%d organisatie(s) aangevuld met provincie, grootteklasse en inwoners uit de landelijke cijfers.\n", n)
	}
	return nil
}

// completeOrganisations fills in the province, size class and inhabitants
// of stored gemeenten that lack them, from the newest imported dataset that
// describes them. It never overwrites what is set.
func (a *app) completeOrganisations(ctx context.Context, db grip.Store, sets []*grip.Iv3Dataset) (int, error) {
	newest := map[string]grip.Iv3Municipality{}
	year := map[string]int{}
	for _, ds := range sets {
		for _, m := range ds.Municipalities {
			if ds.Year >= year[m.Code] {
				newest[m.Code], year[m.Code] = m, ds.Year
			}
		}
	}
	orgs, err := db.Organisations(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, o := range orgs {
		m, ok := newest[o.Code]
		if !ok || o.Kind != grip.OrgGemeente || (o.Province != "" && o.SizeClass != "" && o.Inhabitants != 0) {
			continue
		}
		if o.Province == "" {
			o.Province = m.Province
		}
		if o.SizeClass == "" {
			o.SizeClass = m.SizeClass
		}
		if o.Inhabitants == 0 {
			o.Inhabitants = m.Inhabitants
		}
		if err := db.PutOrganisation(ctx, a.actor, o); err != nil {
			return n, fmt.Errorf("organisatie %s aanvullen: %w", o.Code, err)
		}
		n++
	}
	return n, nil
}

func readIv3File(path string, gms *iv3.Gemeenten, progress io.Writer) (*grip.Iv3Dataset, error) {
	base := strings.TrimSuffix(filepath.Base(path), ".gz")
	year, basis, ok := iv3.ParseFileName(base)
	if !ok {
		return nil, grip.Errorf(grip.EInvalid, "%s: de naam zegt niet welk jaar en welke soort: verwacht bijvoorbeeld 2023_begroting.csv of 2023_jaarrekening.csv", path)
	}
	fh, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, grip.Errorf(grip.ENotFound, "bestand %s bestaat niet", path)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer fh.Close()
	var r io.Reader = fh
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(fh)
		if err != nil {
			return nil, grip.Errorf(grip.EInvalid, "%s is geen geldig gzip-bestand", path)
		}
		defer zr.Close()
		r = zr
	}
	t0 := time.Now()
	ds, err := iv3.ReadDataset(r, iv3.ReadOptions{Year: year, Basis: basis, Source: filepath.Base(path), Gemeenten: gms,
		ProgressEvery: 10000, Progress: func(n int) {
			fmt.Fprintf(progress, "\r%s: %d regels gelezen", filepath.Base(path), n)
		}})
	if err != nil {
		fmt.Fprintln(progress)
		return nil, err
	}
	el := time.Since(t0)
	fmt.Fprintf(progress, "\r%s: %d regels gelezen in %s (%d regels/s)\n", filepath.Base(path), len(ds.Figures), el.Round(time.Millisecond),
		int64(float64(len(ds.Figures))/max(el.Seconds(), 1e-9)))
	return ds, nil
}

// orgDocument is a stored document with its organisation.
type orgDocument struct {
	org grip.Organisation
	doc *grip.Document
}

// selectDocuments loads the documents to analyse: one (--doc), all of one
// organisation (--org) or all of all organisations.
func (a *app) selectDocuments(ctx context.Context, orgCode, docRef string) ([]orgDocument, error) {
	db, err := a.readStore(ctx)
	if err != nil {
		return nil, err
	}
	if docRef != "" && orgCode == "" {
		return nil, grip.Errorf(grip.EInvalid, "--doc vereist --org")
	}
	var orgs []grip.Organisation
	if orgCode != "" {
		o, err := db.Organisation(ctx, strings.ToUpper(orgCode))
		if err != nil {
			return nil, err
		}
		orgs = []grip.Organisation{*o}
	} else {
		if orgs, err = db.Organisations(ctx); err != nil {
			return nil, err
		}
	}
	var out []orgDocument
	for _, o := range orgs {
		infos, err := db.Documents(ctx, o.Code)
		if err != nil {
			return nil, err
		}
		found := false
		for _, info := range infos {
			if docRef != "" && !matchesDoc(info, docRef) {
				continue
			}
			found = true
			d, err := db.Document(ctx, o.Code, info.ID)
			if err != nil {
				return nil, err
			}
			out = append(out, orgDocument{org: o, doc: d})
		}
		if docRef != "" && !found {
			return nil, grip.Errorf(grip.ENotFound, "organisatie %s heeft geen document %q", o.Code, docRef)
		}
	}
	return out, nil
}

// oneDocument loads one document: --doc, or the organisation's newest.
func (a *app) oneDocument(ctx context.Context, orgCode, docRef string) (orgDocument, error) {
	if orgCode == "" {
		return orgDocument{}, grip.Errorf(grip.EInvalid, "geef --org met de CBS-code van de organisatie, bijvoorbeeld --org GM0164")
	}
	if docRef != "" {
		docs, err := a.selectDocuments(ctx, orgCode, docRef)
		if err != nil {
			return orgDocument{}, err
		}
		return docs[0], nil
	}
	db, err := a.readStore(ctx)
	if err != nil {
		return orgDocument{}, err
	}
	o, err := db.Organisation(ctx, strings.ToUpper(orgCode))
	if err != nil {
		return orgDocument{}, err
	}
	infos, err := db.Documents(ctx, o.Code)
	if err != nil {
		return orgDocument{}, err
	}
	if len(infos) == 0 {
		return orgDocument{}, grip.Errorf(grip.ENotFound, "organisatie %s heeft nog geen documenten", o.Code)
	}
	// Documents are listed by year then kind: the last is the newest.
	d, err := db.Document(ctx, o.Code, infos[len(infos)-1].ID)
	if err != nil {
		return orgDocument{}, err
	}
	return orgDocument{org: *o, doc: d}, nil
}

func matchesDoc(info grip.DocumentInfo, ref string) bool {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return info.ID == id
	}
	return fmt.Sprintf("%s-%d", info.Kind, info.Year) == ref
}

func noArgs(cmd string, args []string) error {
	if len(args) > 0 {
		return grip.Errorf(grip.EInvalid, "onverwacht argument %q: grip %s neemt alleen opties", args[0], cmd)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}
