// Command sqlexec runs the SQL script on standard input against a SQLite
// file through the driver counterscam's embedded store uses
// (modernc.org/sqlite, pure Go), as one Exec. bench/import/floor.sh runs
// the same script through it and through the C sqlite3 shell, so that the
// two times differ by the driver alone.
//
//	go run ./bench/import/sqlexec FILE < SCRIPT
package main

import (
	"database/sql"
	"fmt"
	"io"
	"os"

	_ "modernc.org/sqlite"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: sqlexec FILE < SCRIPT")
		os.Exit(2)
	}
	script, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sqlexec:", err)
		os.Exit(1)
	}
	db, err := sql.Open("sqlite", "file:"+os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "sqlexec:", err)
		os.Exit(1)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(string(script)); err != nil {
		fmt.Fprintln(os.Stderr, "sqlexec:", err)
		os.Exit(1)
	}
}
