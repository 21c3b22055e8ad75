package screen

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Labels of an evaluation file.
const (
	LabelLure   = "lure"
	LabelScam   = "scam"
	LabelBenign = "benign"
)

var evalLabels = []string{LabelLure, LabelScam, LabelBenign}

// normalizeLabel accepts counterscam's labels and the UCI SMS Spam
// Collection's (spam is a scam, ham is benign).
func normalizeLabel(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "lure":
		return LabelLure, true
	case "scam", "spam":
		return LabelScam, true
	case "benign", "ham":
		return LabelBenign, true
	}
	return "", false
}

// EvalItem is one labelled text.
type EvalItem struct {
	Line   int
	Label  string
	Text   string
	Source string // the rest of the line after the text, if any
}

// maxEvalLine bounds one line of an evaluation file.
const maxEvalLine = 1 << 20

// ReadEval reads a labelled TSV: label<TAB>text[<TAB>source...]. Blank
// lines, lines starting with '#' and a header line starting with "label"
// before any data are skipped. fn is called for each item, in order.
func ReadEval(r io.Reader, fn func(EvalItem) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxEvalLine)
	line := 0
	first := true
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		parts := strings.SplitN(s, "\t", 3)
		if first && strings.EqualFold(strings.TrimSpace(parts[0]), "label") {
			first = false
			continue // a header line
		}
		first = false
		if len(parts) < 2 {
			return fmt.Errorf("line %d: want label<TAB>text", line)
		}
		label, ok := normalizeLabel(parts[0])
		if !ok {
			return fmt.Errorf("line %d: label %q is not lure, scam, benign, spam or ham", line, parts[0])
		}
		it := EvalItem{Line: line, Label: label, Text: parts[1]}
		if len(parts) == 3 {
			it.Source = parts[2]
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("line %d: longer than %d bytes", line+1, maxEvalLine)
		}
		return err
	}
	return nil
}

// Confusion counts texts by actual and predicted label.
type Confusion map[string]map[string]int

func (c Confusion) add(actual, predicted string) {
	if c[actual] == nil {
		c[actual] = map[string]int{}
	}
	c[actual][predicted]++
}

// PRF is precision, recall and F1 for one label, with its counts.
type PRF struct {
	Label     string  `json:"label"`
	Support   int     `json:"support"`   // texts with this actual label
	Predicted int     `json:"predicted"` // texts predicted with this label
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Metrics computes PRF for every label present.
func (c Confusion) Metrics() []PRF {
	var out []PRF
	for _, l := range evalLabels {
		tp := c[l][l]
		support, predicted := 0, 0
		for _, p := range evalLabels {
			support += c[l][p]
			predicted += c[p][l]
		}
		if support == 0 && predicted == 0 {
			continue
		}
		m := PRF{Label: l, Support: support, Predicted: predicted}
		if predicted > 0 {
			m.Precision = float64(tp) / float64(predicted)
		}
		if support > 0 {
			m.Recall = float64(tp) / float64(support)
		}
		if m.Precision+m.Recall > 0 {
			m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
		}
		out = append(out, m)
	}
	return out
}

// EvalGroup is the outcome for a group of texts (all, or one language).
type EvalGroup struct {
	N         int       `json:"n"`
	Confusion Confusion `json:"confusion"`
	Metrics   []PRF     `json:"metrics"`
	// Flagged counts, per actual label, texts at elevated or high, and at high.
	Flagged     map[string]int `json:"flagged_elevated_or_high"`
	FlaggedHigh map[string]int `json:"flagged_high"`
	Support     map[string]int `json:"support"`
}

func newGroup() *EvalGroup {
	return &EvalGroup{Confusion: Confusion{}, Flagged: map[string]int{}, FlaggedHigh: map[string]int{}, Support: map[string]int{}}
}

func (g *EvalGroup) add(actual, predicted string, level Level) {
	g.N++
	g.Support[actual]++
	g.Confusion.add(actual, predicted)
	if level != Low {
		g.Flagged[actual]++
	}
	if level == High {
		g.FlaggedHigh[actual]++
	}
}

// EvalMiss is a text the screener got wrong.
type EvalMiss struct {
	Line      int    `json:"line"`
	Label     string `json:"label"`
	Predicted string `json:"predicted"`
	Level     Level  `json:"level"`
	Score     int    `json:"score"`
	Language  string `json:"language"`
	Form      string `json:"form"`
	Text      string `json:"text"`
}

// EvalReport is the outcome of Evaluate.
type EvalReport struct {
	Rules      string                `json:"rules_version"`
	All        *EvalGroup            `json:"all"`
	ByLanguage map[string]*EvalGroup `json:"by_language"`
	ByForm     map[string]*EvalGroup `json:"by_form"` // see TextForm
	Refused    int                   `json:"refused"` // texts Assess would not judge (empty, too large, binary)
	Misses     []EvalMiss            `json:"misses,omitempty"`
	scores     []evalScore           // every text's score, for Sweep
}

// Predict turns a result into a label: low is benign, otherwise the kind.
func Predict(r *Result) string {
	if r.Level == Low {
		return LabelBenign
	}
	if r.Kind == LabelLure {
		return LabelLure
	}
	return LabelScam
}

// maxMisses bounds the misses kept in a report.
const maxMisses = 500

// Evaluate screens every text of a labelled TSV and measures the result.
func Evaluate(ctx context.Context, s *Screener, r io.Reader) (*EvalReport, error) {
	return EvaluateHalf(ctx, s, r, "")
}

// EvaluateHalf is Evaluate over the texts of one half (HalfDev or HalfTest,
// see RealHalf); "" means every text.
func EvaluateHalf(ctx context.Context, s *Screener, r io.Reader, half string) (*EvalReport, error) {
	if half != "" && half != HalfDev && half != HalfTest {
		return nil, fmt.Errorf("screen: half %q is not %s or %s", half, HalfDev, HalfTest)
	}
	rep := &EvalReport{Rules: s.rs.Version(), All: newGroup(), ByLanguage: map[string]*EvalGroup{}, ByForm: map[string]*EvalGroup{}}
	err := ReadEval(r, func(it EvalItem) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if half != "" && RealHalf(it.Text) != half {
			return nil
		}
		res, err := s.Assess(ctx, it.Text, Options{})
		if err != nil {
			if errors.Is(err, ErrEmpty) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNotText) {
				rep.Refused++
				return nil
			}
			return fmt.Errorf("line %d: %w", it.Line, err)
		}
		pred := Predict(res)
		rep.All.add(it.Label, pred, res.Level)
		rep.scores = append(rep.scores, evalScore{label: it.Label, score: res.Score, lure: res.leaning == LabelLure})
		g := rep.ByLanguage[res.Language]
		if g == nil {
			g = newGroup()
			rep.ByLanguage[res.Language] = g
		}
		g.add(it.Label, pred, res.Level)
		form := TextForm(it.Source)
		fg := rep.ByForm[form]
		if fg == nil {
			fg = newGroup()
			rep.ByForm[form] = fg
		}
		fg.add(it.Label, pred, res.Level)
		if pred != it.Label && len(rep.Misses) < maxMisses {
			rep.Misses = append(rep.Misses, EvalMiss{Line: it.Line, Label: it.Label, Predicted: pred,
				Level: res.Level, Score: res.Score, Language: res.Language, Form: form, Text: quote(it.Text)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.All.Metrics = rep.All.Confusion.Metrics()
	for _, g := range rep.ByLanguage {
		g.Metrics = g.Confusion.Metrics()
	}
	for _, g := range rep.ByForm {
		g.Metrics = g.Confusion.Metrics()
	}
	return rep, nil
}

// WriteText prints a report for people.
func (rep *EvalReport) WriteText(w io.Writer, showMisses bool) {
	fmt.Fprintf(w, "rules: %s\n", rep.Rules)
	fmt.Fprintf(w, "texts: %d", rep.All.N)
	if rep.Refused > 0 {
		fmt.Fprintf(w, " (and %d refused as empty, too large or not text)", rep.Refused)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)
	writeGroup(w, rep.All, "")
	langs := make([]string, 0, len(rep.ByLanguage))
	for l := range rep.ByLanguage {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	fmt.Fprintln(w, "\nby detected language:")
	for _, l := range langs {
		g := rep.ByLanguage[l]
		fmt.Fprintf(w, "\n[%s] %d texts\n", l, g.N)
		writeGroup(w, g, "  ")
	}
	if marked := len(rep.ByForm); marked > 1 || (marked == 1 && rep.ByForm[FormUnmarked] == nil) {
		fmt.Fprintln(w, "\nby form of the text (from the source column's markers):")
		for _, f := range evalForms {
			if g := rep.ByForm[f]; g != nil {
				fmt.Fprintf(w, "\n[%s] %d texts\n", f, g.N)
				writeGroup(w, g, "  ")
			}
		}
	}
	if showMisses && len(rep.Misses) > 0 {
		fmt.Fprintln(w, "\nmisses (line, actual -> predicted, level score, language, form, text):")
		for _, m := range rep.Misses {
			fmt.Fprintf(w, "  %d\t%s -> %s\t%s %d\t%s\t%s\t%s\n", m.Line, m.Label, m.Predicted, m.Level, m.Score, m.Language, m.Form, m.Text)
		}
	}
}

func writeGroup(w io.Writer, g *EvalGroup, ind string) {
	fmt.Fprintf(w, "%s%-8s %7s %9s %7s %6s   %s\n", ind, "label", "support", "precision", "recall", "f1", "flagged elevated+ / high")
	for _, m := range g.Metrics {
		fl, fh := g.Flagged[m.Label], g.FlaggedHigh[m.Label]
		frac := func(k int) string {
			if m.Support == 0 {
				return "-"
			}
			return fmt.Sprintf("%d (%.3f)", k, float64(k)/float64(m.Support))
		}
		fmt.Fprintf(w, "%s%-8s %7d %9.3f %7.3f %6.3f   %s / %s\n", ind, m.Label, m.Support, m.Precision, m.Recall, m.F1, frac(fl), frac(fh))
	}
	fmt.Fprintf(w, "%sconfusion (rows actual, columns predicted):\n", ind)
	fmt.Fprintf(w, "%s%-8s %7s %7s %7s\n", ind, "", "lure", "scam", "benign")
	for _, a := range evalLabels {
		if g.Support[a] == 0 {
			continue
		}
		fmt.Fprintf(w, "%s%-8s %7d %7d %7d\n", ind, a, g.Confusion[a][LabelLure], g.Confusion[a][LabelScam], g.Confusion[a][LabelBenign])
	}
}
