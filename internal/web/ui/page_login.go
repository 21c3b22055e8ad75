package ui

import (
	"errors"
	"net/http"
	"strings"

	"counterscam/internal/auth"
	"counterscam/internal/trust"
)

// loginData is the sign-in page.
type loginData struct {
	Email string
	Next  string
	Error *message
}

// safeNext keeps a return address only when it is a path on this site.
// It holds no control character: a browser drops tabs and newlines from a
// Location before reading it, so "/\t/evil.example" would take it to
// //evil.example.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.IndexFunc(next, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0 {
		return "/dashboard"
	}
	return next
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	next := safeNext(r.URL.Query().Get("next"))
	if c.sess != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
	return s.render(w, r, c, http.StatusOK, "login", "login", msg("login.title"), &loginData{Next: next})
}

// loginSubmit signs a member in: a new session (and so a new CSRF secret)
// at every sign-in, with the trust layer's back-off after failures.
func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d := &loginData{Email: strings.TrimSpace(r.PostFormValue("email")), Next: safeNext(r.PostFormValue("next"))}
	sess, err := s.trust.Login(r.Context(), d.Email, r.PostFormValue("password"), strings.TrimSpace(r.PostFormValue("code")), c.addr)
	var te *trust.ThrottledError
	switch {
	case errors.As(err, &te):
		e := msg("login.err.throttled", int(te.RetryAfter.Seconds())+1)
		d.Error = &e
		return s.render(w, r, c, http.StatusTooManyRequests, "login", "login", msg("login.title"), d)
	case errors.Is(err, trust.ErrUnauthorized):
		e := msg("login.err.wrong")
		d.Error = &e
		return s.render(w, r, c, http.StatusUnauthorized, "login", "login", msg("login.title"), d)
	case err != nil:
		return err
	}
	setSessionCookie(w, sess, c.secure)
	if d.Next == "/dashboard" {
		switch role := sess.Principal.Role; {
		case role == auth.RoleSupportWorker && s.cw != nil:
			// A shelter's worker has no intelligence dashboard: their work is the referrals.
			d.Next = "/referrals"
		case role == auth.RolePartner:
			// A bank's or telecom's screener reads no reports: of the
			// pages, theirs is the check.
			d.Next = "/"
		}
	}
	http.Redirect(w, r, d.Next, http.StatusSeeOther)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	if err := s.trust.Logout(r.Context(), c.sess.ID, c.sess.Principal); err != nil {
		return err
	}
	clearSessionCookie(w, c.secure)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}
