package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"counterscam/internal/demo"
)

// demoArrestList is the file the demo writes the partner police's arrest
// list to, in its data directory, for an officer to upload on /reconcile.
const demoArrestList = "arrest-list-cnp.csv"

// printRepatriation writes the consular scene's arrest list into the demo's
// data directory and says where to see the repatriation pages and commands.
func printRepatriation(e *env, cs *demo.ConsularScene, dir, addr string) error {
	list := filepath.Join(dir, demoArrestList)
	if err := os.WriteFile(list, []byte(cs.ArrestList), 0o640); err != nil {
		return err
	}
	base := "http://" + addr
	fmt.Fprintf(e.stdout, "\nrepatriation (sign in as consul@mofa-kh.demo; the dossiers as prosecutor@spo.demo):\n")
	fmt.Fprintf(e.stdout, "  %s/flights/%s   the charter's manifest (counterscam manifest --data %s KE9680)\n", base, cs.CharterID, dir)
	fmt.Fprintf(e.stdout, "  %s/reconcile   upload %s under a partner name other than CNP to see it before the officers' decisions\n", base, list)
	fmt.Fprintf(e.stdout, "  counterscam triage --data %s   the missing-person reports waiting for triage\n", dir)
	return nil
}
