package ui

import (
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/intel"
	"counterscam/internal/misp"
	"counterscam/internal/stix"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// How much of a network the page lists; the graph holds it all.
const (
	networkReportsShown   = 200
	networkSelectorsShown = 500
	graphKeyNodes         = 5 // the most-named selectors, highlighted
)

// networkData is one network's page.
type networkData struct {
	V             *intel.NetworkView
	Reports       []*store.Report // newest first
	MoreReports   int
	Key           []selectorRow // the key infrastructure, ranked
	Selectors     []selectorRow // the graph's selectors, most-named first: the graph as a table
	MoreSelectors int
	Truncated     bool
	Timeline      *timeline
	Nodes         int    // what the graph will draw: reports and linking selectors
	Merged        string // the ID the member followed, of a network that merged into this one
	CanExport     bool
}

// selectorRow is a selector in one of the network page's tables, with
// what the graph marks on it.
type selectorRow struct {
	store.SelectorCount
	Warn   bool // named by far more reports than the rest
	Shared bool // on the allow-list: shown, links nothing
}

func selectorRows(list []store.SelectorCount, warned, shared map[string]bool) []selectorRow {
	rows := make([]selectorRow, len(list))
	for i, sc := range list {
		rows[i] = selectorRow{SelectorCount: sc, Warn: warned[sc.ID], Shared: shared[sc.ID]}
	}
	return rows
}

// networkPage shows a network: its numbers, losses, timeline, graph, key
// infrastructure and reports, all over what the member may see.
func (s *Server) networkPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	v, err := s.svc.Network(r.Context(), c.principal(), id)
	if err != nil {
		return err
	}
	if v.ID != id {
		// The network merged into an older one: go there, and say so, so
		// that a link kept in a case file does not seem to lead elsewhere.
		http.Redirect(w, r, "/networks/"+v.ID+"?merged="+url.QueryEscape(id), http.StatusSeeOther)
		return nil
	}
	merged := r.URL.Query().Get("merged")
	if merged != "" {
		// Said only when true: the ID must lead to this network.
		if m, err := s.svc.Network(r.Context(), c.principal(), merged); err != nil || m.ID != v.ID || merged == v.ID {
			merged = ""
		}
	}
	g, err := s.svc.NetworkGraph(r.Context(), c.principal(), v.ID)
	if err != nil {
		return err
	}
	d := &networkData{V: v, Merged: merged, CanExport: c.principal().Can(auth.ActionExport), Truncated: g.Truncated, Nodes: len(g.Reports) + len(g.Selectors)}
	warned := map[string]bool{}
	for _, wn := range v.Warnings {
		warned[wn.SelectorID] = true
	}
	d.Key = selectorRows(v.KeyInfrastructure, warned, g.Allowlisted)
	sels := g.Selectors
	if len(sels) > networkSelectorsShown {
		d.MoreSelectors = len(sels) - networkSelectorsShown
		sels = sels[:networkSelectorsShown]
	}
	d.Selectors = selectorRows(sels, warned, g.Allowlisted)
	reps := append([]*store.Report(nil), g.Reports...)
	sort.Slice(reps, func(i, j int) bool { return reps[i].ID > reps[j].ID })
	if len(reps) > networkReportsShown {
		d.MoreReports = len(reps) - networkReportsShown
		reps = reps[:networkReportsShown]
	}
	d.Reports = reps
	d.Timeline = buildTimeline(g.Reports)
	return s.render(w, r, c, http.StatusOK, "network", "networks", msg("net.title", v.ID), d)
}

// graphNode and graphEdge are the graph's JSON, as graph.js draws it.
type graphNode struct {
	ID       string `json:"id"`
	Type     string `json:"type"` // report or selector
	Label    string `json:"label"`
	URL      string `json:"url"`
	TLP      string `json:"tlp,omitempty"`
	Kind     string `json:"kind,omitempty"`
	Reports  int    `json:"reports,omitempty"`
	Key      bool   `json:"key,omitempty"`
	Warn     bool   `json:"warn,omitempty"`
	Shared   bool   `json:"shared,omitempty"`
	ScamType string `json:"scam_type,omitempty"`
	Date     string `json:"date,omitempty"`
	Name     string `json:"name"` // the node's accessible name, in the page's language
}

type graphEdge struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

// networkGraphJSON serves the network's reports, linking selectors and
// links for the interactive graph.
func (s *Server) networkGraphJSON(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	v, err := s.svc.Network(r.Context(), c.principal(), id)
	if err != nil {
		return err
	}
	g, err := s.svc.NetworkGraph(r.Context(), c.principal(), v.ID)
	if err != nil {
		return err
	}
	warn := map[string]bool{}
	for _, wn := range v.Warnings {
		warn[wn.SelectorID] = true
	}
	out := struct {
		Nodes     []graphNode `json:"nodes"`
		Edges     []graphEdge `json:"edges"`
		Truncated bool        `json:"truncated"`
	}{Nodes: []graphNode{}, Edges: []graphEdge{}, Truncated: g.Truncated}
	for _, rep := range g.Reports {
		n := graphNode{ID: "r" + rep.ID, Type: "report", Label: rep.ID[len(rep.ID)-6:],
			URL: "/reports/" + rep.ID, TLP: rep.TLP, ScamType: rep.ScamType, Date: formatDate(rep.ReceivedAt)}
		if n.Name, err = s.cat.T(c.lang, "net.node.report", n.Label, s.word(c.lang, "scamtype.", rep.ScamType), n.Date); err != nil {
			return err
		}
		if rep.TLP != "" {
			n.Name += ", TLP:" + rep.TLP
		}
		out.Nodes = append(out.Nodes, n)
	}
	for i, sc := range g.Selectors {
		n := graphNode{ID: "s" + sc.ID, Type: "selector", Label: sc.Display, URL: "/selectors/" + sc.ID,
			Kind: sc.Kind, Reports: sc.Count, Key: i < graphKeyNodes && sc.Count > 1 && !g.Allowlisted[sc.ID],
			Warn: warn[sc.ID], Shared: g.Allowlisted[sc.ID]}
		if n.Name, err = s.cat.T(c.lang, "net.node.selector", s.word(c.lang, "kind.", sc.Kind), sc.Display, sc.Count); err != nil {
			return err
		}
		out.Nodes = append(out.Nodes, n)
	}
	for _, e := range g.Edges {
		out.Edges = append(out.Edges, graphEdge{Source: "r" + e.ReportID, Target: "s" + e.SelectorID})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	return json.NewEncoder(w).Encode(out)
}

// word is a value of an open vocabulary (a scam type, a selector's kind)
// in lang, or the value itself when the catalogue has no word for it.
func (s *Server) word(lang, prefix, value string) string {
	if w, err := s.cat.T(lang, prefix+value); err == nil {
		return w
	}
	return value
}

// timeline is reports per month, drawn as an SVG bar chart: each bar has
// its count above and its month below, the year under January and the
// first month.
type timeline struct {
	Bars   []timelineBar
	Width  int
	Height int
	Max    int
	Fit    bool // few enough months to scale the chart to the page's width
}

type timelineBar struct {
	Month      string // 2025-03
	Label      string // 03
	Year       string // 2025 under the first bar and each January
	N          int
	X, Y, W, H int
	MidX       int
	CountY     int
}

const (
	timelineTop    = 16 // room for the tallest bar's count
	timelinePlot   = 110
	timelineBarW   = 28
	timelineGap    = 8
	timelineMinFit = 12 // bars the chart is at least as wide as
	timelineMaxFit = 36
)

// buildTimeline counts reports received per month, from the first month
// to the last, empty months included.
func buildTimeline(reps []*store.Report) *timeline {
	if len(reps) == 0 {
		return nil
	}
	per := map[string]int{}
	first, last := reps[0].ReceivedAt.UTC(), reps[0].ReceivedAt.UTC()
	for _, r := range reps {
		at := r.ReceivedAt.UTC()
		per[at.Format("2006-01")]++
		if at.Before(first) {
			first = at
		}
		if at.After(last) {
			last = at
		}
	}
	t := &timeline{}
	m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	for !m.After(last) && len(t.Bars) < 240 {
		k := m.Format("2006-01")
		b := timelineBar{Month: k, Label: m.Format("01"), N: per[k]}
		if len(t.Bars) == 0 || m.Month() == time.January {
			b.Year = m.Format("2006")
		}
		t.Bars = append(t.Bars, b)
		t.Max = max(t.Max, per[k])
		m = m.AddDate(0, 1, 0)
	}
	step := timelineBarW + timelineGap
	for i := range t.Bars {
		b := &t.Bars[i]
		b.W, b.X = timelineBarW, i*step
		b.H = b.N * timelinePlot / max(t.Max, 1)
		if b.N > 0 && b.H < 2 {
			b.H = 2
		}
		b.Y = timelineTop + timelinePlot - b.H
		b.MidX = b.X + timelineBarW/2
		b.CountY = b.Y - 4
	}
	t.Width = max(len(t.Bars), timelineMinFit)*step - timelineGap
	t.Height = timelineTop + timelinePlot + 34
	t.Fit = len(t.Bars) <= timelineMaxFit
	return t
}

// networkSTIX downloads the network's reports the member may read, marked
// up to TLP:AMBER, and the selectors they name, as a STIX 2.1 bundle for
// another platform (an audited export, as GET
// /api/v1/export/stix?network_id=&max_tlp=AMBER is). AMBER+STRICT and RED
// reports stay out: they may not leave the organisation or the named
// recipients.
func (s *Server) networkSTIX(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	marks, err := s.svc.ExportMarks(r.Context())
	if err != nil {
		return err
	}
	return s.networkExport(w, r, c, "STIX 2.1", func(p trust.Principal, id string) intel.ReportWriter {
		w.Header().Set("Content-Type", stix.MediaType)
		w.Header().Set("Content-Disposition", `attachment; filename="network-`+id+`.stix.json"`)
		return stix.NewWriter(w, p.Org, marks)
	})
}

// networkMISP downloads the same as networkSTIX as one MISP event (as GET
// /api/v1/export/misp?network_id=&max_tlp=AMBER does).
func (s *Server) networkMISP(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	marks, err := s.svc.ExportMarks(r.Context())
	if err != nil {
		return err
	}
	return s.networkExport(w, r, c, "MISP", func(p trust.Principal, id string) intel.ReportWriter {
		w.Header().Set("Content-Type", misp.MediaType)
		w.Header().Set("Content-Disposition", `attachment; filename="network-`+id+`.misp.json"`)
		return misp.NewWriter(w, misp.Options{Producer: p.Org, NetworkID: id, MaxTLP: store.TLPAmber, Marks: marks})
	})
}

// networkExport streams the network's reports the member may read, up to
// TLP:AMBER, into the writer open makes once the answer is known to be 200.
func (s *Server) networkExport(w http.ResponseWriter, r *http.Request, c *reqCtx, format string, open func(p trust.Principal, networkID string) intel.ReportWriter) error {
	p := c.principal()
	v, err := s.svc.Network(r.Context(), p, r.PathValue("id"))
	if err != nil {
		return err
	}
	opened, err := s.svc.ExportInto(r.Context(), p, format, store.TLPAmber, store.ReportFilter{NetworkID: v.ID}, func() intel.ReportWriter { return open(p, v.ID) })
	if err != nil && opened {
		s.log.Error(format+" download cut short", "network", v.ID, "err", err)
		return nil
	}
	return err
}
