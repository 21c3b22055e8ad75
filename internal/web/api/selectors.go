package api

import (
	"net/http"

	"github.com/google/uuid"

	"counterscam/internal/store"
)

func (s *Server) getSelector(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, err := uuid.Parse(id); err != nil {
		return errorf(http.StatusNotFound, "not found")
	}
	v, err := s.svc.Selector(r.Context(), principal(r), id, 100)
	if err != nil {
		return err
	}
	reps := make([]map[string]any, len(v.Reports))
	for i, rep := range v.Reports {
		reps[i] = map[string]any{"id": rep.ID, "scam_type": rep.ScamType, "received_at": rep.ReceivedAt, "network_id": rep.NetworkID}
	}
	// The networks of every report the caller may read naming it, sorted;
	// report_list holds only the first 100 reports.
	nets := v.Stats.Networks
	if nets == nil {
		nets = []string{}
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id": v.ID, "kind": v.Kind, "value": v.Value, "display": v.Display, "region": v.Region, "subtype": v.Subtype,
		"first_seen": v.Stats.FirstSeen, "last_seen": v.Stats.LastSeen, "reports": v.Stats.Reports, "sources": v.Stats.Sources,
		"no_link": v.NoLink, "confirmed": v.Confirmed, "withdrawn": v.Withdrawn,
		"listed": v.Listed, "allowlisted": v.Allowlisted, "report_list": reps, "networks": nets,
	})
	return nil
}

type marksRequest struct {
	NoLink    *bool `json:"no_link,omitempty"`
	Confirmed *bool `json:"confirmed,omitempty"`
	Withdrawn *bool `json:"withdrawn,omitempty"`
}

func (s *Server) markSelector(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, err := uuid.Parse(id); err != nil {
		return errorf(http.StatusNotFound, "not found")
	}
	var req marksRequest
	if err := readJSON(w, r, maxCheckBody, &req); err != nil {
		return err
	}
	if req.NoLink == nil && req.Confirmed == nil && req.Withdrawn == nil {
		return errorf(http.StatusBadRequest, "send at least one of no_link, confirmed, withdrawn")
	}
	if err := s.svc.MarkSelector(r.Context(), principal(r), id, store.SelectorFlags{NoLink: req.NoLink, Confirmed: req.Confirmed, Withdrawn: req.Withdrawn}); err != nil {
		return err
	}
	return s.getSelector(w, r)
}
