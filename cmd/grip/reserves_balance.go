package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"grip"
	"grip/analysis"
)

func reserveBalanceHelp() command {
	return command{name: "reserves balance", usage: `grip reserves balance --org CODE --doc DOCUMENT --reserve NAAM --year JAAR
                      BEDRAG

Legt het saldo van een reserve vast aan het begin van een jaar, in hele euro's
(1.250.000 of 1250000), zodat de prognose kan zeggen wanneer de reserve op is.
Documenten noemen dat saldo vaak niet (de kadernota van Twenterand niet); de
controller weet het. Het document wordt in één transactie opnieuw opgeslagen
en de wijziging staat in het auditlog.

Voorbeelden (eerst de demodatabase: grip demo --db demo.db --serve=false):
  grip reserves balance --db demo.db --org GM1700 --doc kadernota-2020 \
    --reserve "reserve sociaal domein" --year 2020 300.000
  grip reserves --db demo.db --org GM1700`}
}

// reserveBalance sets the balance of a stored reserve and reports what the
// forecast says before and after.
func (a *app) reserveBalance(ctx context.Context, args []string, org, docRef *string) error {
	fs := flag.NewFlagSet("grip reserves balance", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a.addGlobalFlags(fs)
	fs.StringVar(org, "org", *org, "CBS-code van de organisatie")
	fs.StringVar(docRef, "doc", *docRef, "document: id of naam zoals kadernota-2020")
	ref := fs.String("reserve", "", "sleutel of naam van de reserve")
	year := fs.Int("year", 0, "het jaar aan het begin waarvan het saldo geldt")
	values, helped, err := a.parseInterleaved(fs, args, reserveBalanceHelp())
	if err != nil || helped {
		return err
	}
	if *org == "" || *docRef == "" || *ref == "" || *year == 0 || len(values) != 1 {
		return grip.Errorf(grip.EInvalid, "geef --org, --doc, --reserve, --year en één bedrag, bijvoorbeeld: grip reserves balance --org GM1700 --doc kadernota-2020 --reserve \"reserve sociaal domein\" --year 2020 300.000")
	}
	amount, err := parseWholeEuros("het saldo", values[0])
	if err != nil {
		return err
	}
	if *year < grip.MinYear || *year > grip.MaxYear {
		return grip.Errorf(grip.EInvalid, "--year %d is ongeldig: verwacht een jaar tussen %d en %d", *year, grip.MinYear, grip.MaxYear)
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
	res, err := findReserve(doc, *ref)
	if err != nil {
		return err
	}
	before := forecastOf(doc, res.Key)
	if res.BalanceYear == *year && res.Balance == amount {
		fmt.Fprintf(a.stdout, "%s: het saldo begin %d is al %s; niets gewijzigd.\n", res.Name, *year, amount.Format(false))
		return nil
	}
	res.BalanceYear, res.Balance = *year, amount
	// IfUnchanged: a document re-imported since we read it is not
	// overwritten with the old content plus this balance.
	if err := db.Apply(ctx, a.actor, grip.Batch{Documents: []*grip.Document{doc}, IfUnchanged: true}); err != nil {
		return fmt.Errorf("document %s opslaan: %w", doc.Slug(), err)
	}
	after := forecastOf(doc, res.Key)
	fmt.Fprintf(a.stdout, "%s %s — %s: %s, saldo begin %d: %s\n", o.Code, o.Name, doc.Slug(), res.Name, *year, amount.Format(false))
	fmt.Fprintf(a.stdout, "  was: %s\n  nu:  %s\n", before.Conclusion, after.Conclusion)
	return nil
}

// findReserve finds a reserve of the document by key or (case-insensitive) name.
func findReserve(doc *grip.Document, ref string) (*grip.Reserve, error) {
	want := strings.ToLower(strings.TrimSpace(ref))
	var found []*grip.Reserve
	var names []string
	for i := range doc.Programmes {
		for j := range doc.Programmes[i].Reserves {
			r := &doc.Programmes[i].Reserves[j]
			names = append(names, fmt.Sprintf("%q (%s)", r.Name, r.Key))
			if r.Key == ref || strings.ToLower(r.Name) == want || grip.Slugify(r.Name) == grip.Slugify(ref) {
				found = append(found, r)
			}
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return nil, grip.Errorf(grip.EInvalid, "reserve %q staat in meer dan één programma van %s; geef de sleutel", ref, doc.Slug())
	case len(names) == 0:
		return nil, grip.Errorf(grip.ENotFound, "%s noemt geen reserves", doc.Slug())
	}
	return nil, grip.Errorf(grip.ENotFound, "reserve %q staat niet in %s; wel: %s", ref, doc.Slug(), strings.Join(names, ", "))
}

func forecastOf(doc *grip.Document, key string) analysis.ReserveForecast {
	for _, f := range analysis.ReserveForecasts(doc) {
		if f.Key == key {
			return f
		}
	}
	return analysis.ReserveForecast{}
}
