package main

import (
	"context"
	"flag"
)

func serveCommand() command {
	return command{name: "serve", summary: "(nog niet beschikbaar)", usage: "grip serve",
		setup: func(fs *flag.FlagSet, a *app) func(ctx context.Context, args []string) error { return notYet("serve") }}
}
