package screen

import (
	"bytes"
	"context"
	"counterscam/internal/shareddata"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadEval(t *testing.T) {
	in := "# comment\nlabel\ttext\tsource\nspam\tWIN cash now\nham\thi there\tfriend\n\nLURE\tjob in Bavet\n"
	var got []EvalItem
	if err := ReadEval(strings.NewReader(in), func(it EvalItem) error { got = append(got, it); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Label != LabelScam || got[1].Label != LabelBenign || got[1].Source != "friend" ||
		got[2].Label != LabelLure || got[2].Line != 6 {
		t.Errorf("ReadEval = %+v", got)
	}
	for _, bad := range []string{"maybe\ttext\n", "lure-without-tab\n"} {
		if err := ReadEval(strings.NewReader(bad), func(EvalItem) error { return nil }); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("ReadEval(%q) = %v, want a line 1 error", bad, err)
		}
	}
}

func TestEvaluateCounts(t *testing.T) {
	in := strings.Join([]string{
		"lure\tcustomer service in Cambodia, $3,000 a month, no experience, flight and visa paid, contact on Telegram",
		"lure\tWe are hiring a cook",
		"spam\tURGENT! Your mobile number has been awarded with a £2000 prize GUARANTEED. Call 09058094455 from land line.",
		"ham\tSee you at 7",
		"ham\t ",
	}, "\n")
	rep, err := Evaluate(context.Background(), defaultTestScreener(t), strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	c := rep.All.Confusion
	if rep.All.N != 4 || rep.Refused != 1 || c[LabelLure][LabelLure] != 1 || c[LabelLure][LabelBenign] != 1 ||
		c[LabelScam][LabelScam] != 1 || c[LabelBenign][LabelBenign] != 1 {
		t.Errorf("report: n=%d refused=%d confusion=%v", rep.All.N, rep.Refused, c)
	}
	m := map[string]PRF{}
	for _, x := range rep.All.Metrics {
		m[x.Label] = x
	}
	if m[LabelLure].Precision != 1 || m[LabelLure].Recall != 0.5 || m[LabelBenign].Recall != 1 || m[LabelBenign].Precision != 0.5 {
		t.Errorf("metrics %+v", m)
	}
	if len(rep.Misses) != 1 || rep.Misses[0].Line != 2 {
		t.Errorf("misses %+v", rep.Misses)
	}
	var b bytes.Buffer
	rep.WriteText(&b, true)
	for _, want := range []string{"lure", "confusion", "[en]", "misses"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report text lacks %q:\n%s", want, b.String())
		}
	}
}

func evalFile(t *testing.T, path string) *EvalReport {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := Evaluate(context.Background(), defaultTestScreener(t), f)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func rate(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}

// TestEvalUCI screens the UCI SMS Spam Collection. Its spam is mostly UK
// premium-rate marketing and prize draws, not job lures, so recall is low
// by design; what matters is that ordinary messages stay low.
func TestEvalUCI(t *testing.T) {
	rep := evalFile(t, shareddata.Path(t, "text/uci-sms-spam-collection.tsv"))
	g := rep.All
	if g.N != 5574 {
		t.Fatalf("read %d texts, want 5574", g.N)
	}
	if r := rate(g.FlaggedHigh[LabelBenign], g.Support[LabelBenign]); r > 0.005 {
		t.Errorf("%.4f of ham flagged high, want at most 0.005", r)
	}
	if r := rate(g.Flagged[LabelBenign], g.Support[LabelBenign]); r > 0.01 {
		t.Errorf("%.4f of ham flagged elevated or high, want at most 0.01", r)
	}
	if r := rate(g.Flagged[LabelScam], g.Support[LabelScam]); r < 0.2 {
		t.Errorf("only %.3f of spam flagged, want at least 0.2", r)
	}
}

// TestEvalWritten screens the genuine ads and messages written here: at most
// 5% may be flagged high, and the handful of written lures must all be caught.
func TestEvalWritten(t *testing.T) {
	rep := evalFile(t, filepath.Join("testdata", "written.tsv"))
	g := rep.All
	if r := rate(g.FlaggedHigh[LabelBenign], g.Support[LabelBenign]); r > 0.05 {
		t.Errorf("%.3f of genuine texts flagged high, want at most 0.05", r)
	}
	if g.Confusion[LabelLure][LabelLure] != g.Support[LabelLure] || g.Confusion[LabelScam][LabelScam] != g.Support[LabelScam] {
		t.Errorf("written lures and scams missed: %v", g.Confusion)
	}
	for _, lang := range []string{"ko", "en", "zh", "km", "th", "vi", "id"} {
		if rep.ByLanguage[lang] == nil || rep.ByLanguage[lang].Support[LabelBenign] < 4 {
			t.Errorf("written.tsv has too few %s texts", lang)
		}
	}
}

func FuzzReadEval(f *testing.F) {
	f.Add("label\ttext\nspam\tWIN\nham\thi\tsrc\n")
	f.Add("lure\t\t\n#\n\n")
	f.Add("lure\tjob\tpost [whole, translation] [paraphrase\n")
	f.Fuzz(func(t *testing.T, s string) {
		_ = ReadEval(strings.NewReader(s), func(it EvalItem) error {
			if it.Label != LabelLure && it.Label != LabelScam && it.Label != LabelBenign {
				t.Fatalf("label %q", it.Label)
			}
			switch form := TextForm(it.Source); form {
			case FormWhole, FormFragment, FormParaphrase, FormUnmarked:
			default:
				t.Fatalf("form %q of source %q", form, it.Source)
			}
			return nil
		})
	})
}
