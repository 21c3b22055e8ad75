package api

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"counterscam/internal/trust"
)

type principalKey struct{}

// principal is who makes the request: the token's user, or the public.
func principal(r *http.Request) trust.Principal {
	if p, ok := r.Context().Value(principalKey{}).(trust.Principal); ok {
		return p
	}
	return trust.Public(clientAddr(r))
}

// authenticated resolves the bearer token, if any, before h runs. A route
// for signed-in callers answers 401 without a valid token; on any route a
// token that is sent must be valid (a bad token is never silently read as
// the public).
func (s *Server) authenticated(a access, h handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		hdr := r.Header.Get("Authorization")
		if hdr == "" {
			if a == signedIn {
				return s.unauthorized(w)
			}
			return h(w, r)
		}
		scheme, token, ok := strings.Cut(hdr, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			return s.unauthorized(w)
		}
		p, err := s.trust.Authenticate(r.Context(), strings.TrimSpace(token), clientAddr(r))
		if err != nil {
			if errors.Is(err, trust.ErrUnauthorized) {
				return s.unauthorized(w)
			}
			return err
		}
		p.Purpose = r.Header.Get("X-Purpose")
		return h(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
	}
}

func (s *Server) unauthorized(w http.ResponseWriter) error {
	w.Header().Set("WWW-Authenticate", `Bearer realm="counterscam"`)
	return errorf(http.StatusUnauthorized, "sign in: send Authorization: Bearer TOKEN (counterscam token create)")
}
