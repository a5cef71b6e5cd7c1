package main

import (
	"context"
	"flag"
)

// Placeholder commands: replaced by their owners.

func importCommand() command {
	return command{name: "import", summary: "(nog niet beschikbaar)", usage: "grip import",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error { return notYet("import") }}
}

func demoCommand() command {
	return command{name: "demo", summary: "(nog niet beschikbaar)", usage: "grip demo",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error { return notYet("demo") }}
}
