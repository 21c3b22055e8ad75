package api

import (
	"net/http"
	"strconv"
	"strings"

	"counterscam/internal/intake"
	"counterscam/internal/intel"
)

type checkRequest struct {
	Query  string `json:"query"`
	Region string `json:"region,omitempty"` // ISO 3166-1 alpha-2 for national phone numbers
}

// maxQuery bounds one checked value; a longer one is no identifier.
const maxQuery = 2048

// validRegion reports whether s is empty or a country's ISO 3166-1
// alpha-2 code, in either case: "XX" names no country, and its digits
// would be answered as an account there.
func validRegion(s string) bool {
	return s == "" || intake.IsCountry(strings.ToUpper(s))
}

func (s *Server) check(w http.ResponseWriter, r *http.Request) error {
	var req checkRequest
	if err := readCheck(w, r, &req); err != nil {
		return err
	}
	if strings.TrimSpace(req.Query) == "" {
		return errorf(http.StatusBadRequest, "query: missing; send {\"query\": \"the number, account, wallet, site or handle\"}")
	}
	if len(req.Query) > maxQuery {
		return errorf(http.StatusBadRequest, "query: longer than 2048 bytes")
	}
	if !validRegion(req.Region) {
		return errorf(http.StatusBadRequest, "region: not an ISO 3166-1 alpha-2 code")
	}
	res, err := s.svc.Check(r.Context(), req.Query, strings.ToUpper(req.Region))
	if err != nil {
		return err
	}
	writeChecks(w, []*intel.CheckResult{res}, false)
	return nil
}

type batchRequest struct {
	Queries []string `json:"queries"`
	Region  string   `json:"region,omitempty"`
}

func (s *Server) checkBatch(w http.ResponseWriter, r *http.Request) error {
	var req batchRequest
	if err := readJSON(w, r, maxBatchBody, &req); err != nil {
		return err
	}
	if len(req.Queries) == 0 {
		return errorf(http.StatusBadRequest, "queries: missing; send {\"queries\": [\"value\", ...]}")
	}
	if len(req.Queries) > MaxBatch {
		return errorf(http.StatusRequestEntityTooLarge, "queries: more than 1000 values; split the list")
	}
	for i, q := range req.Queries {
		if len(q) > maxQuery {
			return errorf(http.StatusBadRequest, "queries["+strconv.Itoa(i)+"]: longer than 2048 bytes")
		}
	}
	if !validRegion(req.Region) {
		return errorf(http.StatusBadRequest, "region: not an ISO 3166-1 alpha-2 code")
	}
	res, err := s.svc.CheckBatch(r.Context(), principal(r), req.Queries, strings.ToUpper(req.Region))
	if err != nil {
		return err
	}
	writeChecks(w, res, true)
	return nil
}

func (s *Server) rangeCheck(w http.ResponseWriter, r *http.Request) error {
	lines, err := s.svc.Range(r.Context(), r.PathValue("prefix"))
	if err != nil {
		return err
	}
	b := make([]byte, 0, len(lines)*(64-intel.RangePrefixLen+8))
	for _, l := range lines {
		b = append(b, l.Suffix...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(l.Count), 10)
		b = append(b, "\r\n"...)
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, err = w.Write(b)
	return err
}
