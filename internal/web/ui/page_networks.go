package ui

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"counterscam/internal/intel"
	"counterscam/internal/store"
)

// Network list sizes: how many the store is asked for (the list is
// sorted and paged from those), and shown a page.
var networksFetch = 1000

const networksPage = 50

// networkSorts are the orders the list offers.
var networkSorts = []string{"reports", "selectors", "last_seen", "first_seen"}

// networksData is the network list with its filters as typed.
type networksData struct {
	ScamType, Country, Since, Until, Min, Sort string
	ScamTypes, Regions, Sorts                  []string
	Networks                                   []*store.Network
	Total, Page, Pages                         int
	PrevURL, NextURL                           string
	Capped                                     bool // more match than Total, the largest networks listed
	Errors                                     map[string]*message
}

// networksPage lists the networks the member may see, filtered by scam
// type, victims' country, period and size, in the order chosen.
func (s *Server) networksPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	q := r.URL.Query()
	d := &networksData{ScamType: q.Get("scam_type"), Country: strings.ToUpper(q.Get("country")), Since: q.Get("since"),
		Until: q.Get("until"), Min: q.Get("min"), Sort: q.Get("sort"),
		ScamTypes: intel.ScamTypes, Regions: regions, Sorts: networkSorts, Errors: map[string]*message{}}
	f := store.NetworkFilter{Limit: networksFetch + 1}
	if d.ScamType != "" && !oneOfStr(d.ScamType, intel.ScamTypes) {
		d.Errors["scam_type"] = ptr(msg("nets.err.scam_type"))
	} else {
		f.ScamType = d.ScamType
	}
	if d.Country != "" && !knownRegion(d.Country) {
		d.Errors["country"] = ptr(msg("nets.err.country"))
	} else {
		f.VictimCountry = d.Country
	}
	for _, x := range []struct {
		v   string
		dst *time.Time
		key string
		end bool
	}{{d.Since, &f.Since, "since", false}, {d.Until, &f.Until, "until", true}} {
		if x.v == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", x.v)
		if err != nil {
			d.Errors[x.key] = ptr(msg("nets.err.date"))
			continue
		}
		if x.end {
			t = t.Add(24*time.Hour - time.Nanosecond)
		}
		*x.dst = t
	}
	if d.Min != "" {
		n, err := strconv.Atoi(d.Min)
		if err != nil || n < 0 || n > 100000 {
			d.Errors["min"] = ptr(msg("nets.err.min"))
		} else {
			f.MinReports = n
		}
	}
	if !oneOfStr(d.Sort, networkSorts) {
		d.Sort = "reports"
	}
	nets, err := s.svc.ListNetworks(r.Context(), c.principal(), f)
	if err != nil {
		return err
	}
	if len(nets) > networksFetch {
		// More match than the list holds: say so rather than give a
		// count and pages that stop at the cut.
		nets, d.Capped = nets[:networksFetch], true
	}
	sortNetworks(nets, d.Sort)
	d.Total = len(nets)
	d.Pages = max(1, (len(nets)+networksPage-1)/networksPage)
	d.Page, _ = strconv.Atoi(q.Get("page"))
	d.Page = min(max(d.Page, 1), d.Pages)
	lo := (d.Page - 1) * networksPage
	d.Networks = nets[lo:min(lo+networksPage, len(nets))]
	if d.Page > 1 {
		d.PrevURL = pageURL(r.URL, d.Page-1)
	}
	if d.Page < d.Pages {
		d.NextURL = pageURL(r.URL, d.Page+1)
	}
	return s.render(w, r, c, http.StatusOK, "networks", "networks", msg("nets.title"), d)
}

// sortNetworks orders the list for display; the store gives largest first.
func sortNetworks(nets []*store.Network, by string) {
	key := func(n *store.Network) int64 {
		switch by {
		case "selectors":
			return int64(n.Selectors)
		case "last_seen":
			return n.LastSeen.Unix()
		case "first_seen":
			return -n.FirstSeen.Unix()
		}
		return int64(n.Reports)
	}
	sort.SliceStable(nets, func(i, j int) bool { return key(nets[i]) > key(nets[j]) })
}

func pageURL(u *url.URL, page int) string {
	q := u.Query()
	q.Set("page", strconv.Itoa(page))
	q.Del("lang")
	return u.Path + "?" + q.Encode()
}
