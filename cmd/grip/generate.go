package main

import (
	"context"
	"flag"
	"fmt"

	"grip"
	"grip/generate"
)

func generateCommand() command {
	return command{name: "generate", summary: "een verzonnen gemeente maken, voor benchmarks en proeven",
		usage: `grip generate [--size small|large] [--org CODE] [--name NAAM] [--seed N] [--year JAAR]

Schrijft een verzonnen gemeente met een programmabegroting in de database.
"large" is zo groot als Amsterdam: 12 programma's, 60 thema's, 400 doelen,
2.000 activiteiten, 600 indicatoren met 10 jaar waarden en lasten en baten
voor elk taakveld over 10 jaar. Dezelfde opties geven altijd dezelfde gemeente.

Voorbeelden:
  grip generate
  grip --db groot.db generate --size large --org GM9998 --name Grootstad`,
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			size := fs.String("size", "small", "grootte: small of large")
			code := fs.String("org", "GM9999", "CBS-code van de gegenereerde gemeente")
			name := fs.String("name", "", "naam van de gemeente (standaard Grootstad of Kleindorp)")
			seed := fs.Uint64("seed", 1, "startwaarde van de toevalsgenerator")
			year := fs.Int("year", 2025, "begrotingsjaar")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return grip.Errorf(grip.EInvalid, "onverwacht argument %q: grip generate neemt alleen opties", args[0])
				}
				cat, err := a.taakvelden()
				if err != nil {
					return err
				}
				org, doc, err := generate.Gemeente(generate.Options{Size: generate.Size(*size), Seed: *seed, Code: *code, Name: *name, Year: *year}, cat)
				if err != nil {
					return err
				}
				db, err := a.store(ctx)
				if err != nil {
					return err
				}
				if err := db.Apply(ctx, a.actor, grip.Batch{Organisations: []grip.Organisation{org}, Documents: []*grip.Document{doc}}); err != nil {
					return fmt.Errorf("gegenereerde gemeente opslaan: %w", err)
				}
				c := doc.Counts()
				fmt.Fprintf(a.stdout, "%s (%s): %s met %d programma's, %d thema's, %d doelen, %d subdoelen, %d activiteiten, %d voorstellen, %d indicatoren (%d waarden), %d financiële regels\n",
					org.Name, org.Code, doc.Title, len(doc.Programmes), c.Themes, c.Goals, c.Subgoals, c.Activities, c.Proposals, c.Indicators, c.Measurements, c.FinanceLines)
				fmt.Fprintf(a.stdout, "website: /%s/%s\n", org.Slug, doc.Slug())
				return nil
			}
		}}
}
