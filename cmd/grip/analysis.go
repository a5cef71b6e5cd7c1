package main

import (
	"context"
	"flag"
)

// Placeholder commands: replaced by their owners.

func checkCommand() command {
	return command{name: "check", summary: "(nog niet beschikbaar)", usage: "grip check",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error { return notYet("check") }}
}

func indicatorsCommand() command {
	return command{name: "indicators", summary: "(nog niet beschikbaar)", usage: "grip indicators",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			return notYet("indicators")
		}}
}

func varianceCommand() command {
	return command{name: "variance", summary: "(nog niet beschikbaar)", usage: "grip variance",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			return notYet("variance")
		}}
}

func reservesCommand() command {
	return command{name: "reserves", summary: "(nog niet beschikbaar)", usage: "grip reserves",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			return notYet("reserves")
		}}
}

func compareCommand() command {
	return command{name: "compare", summary: "(nog niet beschikbaar)", usage: "grip compare",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			return notYet("compare")
		}}
}

func iv3Command() command {
	return command{name: "iv3", summary: "(nog niet beschikbaar)", usage: "grip iv3",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error { return notYet("iv3") }}
}
