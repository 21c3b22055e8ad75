package ui

import (
	"counterscam/internal/web/proxy"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"

	"counterscam/internal/auth"
	"counterscam/internal/trust"
)

// handler serves one page and returns its error for one renderer to write.
type handler func(w http.ResponseWriter, r *http.Request, c *reqCtx) error

// reqCtx is what every handler knows about the request: the language, the
// session (nil for a visitor who is not signed in) and the CSRF secret
// that the forms of the page are bound to.
type reqCtx struct {
	lang   string
	sess   *trust.Session
	anon   []byte // a visitor's CSRF secret before sign-in (cookie)
	addr   string
	secure bool
}

// principal is who acts: the signed-in member, or the public.
func (c *reqCtx) principal() trust.Principal {
	if c.sess != nil {
		return c.sess.Principal
	}
	return trust.Public(c.addr)
}

// csrfSecret is the secret the page's forms are bound to: the session's
// once signed in, the visitor cookie's before.
func (c *reqCtx) csrfSecret() []byte {
	if c.sess != nil {
		return c.sess.CSRFSecret
	}
	return c.anon
}

// Body limits of forms.
const (
	maxFormBody   = 256 << 10
	maxImportBody = 512 << 20
)

// wrap runs h with the request's context, after the checks every page
// shares: security headers, language, session, and on every POST a body
// limit and the CSRF token. Errors and panics go to the one renderer.
func (s *Server) wrap(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hdr := w.Header()
		hdr.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
		hdr.Set("X-Content-Type-Options", "nosniff")
		hdr.Set("X-Frame-Options", "DENY")
		hdr.Set("Referrer-Policy", "same-origin")
		hdr.Set("Cache-Control", "no-store")
		c := &reqCtx{lang: s.chooseLang(w, r), addr: clientAddr(r), secure: r.TLS != nil || s.opts.SecureCookies}
		defer func() {
			if v := recover(); v != nil {
				s.renderError(w, r, c, fmt.Errorf("panic: %v", v))
			}
		}()
		if err := s.prepare(w, r, c); err != nil {
			s.renderError(w, r, c, err)
			return
		}
		if err := h(w, r, c); err != nil {
			s.renderError(w, r, c, err)
		}
	})
}

// prepare resolves the session and the visitor's CSRF cookie, and checks
// the body and CSRF token of a POST.
func (s *Server) prepare(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	if id := sessionCookieValue(r, c.secure); id != "" {
		sess, err := s.trust.SessionOf(r.Context(), id, c.addr)
		switch {
		case errors.Is(err, trust.ErrUnauthorized):
			clearSessionCookie(w, c.secure)
		case err != nil:
			return err
		default:
			c.sess = sess
		}
	}
	c.anon = visitorSecret(w, r, c.secure)
	if r.Method != http.MethodPost {
		return nil
	}
	limit := int64(maxFormBody)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		// Uploads are for members: nobody else gets a large body read.
		if c.sess == nil {
			return trust.ErrUnauthorized
		}
		limit = maxImportBody
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	var err error
	if mt == "multipart/form-data" {
		err = r.ParseMultipartForm(1 << 20) // larger files wait on disk
	} else {
		err = r.ParseForm()
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &pageError{Code: http.StatusRequestEntityTooLarge, Key: "error.too_large"}
	}
	if err != nil {
		return &pageError{Code: http.StatusBadRequest, Key: "error.bad_request", Err: err}
	}
	if !auth.VerifyCSRF(c.csrfSecret(), r.PostFormValue("csrf")) {
		return &pageError{Code: http.StatusForbidden, Key: "error.csrf"}
	}
	return nil
}

// member lets only signed-in members through; a visitor is sent to the
// sign-in page, and comes back after.
func (s *Server) member(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
		if c.sess == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return nil
			}
			return trust.ErrUnauthorized
		}
		return h(w, r, c)
	}
}

// clientAddr is the client's IP address: the connection's peer, which
// serve sets to the client's own behind a trusted proxy (--trusted-proxies).
func clientAddr(r *http.Request) string { return proxy.PeerAddr(r) }
