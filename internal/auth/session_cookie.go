package auth

import (
	"net/http"
	"time"
)

// SessionCookie returns the cookie that carries a session ID: HttpOnly
// (scripts on the page cannot read it), Path=/, Secure when secure is
// true (always, except plain-HTTP development on localhost), and
// SameSite=Lax.
//
// Lax rather than Strict: Strict would drop the cookie when a person
// follows a link to counterscam from mail or a chat message (how partner
// units pass case links), so they would land signed out. Lax still keeps
// the cookie off cross-site POSTs, and every state change also needs a
// CSRF token; GET handlers change nothing.
//
// maxAge > 0 sets Max-Age (rounded up to whole seconds); maxAge == 0 makes
// a browser-session cookie; maxAge < 0 returns a cookie that deletes name
// (empty value, Max-Age=0 on the wire).
//
// With secure set, a name starting with "__Host-" (e.g. "__Host-cs_session")
// makes the browser refuse the cookie from subdomains and over HTTP; it
// needs Secure, Path=/ and no Domain, which this cookie has.
func SessionCookie(name, value string, maxAge time.Duration, secure bool) *http.Cookie {
	c := &http.Cookie{
		Name:     name,
		Value:    value,
		Path:     "/",
		HttpOnly: true,
		Secure:   secure,
		SameSite: http.SameSiteLaxMode,
	}
	switch {
	case maxAge < 0:
		c.Value = ""
		c.MaxAge = -1
	case maxAge > 0:
		c.MaxAge = int((maxAge + time.Second - 1) / time.Second)
	}
	return c
}
