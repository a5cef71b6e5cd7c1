package main

import (
	"context"
	"flag"
)

// Placeholder commands: replaced by their owners.

func generateCommand() command {
	return command{name: "generate", summary: "(nog niet beschikbaar)", usage: "grip generate",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error {
			return notYet("generate")
		}}
}
