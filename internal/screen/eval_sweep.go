package screen

import (
	"fmt"
	"io"
)

// evalScore is one screened text as a threshold sweep needs it.
type evalScore struct {
	label string
	score int
	lure  bool // the signs point to a lure rather than another scam
}

// SweepRow is the outcome of one elevated threshold: what Evaluate would
// report if ElevatedAt were At (HighAt unchanged).
type SweepRow struct {
	At int `json:"elevated_at"`
	// Lures, and lures predicted as lures (elevated or high, kind lure).
	Lures      int     `json:"lures"`
	LureHits   int     `json:"lure_hits"`
	LureRecall float64 `json:"lure_recall"`
	// Benign texts, and those at elevated or above and at high.
	Benign         int `json:"benign"`
	BenignElevated int `json:"benign_elevated_or_high"`
	BenignHigh     int `json:"benign_high"`
}

// Sweep recomputes the report's lure recall and benign alarms for each
// elevated threshold (scores 0-100), from the scores kept while screening.
func (rep *EvalReport) Sweep(thresholds []int) []SweepRow {
	out := make([]SweepRow, 0, len(thresholds))
	for _, at := range thresholds {
		r := SweepRow{At: at}
		for _, s := range rep.scores {
			switch s.label {
			case LabelLure:
				r.Lures++
				if s.lure && s.score >= at {
					r.LureHits++
				}
			case LabelBenign:
				r.Benign++
				if s.score >= at || s.score >= HighAt {
					r.BenignElevated++
				}
				if s.score >= HighAt {
					r.BenignHigh++
				}
			}
		}
		if r.Lures > 0 {
			r.LureRecall = float64(r.LureHits) / float64(r.Lures)
		}
		out = append(out, r)
	}
	return out
}

// WriteSweep prints a sweep as a table.
func WriteSweep(w io.Writer, rows []SweepRow) {
	fmt.Fprintf(w, "%-11s %6s %11s %7s %17s %11s\n", "elevated_at", "lures", "lure recall", "benign", "benign elevated+", "benign high")
	for _, r := range rows {
		fmt.Fprintf(w, "%-11d %6d %11.3f %7d %17d %11d\n", r.At, r.Lures, r.LureRecall, r.Benign, r.BenignElevated, r.BenignHigh)
	}
}
