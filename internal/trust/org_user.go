package trust

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"unicode"

	"counterscam/internal/auth"
	"counterscam/internal/store"
)

// OrgKinds are the kinds of organisation.
var OrgKinds = []string{"police", "embassy", "prosecutor", "ngo", "bank", "exchange", "telecom", "other"}

// InputError says which input is wrong and why.
type InputError struct{ Field, Reason string }

func (e *InputError) Error() string { return e.Field + ": " + e.Reason }

// AddOrg creates an organisation; partners (names of organisations already
// here) may read what it marks AMBER.
func (s *Service) AddOrg(ctx context.Context, p Principal, name, country, kind string, partners []string) (*store.Org, error) {
	if !p.Can(auth.ActionManageOrg) {
		return nil, ErrForbidden
	}
	name = strings.TrimSpace(name)
	country = strings.ToUpper(strings.TrimSpace(country))
	if name == "" || len(name) > 100 || strings.ContainsAny(name, "\t\r\n") {
		return nil, &InputError{"name", "give a name of 1 to 100 characters on one line"}
	}
	if len(country) != 2 || strings.Trim(country, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return nil, &InputError{"country", fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 code", country)}
	}
	if kind == "" {
		kind = "other"
	}
	if !contains(OrgKinds, kind) {
		return nil, &InputError{"kind", "one of " + strings.Join(OrgKinds, ", ")}
	}
	o := &store.Org{ID: s.newID(), Name: name, Country: country, Kind: kind, CreatedAt: s.now().UTC()}
	err := s.st.Update(ctx, func(w store.Writer) error {
		for _, pn := range partners {
			if _, err := w.GetOrg(ctx, pn); err != nil {
				if errors.Is(err, store.ErrNotFound) {
					return &InputError{"partners", fmt.Sprintf("no organisation named %q", pn)}
				}
				return err
			}
		}
		if err := w.PutOrg(ctx, o); err != nil {
			if errors.Is(err, store.ErrConflict) {
				return &InputError{"name", fmt.Sprintf("an organisation named %q exists", name)}
			}
			return err
		}
		if len(partners) > 0 {
			if err := w.SetPartners(ctx, name, partners); err != nil {
				return err
			}
			o.Partners = partners
		}
		return Record(ctx, w, p, s.now(), "create", "org", o.ID, "allow")
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// AddUser creates a user of an organisation with a role and a password.
func (s *Service) AddUser(ctx context.Context, p Principal, org, email, role, password string) (*store.User, error) {
	if !p.Can(auth.ActionManageUsers) {
		return nil, ErrForbidden
	}
	email = normEmail(email)
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email || len(email) > 254 {
		return nil, &InputError{"email", fmt.Sprintf("%q is not an e-mail address", email)}
	}
	r, err := auth.ParseRole(role)
	if err != nil || r == auth.RolePublic {
		return nil, &InputError{"role", "one of admin, analyst, case_officer, prosecutor, support_worker, partner"}
	}
	if err := auth.CheckPasswordPolicy(password); err != nil {
		return nil, &InputError{"password", err.Error()}
	}
	hash, err := s.params.Hash(password)
	if err != nil {
		return nil, err
	}
	u := &store.User{ID: s.newID(), Org: org, Email: email, Role: string(r), PasswordHash: hash, CreatedAt: s.now().UTC()}
	err = s.st.Update(ctx, func(w store.Writer) error {
		if _, err := w.GetOrg(ctx, org); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return &InputError{"org", fmt.Sprintf("no organisation named %q (add it with counterscam org add)", org)}
			}
			return err
		}
		if err := w.PutUser(ctx, u); err != nil {
			if errors.Is(err, store.ErrConflict) {
				return &InputError{"email", fmt.Sprintf("a user %s exists", email)}
			}
			return err
		}
		return Record(ctx, w, p, s.now(), "create", "user", u.ID, "allow")
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

func contains(set []string, v string) bool {
	for _, s := range set {
		if s == v {
			return true
		}
	}
	return false
}

// SetPartners names the organisations that may read what org marks AMBER.
func (s *Service) SetPartners(ctx context.Context, p Principal, org string, partners []string) error {
	if !p.Can(auth.ActionManageOrg) || (!p.IsOperator() && p.Org != org) {
		return ErrForbidden
	}
	return s.st.Update(ctx, func(w store.Writer) error {
		for _, pn := range append([]string{org}, partners...) {
			if _, err := w.GetOrg(ctx, pn); err != nil {
				if errors.Is(err, store.ErrNotFound) {
					return &InputError{"partners", fmt.Sprintf("no organisation named %q", pn)}
				}
				return err
			}
		}
		if err := w.SetPartners(ctx, org, partners); err != nil {
			return err
		}
		return Record(ctx, w, p, s.now(), "update", "org", org, "allow")
	})
}

// userByEmail reads the user of an e-mail address, in any case; an
// unknown one is an InputError on "email".
func userByEmail(ctx context.Context, w store.Writer, email string) (*store.User, error) {
	u, err := w.GetUserByEmail(ctx, normEmail(email))
	if errors.Is(err, store.ErrNotFound) {
		return nil, &InputError{"email", "no user " + normEmail(email)}
	}
	return u, err
}

// SetUserDisabled disables a user (an officer who left, a lost laptop):
// their sign-ins, sessions and API tokens stop working at once, and their
// sessions are deleted, so enabling them again later does not bring an old
// session back; or enables a disabled user again (their tokens, unless
// revoked or expired, work again). It returns the user and how many
// sessions were ended. The change is audited.
func (s *Service) SetUserDisabled(ctx context.Context, p Principal, email string, disabled bool) (*store.User, int, error) {
	if !p.Can(auth.ActionManageUsers) {
		return nil, 0, ErrForbidden
	}
	var (
		u     *store.User
		ended int
	)
	err := s.st.Update(ctx, func(w store.Writer) error {
		var err error
		if u, err = userByEmail(ctx, w, email); err != nil {
			return err
		}
		u.Disabled = disabled
		if err := w.UpdateUser(ctx, u); err != nil {
			return err
		}
		action := "enable"
		if disabled {
			action = "disable"
			if ended, err = w.DeleteUserSessions(ctx, u.ID); err != nil {
				return err
			}
		}
		return Record(ctx, w, p, s.now(), action, "user", u.ID, "allow")
	})
	if err != nil {
		return nil, 0, err
	}
	return u, ended, nil
}

// SetUserName sets the name a user's colleagues know them by, which the
// pages show where the user acted (a case's timeline); "" clears it.
func (s *Service) SetUserName(ctx context.Context, p Principal, email, name string) (*store.User, error) {
	if !p.Can(auth.ActionManageUsers) {
		return nil, ErrForbidden
	}
	name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '\t' }), " ")
	if len([]rune(name)) > 100 || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return nil, &InputError{"name", "give a name of at most 100 characters on one line"}
	}
	var u *store.User
	err := s.st.Update(ctx, func(w store.Writer) error {
		var err error
		if u, err = userByEmail(ctx, w, email); err != nil {
			return err
		}
		u.Name = name
		if err := w.UpdateUser(ctx, u); err != nil {
			return err
		}
		return Record(ctx, w, p, s.now(), "update", "user", u.ID, "allow")
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}
