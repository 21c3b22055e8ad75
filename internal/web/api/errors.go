package api

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// httpError is an error with what the client may see, kept apart from the
// cause that is logged.
type httpError struct {
	Code int    // HTTP status
	Msg  string // shown to the client
	Err  error  // logged, never shown
}

func (e *httpError) Error() string {
	if e.Err != nil {
		return e.Msg + ": " + e.Err.Error()
	}
	return e.Msg
}

func (e *httpError) Unwrap() error { return e.Err }

func errorf(code int, msg string) error { return &httpError{Code: code, Msg: msg} }

// handler is an HTTP handler that returns its error for one renderer to write.
type handler func(w http.ResponseWriter, r *http.Request) error

// writeError renders err: its public message for an httpError, a field
// error as 400, a missing record as 404, and anything else as a bare 500
// whose cause goes to the log only.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil && errors.Is(err, context.Canceled) {
		return // the client went away: nobody to answer, nothing went wrong
	}
	var he *httpError
	var fe *intel.FieldError
	code := ""
	switch {
	case errors.As(err, &he):
	case errors.As(err, &fe):
		he = &httpError{Code: http.StatusBadRequest, Msg: fe.Error()}
		if fe.Selector != nil {
			code = string(fe.Selector.Code)
		}
	case errors.Is(err, trust.ErrForbidden):
		he = &httpError{Code: http.StatusForbidden, Msg: "your role may not do this"}
	case errors.Is(err, trust.ErrUnauthorized):
		he = &httpError{Code: http.StatusUnauthorized, Msg: "sign in first"}
	case errors.Is(err, store.ErrNotFound):
		he = &httpError{Code: http.StatusNotFound, Msg: "not found"}
	case errors.Is(err, intel.ErrRefTaken):
		he = &httpError{Code: http.StatusConflict, Msg: err.Error()}
	case errors.Is(err, intel.ErrBadPrefix):
		he = &httpError{Code: http.StatusBadRequest, Msg: err.Error()}
	default:
		he = &httpError{Code: http.StatusInternalServerError, Msg: "internal error", Err: err}
	}
	if he.Code >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", he.Err)
	}
	body := map[string]string{"error": he.Msg}
	if code != "" {
		body["code"] = code // a selector's error code, beside its message
	}
	writeJSON(w, he.Code, body)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		slog.Debug("writing response", "err", err)
	}
}

// readJSON decodes a JSON body of at most limit bytes into v, refusing
// unknown fields and trailing data, with a message a client can act on.
func readJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	return decodeJSON(http.MaxBytesReader(w, r.Body, limit), limit, v)
}
