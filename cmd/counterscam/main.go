// Command counterscam is the platform that partner countries run to take
// scam compounds apart together: intelligence, people, sharing and the public.
package main

import (
	"os"

	"counterscam/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
