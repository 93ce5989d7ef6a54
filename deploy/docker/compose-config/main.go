// compose-config reads Compose files with compose-go, the library the `docker compose` CLI is built on, and prints
// the project as Compose resolves it (the JSON of `docker compose config --format json`): files merged in order,
// variables interpolated, paths resolved, the schema and every cross-reference checked. OneSeal's compose check
// (deploy/docker/compose.spec.ts) reads its output, so the files are checked by the official implementation, not a
// reader of our own. It needs no Docker engine.
//
//	compose-config [--profile NAME]... FILE [FILE...]
//
// The environment of the call is the one Compose would see; an error (invalid file, unknown service in depends_on,
// undefined secret…) is printed as Compose prints it, with exit status 1.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
)

type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

func main() {
	var profiles repeated
	flag.Var(&profiles, "profile", "a profile to enable (repeatable)")
	flag.Parse()
	files := flag.Args()
	if len(files) == 0 {
		fmt.Fprintln(os.Stderr, "usage: compose-config [--profile NAME]... FILE [FILE...]")
		os.Exit(2)
	}
	options, err := cli.NewProjectOptions(files,
		cli.WithWorkingDirectory(filepath.Dir(files[0])),
		cli.WithOsEnv,
		cli.WithDotEnv,
		cli.WithName("oneseal"),
		cli.WithProfiles(profiles),
		cli.WithInterpolation(true),
		cli.WithResolvedPaths(true),
		cli.WithConsistency(true),
	)
	if err != nil {
		fail(err)
	}
	project, err := cli.ProjectFromOptions(context.Background(), options)
	if err != nil {
		fail(err)
	}
	out, err := project.MarshalJSON()
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(out)
	os.Stdout.Write([]byte("\n"))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
