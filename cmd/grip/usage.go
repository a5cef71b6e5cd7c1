package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"grip"
)

// flagMessage turns an error of the flag package into one Dutch sentence for
// the user: which option, what was wrong and what was expected. The flag
// package has no typed errors, so its few fixed messages are recognised by
// their start; anything else is shown as it is.
func flagMessage(fs *flag.FlagSet, err error) string {
	if errors.Is(err, flag.ErrHelp) {
		return "gebruik --help voor uitleg"
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return fmt.Sprintf("onbekende optie %s", dashes(name))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return fmt.Sprintf("optie %s heeft een waarde nodig, bijvoorbeeld %s=%s", dashes(name), dashes(name), argPlaceholder(fs, strings.TrimLeft(name, "-")))
	}
	if rest, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return fmt.Sprintf("ongeldige optie %q: schrijf --naam of --naam=waarde", rest)
	}
	// invalid value "abc" for flag -year: parse error
	// invalid boolean value "x" for -json: parse error
	for _, prefix := range []string{"invalid value ", "invalid boolean value "} {
		rest, ok := strings.CutPrefix(msg, prefix)
		if !ok {
			continue
		}
		val, after, ok := strings.Cut(rest, " for ")
		if !ok {
			break
		}
		name := strings.TrimPrefix(after, "flag ")
		name, _, _ = strings.Cut(name, ":")
		name = strings.TrimLeft(name, "-")
		return fmt.Sprintf("%s %s is ongeldig: verwacht %s", dashes(name), val, expected(fs, name))
	}
	return msg
}

// dashes writes an option the way the help does: --name (or -o for one letter).
func dashes(name string) string {
	name = strings.TrimLeft(name, "-")
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// argPlaceholder is the Dutch name of the value an option takes.
func argPlaceholder(fs *flag.FlagSet, name string) string {
	f := fs.Lookup(name)
	if f == nil {
		return "WAARDE"
	}
	arg, _ := flag.UnquoteUsage(f)
	if arg != "" {
		// Options shared by several commands get the word their
		// synopsis uses.
		switch name {
		case "db":
			return "BESTAND|URL"
		case "as":
			return "NAAM"
		case "org", "taakveld", "region":
			return "CODE"
		case "doc":
			return "DOCUMENT"
		case "year":
			return "JAAR"
		case "kind":
			return "SOORT"
		case "addr":
			return "HOST:POORT"
		case "o":
			return "BESTAND"
		case "from", "to":
			return "FASE"
		case "min-severity":
			return "ERNST"
		case "basis":
			return "BASIS"
		case "measure":
			return "MAAT"
		case "with":
			return "GROEP"
		case "series":
			return "JAREN"
		case "indicator":
			return "SLEUTEL"
		}
	}
	switch arg {
	case "int", "uint", "int64", "uint64":
		return "GETAL"
	case "float":
		return "GETAL"
	case "duration":
		return "DUUR"
	case "":
		return ""
	}
	return "TEKST"
}

// expected says in words what an option's value must look like.
func expected(fs *flag.FlagSet, name string) string {
	switch argPlaceholder(fs, name) {
	case "GETAL", "JAAR":
		return "een geheel getal"
	case "DUUR":
		return "een duur zoals 30s of 5m"
	case "":
		return "true of false"
	}
	return "een waarde"
}

// count writes a number with the Dutch singular or plural: "1 document",
// "2 documenten".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// parseInterleaved parses a subcommand whose flags may stand before and
// after its values (grip indicators direction --org X lager-is-beter --doc Y)
// and returns the values. With --help it prints help's usage and reports
// helped; a bad flag is one Dutch line pointing at --help.
func (a *app) parseInterleaved(fs *flag.FlagSet, args []string, help command) (values []string, helped bool, err error) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printCommandUsage(a.stdout, &help, fs)
				return nil, true, nil
			}
			return nil, false, grip.Errorf(grip.EInvalid, "%s; %s --help legt de opties uit", flagMessage(fs, err), fs.Name())
		}
		if fs.NArg() == 0 {
			return values, false, nil
		}
		values = append(values, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
