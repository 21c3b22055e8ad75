// Package cli holds counterscam's subcommands, one file each. Every command
// owns its flags and help text and registers itself in commands.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// env is what a command sees of the world: its arguments and streams.
type env struct {
	ctx    context.Context
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand. run returns an error for a failure that the
// dispatcher prints; errExit carries a bare exit status.
type command struct {
	name    string
	summary string
	run     func(e *env) error
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// exitError asks Main to exit with a status without printing anything more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// usageError is a mistake in how the command was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Main runs the command line args and returns the process exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printHelp(stderr)
		return 2
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "-help" {
		name = "help"
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "counterscam: unknown command %q (run 'counterscam help')\n", args[0])
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := c.run(&env{ctx: ctx, args: args[1:], stdin: stdin, stdout: stdout, stderr: stderr})
	var ee exitError
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "counterscam %s: %s\n", c.name, ue.msg)
		return 2
	default:
		fmt.Fprintf(stderr, "counterscam %s: %v\n", c.name, err)
		return 1
	}
}

// newFlags returns a flag set for a command that writes its help to stderr.
func newFlags(e *env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: counterscam %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses e.args, letting flags and positional arguments mix.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "counterscam: intelligence, casework and public checks against scam compounds")
	fmt.Fprintln(w, "\nusage: counterscam COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'counterscam COMMAND -h' for a command's flags.")
}

func init() {
	register(&command{name: "help", summary: "show this help", run: func(e *env) error {
		if len(e.args) > 0 {
			if c, ok := commands[strings.TrimSpace(e.args[0])]; ok {
				return c.run(&env{ctx: e.ctx, args: []string{"-h"}, stdin: e.stdin, stdout: e.stdout, stderr: e.stdout})
			}
			return usageError{fmt.Sprintf("no command %q", e.args[0])}
		}
		printHelp(e.stdout)
		return nil
	}})
}
