package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

func init() {
	register(&command{name: "org", summary: "add and list organisations (org add, org list)", run: runOrg})
	register(&command{name: "user", summary: "add, list, name, disable and enable users (user add, list, name, disable, enable)", run: runUser})
	register(&command{name: "token", summary: "create, list and revoke API tokens (token create, list, revoke)", run: runToken})
}

// trustService opens the store and the trust service for an operator at
// the console.
func (f *storeFlags) trust(e *env) (*trust.Service, store.Store, error) {
	st, err := f.open(e.ctx)
	if err != nil {
		return nil, nil, err
	}
	ts, err := trust.New(st, trust.Options{})
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return ts, st, nil
}

func subcommand(e *env, name string, subs ...string) (string, []string, error) {
	if len(e.args) == 0 {
		return "", nil, usageError{fmt.Sprintf("say what to do: %s %s", name, strings.Join(subs, " | "))}
	}
	for _, s := range subs {
		if e.args[0] == s {
			return s, e.args[1:], nil
		}
	}
	if e.args[0] == "-h" || e.args[0] == "--help" {
		return "", nil, usageError{fmt.Sprintf("usage: counterscam %s %s [flags]", name, strings.Join(subs, " | "))}
	}
	return "", nil, usageError{fmt.Sprintf("unknown %s subcommand %q (one of %s)", name, e.args[0], strings.Join(subs, ", "))}
}

func runOrg(e *env) error {
	sub, args, err := subcommand(e, "org", "add", "list")
	if err != nil {
		return err
	}
	fs := newFlags(e, "org "+sub, "org add --name NAME --country CC [--kind KIND] [--partners A,B] | org list")
	var sf storeFlags
	sf.register(fs)
	name := fs.String("name", "", "organisation name (unique)")
	country := fs.String("country", "", "ISO 3166-1 alpha-2 country")
	kind := fs.String("kind", "other", "police, embassy, prosecutor, ngo, bank, exchange, telecom or other")
	partners := fs.String("partners", "", "comma-separated names of organisations that may read what this one marks AMBER")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	ts, st, err := sf.trust(e)
	if err != nil {
		return err
	}
	defer st.Close()
	if sub == "list" {
		orgs, err := st.ListOrgs(e.ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tCOUNTRY\tKIND\tPARTNERS")
		for _, o := range orgs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", o.Name, o.Country, o.Kind, strings.Join(o.Partners, ","))
		}
		return tw.Flush()
	}
	var ps []string
	for _, p := range strings.Split(*partners, ",") {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	o, err := ts.AddOrg(e.ctx, trust.Operator(), *name, *country, *kind, ps)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "organisation %s (%s, %s) added\n", o.Name, o.Country, o.Kind)
	return nil
}

func runUser(e *env) error {
	sub, args, err := subcommand(e, "user", "add", "list", "name", "disable", "enable")
	if err != nil {
		return err
	}
	fs := newFlags(e, "user "+sub, "user add --org NAME --email EMAIL --role ROLE [--name NAME] --password-stdin | user list --org NAME | user name --email EMAIL --name NAME | user disable --email EMAIL | user enable --email EMAIL")
	var sf storeFlags
	sf.register(fs)
	org := fs.String("org", "", "organisation name")
	email := fs.String("email", "", "e-mail address (the sign-in name)")
	role := fs.String("role", "", "admin, analyst, case_officer, prosecutor, support_worker or partner")
	name := fs.String("name", "", "the name colleagues know the user by, shown where the user acted")
	pwStdin := fs.Bool("password-stdin", false, "read the password from standard input (first line)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	ts, st, err := sf.trust(e)
	if err != nil {
		return err
	}
	defer st.Close()
	if sub == "list" {
		users, err := st.ListUsers(e.ctx, *org)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "EMAIL\tNAME\tORG\tROLE\tSECOND FACTOR\tDISABLED")
		for _, u := range users {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%v\t%v\n", u.Email, u.Name, u.Org, u.Role, u.TOTPSecret != "", u.Disabled)
		}
		return tw.Flush()
	}
	if sub == "disable" || sub == "enable" {
		u, ended, err := ts.SetUserDisabled(e.ctx, trust.Operator(), *email, sub == "disable")
		if err != nil {
			return err
		}
		if u.Disabled {
			fmt.Fprintf(e.stdout, "user %s disabled: sign-in, sessions and API tokens refused; %d session(s) ended\n", u.Email, ended)
		} else {
			fmt.Fprintf(e.stdout, "user %s enabled\n", u.Email)
		}
		return nil
	}
	if sub == "name" {
		u, err := ts.SetUserName(e.ctx, trust.Operator(), *email, *name)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "user %s is named %q\n", u.Email, u.Name)
		return nil
	}
	if !*pwStdin {
		return usageError{"give the password on standard input with --password-stdin (never on the command line)"}
	}
	pw, err := readSecretLine(e.stdin)
	if err != nil {
		return err
	}
	u, err := ts.AddUser(e.ctx, trust.Operator(), *org, *email, *role, pw)
	if err != nil {
		return err
	}
	if *name != "" {
		if u, err = ts.SetUserName(e.ctx, trust.Operator(), u.Email, *name); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "user %s (%s, %s) added\n", u.Email, u.Org, u.Role)
	return nil
}

// readSecretLine reads the first line of r, without its line break.
func readSecretLine(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", err
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", usageError{"no password on standard input"}
	}
	return line, nil
}

func runToken(e *env) error {
	sub, args, err := subcommand(e, "token", "create", "list", "revoke")
	if err != nil {
		return err
	}
	fs := newFlags(e, "token "+sub, "token create --user EMAIL [--name NAME] [--expires 90d] | token list --user EMAIL | token revoke --id ID")
	var sf storeFlags
	sf.register(fs)
	user := fs.String("user", "", "e-mail of the user the token acts as")
	name := fs.String("name", "", "what the token is for")
	expires := fs.String("expires", "90d", "lifetime: a number of days (90d) or a Go duration (12h)")
	id := fs.String("id", "", "token ID (token revoke)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	ts, st, err := sf.trust(e)
	if err != nil {
		return err
	}
	defer st.Close()
	if sub == "list" {
		toks, err := ts.ListTokens(e.ctx, trust.Operator(), *user)
		if err != nil {
			return err
		}
		now := time.Now()
		tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tCREATED\tEXPIRES\tSTATE")
		for _, t := range toks {
			state := "active"
			switch {
			case !t.RevokedAt.IsZero():
				state = "revoked " + t.RevokedAt.Format(time.DateOnly)
			case !t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt):
				state = "expired"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.CreatedAt.Format(time.DateOnly), t.ExpiresAt.Format(time.DateOnly), state)
		}
		return tw.Flush()
	}
	if sub == "revoke" {
		if *id == "" {
			return usageError{"--id is required"}
		}
		if err := ts.RevokeToken(e.ctx, trust.Operator(), *id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "token %s revoked\n", *id)
		return nil
	}
	ttl, err := parseTTL(*expires)
	if err != nil {
		return usageError{"--expires: " + err.Error()}
	}
	plain, t, err := ts.CreateToken(e.ctx, trust.Operator(), *user, *name, ttl)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, plain)
	fmt.Fprintf(e.stderr, "token %s for %s expires %s; it is shown once: keep it now\n", t.ID, *user, t.ExpiresAt.Format(time.RFC3339))
	return nil
}

func parseTTL(s string) (time.Duration, error) {
	if strings.HasSuffix(s, "d") {
		var days int
		if _, err := fmt.Sscanf(s, "%dd", &days); err != nil || days <= 0 {
			return 0, fmt.Errorf("%q is not a number of days", s)
		}
		return time.Duration(days) * 24 * time.Hour, nil
	}
	return time.ParseDuration(s)
}

func init() {
	register(&command{name: "totp", summary: "give a user a TOTP second factor (prints the secret and its otpauth:// URI)", run: runTOTP})
}

func runTOTP(e *env) error {
	fs := newFlags(e, "totp", "totp --user EMAIL")
	var sf storeFlags
	sf.register(fs)
	user := fs.String("user", "", "e-mail of the user")
	if _, err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if *user == "" {
		return usageError{"--user is required"}
	}
	ts, st, err := sf.trust(e)
	if err != nil {
		return err
	}
	defer st.Close()
	secret, uri, err := ts.EnrolTOTP(e.ctx, trust.Operator(), *user)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "secret %s\n%s\n", secret, uri)
	fmt.Fprintln(e.stderr, "enter the secret (or the URI as a QR code) in an authenticator app; sign-in now asks for its code")
	return nil
}
