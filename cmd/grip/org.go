package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"grip"
)

func orgCommand() command {
	return command{
		name:    "org",
		summary: "organisaties tonen en hun instellingen wijzigen (niveaunamen, drempel verschillenanalyse)",
		usage: `grip org [--org CODE] [--json]
grip org set --org CODE [--name NAAM] [--levels NAAM,NAAM,...]
             [--variance-threshold EURO] [--region CODE]

Zonder subcommando: de opgeslagen organisaties, of één organisatie met haar
instellingen (--org).

grip org set wijzigt de instellingen van een opgeslagen organisatie:
  --levels              de namen van de niveaus van de doelenboom, van boven
                        naar beneden, gescheiden door komma's (bijvoorbeeld
                        doelenboom,doel,subdoel); de website en de analyses
                        gebruiken ze
  --variance-threshold  het bedrag in hele euro's boven welk de raad een
                        toelichting op een verschil vraagt (25000 of 25.000);
                        0 = geen drempel
  --name, --region      naam en regio (code van de regio)
Alleen de genoemde opties veranderen; de wijziging staat in het auditlog.

Voorbeelden:
  grip org
  grip org --org GM1700
  grip org set --org GM1700 --variance-threshold 25.000 \
      --levels doelenboom,doel,subdoel`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			code := fs.String("org", "", "CBS-code van de organisatie (zoals GM1700)")
			asJSON := fs.Bool("json", false, "als JSON")
			name := fs.String("name", "", "met set: de nieuwe naam")
			levels := fs.String("levels", "", "met set: niveaunamen van de doelenboom, gescheiden door komma's")
			threshold := fs.String("variance-threshold", "", "met set: drempel voor toelichting op verschillen, in hele euro's")
			region := fs.String("region", "", "met set: code van de regio")
			return func(ctx context.Context, args []string) error {
				// Options may follow the subcommand: grip org set --org X ...
				if len(args) > 0 && args[0] == "set" {
					if err := fs.Parse(args[1:]); err != nil {
						return grip.Errorf(grip.EInvalid, "%v (zie grip org --help)", err)
					}
					args = append([]string{"set"}, fs.Args()...)
				}
				switch {
				case len(args) == 0:
					return a.showOrgs(ctx, *code, *asJSON)
				case args[0] == "set" && len(args) == 1:
					set := map[string]bool{}
					fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
					return a.setOrg(ctx, *code, orgChanges{
						name: *name, setName: set["name"],
						levels: *levels, setLevels: set["levels"],
						threshold: *threshold, setThreshold: set["variance-threshold"],
						region: *region, setRegion: set["region"],
					})
				}
				return grip.Errorf(grip.EInvalid, "onbekend subcommando %q: verwacht niets of set (zie grip org --help)", strings.Join(args, " "))
			}
		},
	}
}

func (a *app) showOrgs(ctx context.Context, code string, asJSON bool) error {
	db, err := a.readStore(ctx)
	if err != nil {
		return err
	}
	var orgs []grip.Organisation
	if code != "" {
		o, err := db.Organisation(ctx, strings.ToUpper(code))
		if err != nil {
			return err
		}
		orgs = []grip.Organisation{*o}
	} else if orgs, err = db.Organisations(ctx); err != nil {
		return err
	}
	if asJSON {
		if orgs == nil {
			orgs = []grip.Organisation{}
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(map[string]any{"organisations": orgs})
	}
	if len(orgs) == 0 {
		fmt.Fprintln(a.stdout, "Er zijn nog geen organisaties; grip import of grip demo zet ze erin.")
		return nil
	}
	for _, o := range orgs {
		fmt.Fprintf(a.stdout, "%s  %s (%s)\n", o.Code, o.Name, o.Kind)
		if code == "" {
			continue
		}
		var names []string
		for d := 0; d < max(3, len(o.Settings.LevelNames)); d++ {
			names = append(names, o.Settings.LevelName(d))
		}
		fmt.Fprintf(a.stdout, "  niveaus van de doelenboom: %s", strings.Join(names, " › "))
		if len(o.Settings.LevelNames) == 0 {
			fmt.Fprint(a.stdout, " (standaard)")
		}
		fmt.Fprintln(a.stdout)
		if o.Settings.VarianceThreshold > 0 {
			fmt.Fprintf(a.stdout, "  drempel toelichting verschillen: %s\n", o.Settings.VarianceThreshold.Format(false))
		} else {
			fmt.Fprintln(a.stdout, "  drempel toelichting verschillen: geen")
		}
		if o.Inhabitants > 0 {
			fmt.Fprintf(a.stdout, "  inwoners: %d; provincie: %s; grootteklasse: %s\n", o.Inhabitants, o.Province, o.SizeClass)
		}
		if o.Region != "" {
			fmt.Fprintf(a.stdout, "  regio: %s\n", o.Region)
		}
	}
	return nil
}

// orgChanges are the settings grip org set was asked to change.
type orgChanges struct {
	name, levels, threshold, region             string
	setName, setLevels, setThreshold, setRegion bool
}

func (a *app) setOrg(ctx context.Context, code string, c orgChanges) error {
	if code == "" {
		return grip.Errorf(grip.EInvalid, "grip org set verwacht --org CODE (zoals GM1700)")
	}
	if !c.setName && !c.setLevels && !c.setThreshold && !c.setRegion {
		return grip.Errorf(grip.EInvalid, "grip org set: geef minstens een van --name, --levels, --variance-threshold of --region")
	}
	db, err := a.store(ctx)
	if err != nil {
		return err
	}
	o, err := db.Organisation(ctx, strings.ToUpper(code))
	if err != nil {
		return err
	}
	next := *o
	next.Settings.LevelNames = append([]string(nil), o.Settings.LevelNames...)
	if c.setName {
		if strings.TrimSpace(c.name) == "" {
			return grip.Errorf(grip.EInvalid, "--name is leeg: verwacht de naam van de organisatie")
		}
		next.Name = strings.TrimSpace(c.name)
	}
	if c.setLevels {
		names, err := parseLevelNames(c.levels)
		if err != nil {
			return err
		}
		next.Settings.LevelNames = names
	}
	if c.setThreshold {
		t, err := parseWholeEuros("--variance-threshold", c.threshold)
		if err != nil {
			return err
		}
		next.Settings.VarianceThreshold = t
	}
	if c.setRegion {
		r := strings.ToUpper(strings.TrimSpace(c.region))
		if r != "" && !grip.ValidOrgCode(r) {
			return grip.Errorf(grip.EInvalid, "--region %q is ongeldig: verwacht de code van een regio (hoofdletters en cijfers)", c.region)
		}
		next.Region = r
	}
	if err := db.PutOrganisation(ctx, a.actor, next); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%s %s bijgewerkt.\n", next.Code, next.Name)
	return a.showOrgs(ctx, next.Code, false)
}

// parseLevelNames reads "doelenboom, doel ,subdoel"; an empty string resets
// the names to the defaults.
func parseLevelNames(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []string
	for i, part := range strings.Split(s, ",") {
		n := strings.ToLower(strings.TrimSpace(part))
		if n == "" {
			return nil, grip.Errorf(grip.EInvalid, "--levels: niveau %d is leeg: verwacht namen gescheiden door komma's, zoals doelenboom,doel,subdoel", i+1)
		}
		if len(n) > 40 {
			return nil, grip.Errorf(grip.EInvalid, "--levels: niveau %d (%q) is langer dan 40 tekens", i+1, n)
		}
		out = append(out, n)
	}
	if len(out) > 8 {
		return nil, grip.Errorf(grip.EInvalid, "--levels: %d niveaus; grip kent er ten hoogste 8", len(out))
	}
	return out, nil
}

// parseWholeEuros reads an amount of whole euros written as 25000, 25.000
// or € 25.000 into cents; what names the option or value in the message.
func parseWholeEuros(what, s string) (grip.Cents, error) {
	t := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "€"))
	t = strings.TrimSuffix(t, ",-")
	digits := strings.ReplaceAll(t, ".", "")
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n < 0 || digits == "" || n > 1_000_000_000_000 ||
		(strings.Contains(t, ".") && !validGrouping(t)) {
		return 0, grip.Errorf(grip.EInvalid, "%s %q is ongeldig: verwacht hele euro's, zoals 25000 of 25.000", what, s)
	}
	return grip.Euros(n), nil
}

// validGrouping reports whether the dots of s group digits by three: 25.000.
func validGrouping(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}
