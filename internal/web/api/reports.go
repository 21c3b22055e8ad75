package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/misp"
	"counterscam/internal/stix"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

type lossJSON struct {
	AmountMinor int64  `json:"amount_minor"`
	Currency    string `json:"currency"`
}

type reportSelectorJSON struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Value   string `json:"value"`
	Display string `json:"display"`
	Role    string `json:"role"`
	Source  string `json:"source"`
}

type reportJSON struct {
	ID            string               `json:"id"`
	Origin        string               `json:"origin"`
	ExternalRef   string               `json:"external_ref,omitempty"`
	Channel       string               `json:"channel"`
	ReceivedAt    time.Time            `json:"received_at"`
	OccurredAt    *time.Time           `json:"occurred_at,omitempty"`
	ScamType      string               `json:"scam_type"`
	Narrative     string               `json:"narrative"`
	VictimCountry string               `json:"victim_country,omitempty"`
	TLP           string               `json:"tlp"`
	PAP           string               `json:"pap,omitempty"`
	LegalBasis    string               `json:"legal_basis,omitempty"`
	Purpose       string               `json:"purpose,omitempty"`
	NetworkID     string               `json:"network_id,omitempty"`
	Losses        []lossJSON           `json:"losses"`
	Selectors     []reportSelectorJSON `json:"selectors"`
}

func toReportJSON(r *store.Report) reportJSON {
	out := reportJSON{
		ID: r.ID, Origin: r.Origin, ExternalRef: r.ExternalRef, Channel: r.Channel, ReceivedAt: r.ReceivedAt,
		ScamType: r.ScamType, Narrative: r.Narrative, VictimCountry: r.VictimCountry, TLP: r.TLP, NetworkID: r.NetworkID,
		PAP: r.PAP, LegalBasis: r.LegalBasis, Purpose: r.Purpose,
		Losses: []lossJSON{}, Selectors: []reportSelectorJSON{},
	}
	if !r.OccurredAt.IsZero() {
		t := r.OccurredAt
		out.OccurredAt = &t
	}
	for _, l := range r.Losses {
		out.Losses = append(out.Losses, lossJSON{AmountMinor: l.AmountMinor, Currency: l.Currency})
	}
	for _, s := range r.Selectors {
		out.Selectors = append(out.Selectors, reportSelectorJSON{ID: s.SelectorID, Kind: s.Kind, Value: s.Value, Display: s.Display, Role: s.Role, Source: s.Source})
	}
	return out
}

func (s *Server) getReport(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.svc.GetReport(r.Context(), principal(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toReportJSON(rep))
	return nil
}

// createReport takes one report as a JSON object with the import layout's
// keys (read by the same code as `counterscam import`), plus tlp.
func (s *Server) createReport(w http.ResponseWriter, r *http.Request) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxReportBody))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errorf(http.StatusRequestEntityTooLarge, "request body larger than the limit of "+formatBytes(maxReportBody))
	}
	if err != nil {
		return errorf(http.StatusBadRequest, "reading the body: "+err.Error())
	}
	// The import reader takes one JSON object a line: fold a pretty-printed
	// body onto one line first.
	var line bytes.Buffer
	if err := json.Compact(&line, body); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return errorf(http.StatusBadRequest, "malformed JSON at byte "+itoa(se.Offset))
		}
		return errorf(http.StatusBadRequest, "malformed JSON")
	}
	if line.Len() == 0 || line.Bytes()[0] != '{' {
		return errorf(http.StatusBadRequest, "send one report as one JSON object")
	}
	// The report's origin is the caller's organisation (CreateReport sets
	// it whatever the body says), so a body may leave it out.
	p := principal(r)
	rd, err := intake.NewReader("request", &line, intake.JSONL, &intake.Mapping{Defaults: map[string]string{"origin": p.Org}})
	if err != nil {
		return errorf(http.StatusBadRequest, err.Error())
	}
	rec, err := rd.Next()
	var re *intake.RowError
	switch {
	case errors.As(err, &re):
		msg := re.Reason
		if re.Field != "" {
			msg = re.Field + ": " + re.Reason
		}
		return errorf(http.StatusBadRequest, msg)
	case errors.Is(err, io.EOF):
		return errorf(http.StatusBadRequest, "empty body: send one report as a JSON object")
	case err != nil:
		return errorf(http.StatusBadRequest, err.Error())
	}
	if _, err := rd.Next(); !errors.Is(err, io.EOF) {
		return errorf(http.StatusBadRequest, "send one report as one JSON object; use counterscam import for many")
	}
	in := rec.Input()
	in.Channel = "api"
	rep, inserted, err := s.svc.CreateReport(r.Context(), p, in)
	if err != nil {
		return err
	}
	code := http.StatusCreated
	if !inserted {
		code = http.StatusOK
	}
	writeJSON(w, code, map[string]any{"id": rep.ID, "network_id": rep.NetworkID, "created": inserted, "selectors": len(rep.Selectors)})
	return nil
}

// reportFilter reads the list filters of the query string.
func reportFilter(r *http.Request) (store.ReportFilter, error) {
	q := r.URL.Query()
	f := store.ReportFilter{NetworkID: q.Get("network_id"), SelectorID: q.Get("selector_id"), After: q.Get("after"), Limit: 100}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			return f, errorf(http.StatusBadRequest, "limit: a whole number from 1 to 1000")
		}
		f.Limit = n
	}
	return f, nil
}

// searchReports lists the reports the caller may read: ?q= finds text in
// narratives and selectors; network_id, selector_id, after and limit narrow
// and page the list.
func (s *Server) searchReports(w http.ResponseWriter, r *http.Request) error {
	f, err := reportFilter(r)
	if err != nil {
		return err
	}
	reps, err := s.svc.Search(r.Context(), principal(r), r.URL.Query().Get("q"), f)
	if err != nil {
		return err
	}
	out := make([]reportJSON, len(reps))
	for i, rep := range reps {
		out[i] = toReportJSON(rep)
	}
	resp := map[string]any{"reports": out}
	if len(reps) == f.Limit {
		resp["next"] = reps[len(reps)-1].ID
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// exportReports streams every report the caller may read as JSON Lines,
// up to max_tlp when it is given (every label when not).
func (s *Server) exportReports(w http.ResponseWriter, r *http.Request) error {
	f, err := reportFilter(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	enc := json.NewEncoder(w)
	started := false
	_, err = s.svc.ExportAs(r.Context(), principal(r), "JSON Lines", maxTLPParam(r), f, func(rep *store.Report) error {
		started = true
		return enc.Encode(toReportJSON(rep))
	})
	if err != nil && started {
		// The status is sent: end the stream; the client sees it cut short.
		s.log.Error("export cut short", "err", err)
		return nil
	}
	return err
}

// stixDefaultTLP is the most restrictive label a STIX bundle or a MISP
// event holds unless the caller asks for more: both are made to be loaded
// into another platform, and AMBER+STRICT and RED reports may not leave the organisation
// or their named recipients. Asking max_tlp=RED is a deliberate act, and
// the audit entry records it.
const stixDefaultTLP = "AMBER"

// exportSTIX streams every report the caller may read, and the selectors
// they name, as a STIX 2.1 bundle (audited as an export); network_id and
// selector_id narrow it as they narrow the JSON Lines export, and max_tlp
// leaves out reports marked more restrictively than that label.
func (s *Server) exportSTIX(w http.ResponseWriter, r *http.Request) error {
	marks, err := s.svc.ExportMarks(r.Context())
	if err != nil {
		return err
	}
	return s.exportFormat(w, r, "STIX 2.1", func(p trust.Principal, _ store.ReportFilter, _ string) intel.ReportWriter {
		w.Header().Set("Content-Type", stix.MediaType)
		w.Header().Set("Content-Disposition", `attachment; filename="counterscam-stix.json"`)
		return stix.NewWriter(w, p.Org, marks)
	})
}

// exportMISP streams the same reports and selectors as exportSTIX, under
// the same parameters and rules, as one MISP event (audited as an export).
func (s *Server) exportMISP(w http.ResponseWriter, r *http.Request) error {
	marks, err := s.svc.ExportMarks(r.Context())
	if err != nil {
		return err
	}
	return s.exportFormat(w, r, "MISP", func(p trust.Principal, f store.ReportFilter, maxTLP string) intel.ReportWriter {
		w.Header().Set("Content-Type", misp.MediaType)
		w.Header().Set("Content-Disposition", `attachment; filename="counterscam-misp.json"`)
		return misp.NewWriter(w, misp.Options{Producer: p.Org, NetworkID: f.NetworkID, SelectorID: f.SelectorID, MaxTLP: maxTLP, Marks: marks})
	})
}

// maxTLPParam is the label max_tlp names, in any case, with or without
// "TLP:". A "+" typed as it is in a URL's query (max_tlp=AMBER+STRICT, as a
// person writes it) arrives as a space, and is read as the "+" it was.
func maxTLPParam(r *http.Request) string {
	v := strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(r.URL.Query().Get("max_tlp"))), "TLP:")
	return strings.Join(strings.Fields(v), "+")
}

// exportFormat streams the reports the caller may read, narrowed by
// network_id and selector_id and up to max_tlp (stixDefaultTLP when not
// given), into the writer open makes once the answer is known to be 200.
func (s *Server) exportFormat(w http.ResponseWriter, r *http.Request, format string, open func(trust.Principal, store.ReportFilter, string) intel.ReportWriter) error {
	f, err := reportFilter(r)
	if err != nil {
		return err
	}
	p := principal(r)
	maxTLP := maxTLPParam(r)
	if maxTLP == "" {
		maxTLP = stixDefaultTLP
	}
	opened, err := s.svc.ExportInto(r.Context(), p, format, maxTLP, f, func() intel.ReportWriter { return open(p, f, maxTLP) })
	if err != nil && opened {
		// The status is sent: end the stream; the client sees it cut short.
		s.log.Error(format+" export cut short", "err", err)
		return nil
	}
	return err
}
