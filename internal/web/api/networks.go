package api

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"counterscam/internal/intel"
	"counterscam/internal/store"
)

type networkJSON struct {
	ID        string    `json:"id"`
	Reports   int       `json:"reports"`
	Selectors int       `json:"selectors"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

func toNetworkJSON(n *store.Network) networkJSON {
	return networkJSON{ID: n.ID, Reports: n.Reports, Selectors: n.Selectors, FirstSeen: n.FirstSeen, LastSeen: n.LastSeen}
}

// networkFilter reads the list filters from the query string.
func networkFilter(r *http.Request) (store.NetworkFilter, error) {
	q := r.URL.Query()
	f := store.NetworkFilter{Scope: store.Scope{All: true}, ScamType: q.Get("scam_type"), VictimCountry: strings.ToUpper(q.Get("country")), After: q.Get("after"), Limit: 50}
	if f.ScamType != "" && !oneOf(f.ScamType, intel.ScamTypes) {
		return f, errorf(http.StatusBadRequest, "scam_type: not one of "+strings.Join(intel.ScamTypes, ", "))
	}
	if !validRegion(f.VictimCountry) {
		return f, errorf(http.StatusBadRequest, "country: not an ISO 3166-1 alpha-2 code")
	}
	for name, dst := range map[string]*time.Time{"since": &f.Since, "until": &f.Until} {
		if v := q.Get(name); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				// A date is a UTC day; until takes in the whole of it.
				if t, err = time.Parse(time.DateOnly, v); err != nil {
					return f, errorf(http.StatusBadRequest, name+": not an RFC 3339 time or a date (YYYY-MM-DD)")
				}
				if name == "until" {
					t = t.AddDate(0, 0, 1)
				}
			}
			*dst = t
		}
	}
	for name, dst := range map[string]*int{"min_reports": &f.MinReports, "limit": &f.Limit} {
		if v := q.Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > 1000 {
				return f, errorf(http.StatusBadRequest, name+": not a whole number from 0 to 1000")
			}
			*dst = n
		}
	}
	if f.Limit == 0 {
		f.Limit = 50
	}
	return f, nil
}

func oneOf(v string, set []string) bool {
	for _, s := range set {
		if s == v {
			return true
		}
	}
	return false
}

func (s *Server) listNetworks(w http.ResponseWriter, r *http.Request) error {
	f, err := networkFilter(r)
	if err != nil {
		return err
	}
	nets, err := s.svc.ListNetworks(r.Context(), principal(r), f)
	if errors.Is(err, store.ErrNotFound) && f.After != "" {
		return errorf(http.StatusBadRequest, "after: "+strconv.Quote(f.After)+" is not a network of this list; pass the next of the previous page")
	}
	if err != nil {
		return err
	}
	out := make([]networkJSON, len(nets))
	for i, n := range nets {
		out[i] = toNetworkJSON(n)
	}
	resp := map[string]any{"networks": out}
	if len(nets) == f.Limit && len(nets) > 0 {
		resp["next"] = nets[len(nets)-1].ID
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

func (s *Server) getNetwork(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	v, err := s.svc.Network(r.Context(), principal(r), id)
	if err != nil {
		return err
	}
	if v.ID != id {
		// The network merged into an older one: send the client there.
		http.Redirect(w, r, "/api/v1/networks/"+v.ID, http.StatusPermanentRedirect)
		return nil
	}
	key := make([]map[string]any, len(v.KeyInfrastructure))
	for i, k := range v.KeyInfrastructure {
		key[i] = map[string]any{"id": k.ID, "kind": k.Kind, "value": k.Value, "display": k.Display, "reports": k.Count}
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id": v.ID, "reports": v.Reports, "selectors": v.Selectors, "victims": v.Victims,
		"first_seen": v.FirstSeen, "last_seen": v.LastSeen, "losses": v.Losses,
		"scam_types": v.ScamTypes, "victim_countries": v.VictimCountries, "selectors_by_kind": v.SelectorsByKind,
		"key_infrastructure": key, "warnings": nonNil(v.Warnings),
	})
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
