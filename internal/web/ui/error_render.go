package ui

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// pageError is an error with what the person may see (a message key),
// kept apart from the cause, which is logged and never shown.
type pageError struct {
	Code int
	Key  string
	Args []any
	Err  error
}

func (e *pageError) Error() string {
	if e.Err != nil {
		return e.Key + ": " + e.Err.Error()
	}
	return e.Key
}

func (e *pageError) Unwrap() error { return e.Err }

var errNotFound = &pageError{Code: http.StatusNotFound, Key: "error.not_found"}

// errorData is the error page's content.
type errorData struct {
	Code    int
	Message message
	SignIn  bool
}

// renderError is the one place errors become pages: a known error gets
// its status and a message the person can act on; anything else is a bare
// 500 whose cause goes to the log only.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, c *reqCtx, err error) {
	var pe *pageError
	var te *trust.ThrottledError
	var fe *intel.FieldError
	switch {
	case errors.As(err, &pe):
	case errors.As(err, &te):
		secs := int(te.RetryAfter.Seconds()) + 1
		pe = &pageError{Code: http.StatusTooManyRequests, Key: "error.throttled", Args: []any{secs}}
	case errors.Is(err, trust.ErrUnauthorized):
		pe = &pageError{Code: http.StatusUnauthorized, Key: "error.sign_in"}
	case errors.Is(err, trust.ErrForbidden):
		pe = &pageError{Code: http.StatusForbidden, Key: "error.forbidden"}
	case errors.Is(err, store.ErrNotFound):
		pe = errNotFound
	case errors.As(err, &fe):
		pe = &pageError{Code: http.StatusBadRequest, Key: "error.bad_request"}
	default:
		pe = &pageError{Code: http.StatusInternalServerError, Key: "error.internal", Err: err}
	}
	if pe.Code == http.StatusTooManyRequests && len(pe.Args) == 1 {
		w.Header().Set("Retry-After", fmt.Sprint(pe.Args[0]))
	}
	if pe.Code >= 500 {
		s.log.Error("page failed", "method", r.Method, "path", r.URL.Path, "err", pe.Err)
	}
	data := errorData{Code: pe.Code, Message: msg(pe.Key, pe.Args...), SignIn: pe.Code == http.StatusUnauthorized}
	if rerr := s.render(w, r, c, pe.Code, "error", "", msg("error.title", pe.Code), data); rerr != nil {
		s.log.Error("rendering the error page", "err", rerr)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(pe.Code)
		w.Write([]byte(strconv.Itoa(pe.Code) + " " + http.StatusText(pe.Code) + "\n"))
	}
}
