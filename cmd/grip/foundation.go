package main

import (
	"context"
	"flag"
)

// Placeholder commands: replaced by their owners.

func migrateCommand() command {
	return command{name: "migrate", summary: "(nog niet beschikbaar)", usage: "grip migrate",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			return notYet("migrate")
		}}
}

func exportCommand() command {
	return command{name: "export", summary: "(nog niet beschikbaar)", usage: "grip export",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error { return notYet("export") }}
}

func loadCommand() command {
	return command{name: "load", summary: "(nog niet beschikbaar)", usage: "grip load",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error { return notYet("load") }}
}

func statsCommand() command {
	return command{name: "stats", summary: "(nog niet beschikbaar)", usage: "grip stats",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error { return notYet("stats") }}
}
