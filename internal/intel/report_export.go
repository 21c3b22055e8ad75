package intel

import (
	"context"

	"counterscam/internal/indicator"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// ReportWriter is a format that exported reports stream into (a STIX
// bundle, a MISP event): it takes the reports one by one and writes what
// they add up to at Close.
type ReportWriter interface {
	Report(*store.Report) error
	Close() error
}

// ExportInto is ExportAs into a writer that open makes at the first report
// (or at the end, when there is none) and that is closed at the end. The
// caller starts its answer in open: opened says whether it did, since an
// error after that can only cut the stream short, not change the answer.
func (s *Service) ExportInto(ctx context.Context, p trust.Principal, format, maxTLP string, f store.ReportFilter, open func() ReportWriter) (opened bool, err error) {
	var w ReportWriter
	_, err = s.exportAs(ctx, p, format, maxTLP, f, func(r *store.Report) error {
		if w == nil {
			w = open()
		}
		return w.Report(r)
	}, func() error {
		if w == nil {
			w = open()
		}
		return w.Close()
	})
	return w != nil, err
}

// ExportMarks says which selectors of exported reports are allow-listed
// (shared infrastructure such as platform hosts and banks' lines) and which
// an analyst marked "does not link", as of now: every export format leaves
// the first out and writes the second as context, not for detection.
func (s *Service) ExportMarks(ctx context.Context) (indicator.Marks, error) {
	ids, err := s.st.NoLinkSelectors(ctx)
	if err != nil {
		return indicator.Marks{}, err
	}
	marked := make(map[string]bool, len(ids))
	for _, id := range ids {
		marked[id] = true
	}
	return indicator.Marks{
		Allowlisted: func(rs store.ReportSelector) bool {
			return s.allow.contains(rs.SelectorID, rs.Kind, rs.Value, rs.Subtype)
		},
		NoLink: func(rs store.ReportSelector) bool { return marked[rs.SelectorID] },
	}, nil
}
