package ui

import (
	"encoding/hex"
	"net/http"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/trust"
)

// Cookie names. Over TLS the session and visitor cookies take the __Host-
// prefix, so a browser refuses them from subdomains and over plain HTTP.
const (
	sessionCookieSecure = "__Host-cs_session"
	sessionCookiePlain  = "cs_session"
	visitorCookieSecure = "__Host-cs_visitor"
	visitorCookiePlain  = "cs_visitor"
	langCookie          = "cs_lang"
)

func sessionCookieName(secure bool) string {
	if secure {
		return sessionCookieSecure
	}
	return sessionCookiePlain
}

// sessionCookieValue is the session ID the request carries, if any, in
// the cookie of its kind of request only: over TLS the __Host- one, which
// a browser takes from this host over TLS alone. A plain cs_session
// cookie could be planted by whoever answers the browser over plain HTTP
// or runs a sibling subdomain, and would sign the visitor in as them.
func sessionCookieValue(r *http.Request, secure bool) string {
	if ck, err := r.Cookie(sessionCookieName(secure)); err == nil && ck.Value != "" {
		return ck.Value
	}
	return ""
}

// setSessionCookie hands the browser a new session: HttpOnly, SameSite=Lax,
// Secure when the request came over TLS (auth.SessionCookie).
func setSessionCookie(w http.ResponseWriter, sess *trust.Session, secure bool) {
	http.SetCookie(w, auth.SessionCookie(sessionCookieName(secure), sess.ID, time.Until(sess.ExpiresAt), secure))
}

func clearSessionCookie(w http.ResponseWriter, secure bool) {
	http.SetCookie(w, auth.SessionCookie(sessionCookieName(secure), "", -1, secure))
}

// visitorSecret returns the CSRF secret of a visitor who is not signed in
// (the login and public report forms are bound to it), creating the cookie
// that carries it when missing. It holds no identity and expires with the
// browser session.
func visitorSecret(w http.ResponseWriter, r *http.Request, secure bool) []byte {
	// Over TLS the __Host- name: a plain cs_visitor cookie can be planted
	// by another host, which would then know the secret.
	name := visitorCookiePlain
	if secure {
		name = visitorCookieSecure
	}
	if ck, err := r.Cookie(name); err == nil {
		if b, err := hex.DecodeString(ck.Value); err == nil && len(b) == 32 {
			return b
		}
	}
	secret := auth.NewCSRFSecret()
	http.SetCookie(w, auth.SessionCookie(name, hex.EncodeToString(secret), 0, secure))
	return secret
}
