package screen

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestTextForm(t *testing.T) {
	for _, tc := range []struct{ source, want string }{
		{"", FormUnmarked},
		{"  ", FormUnmarked},
		{"fragment quoted by MOFA", FormFragment},
		{"job ad, bongthom.com [elided]", FormFragment},
		{"published translation [translation]", FormFragment},
		{"SMS ad quoted by jjilbo.com [whole]", FormWhole},
		{"QQ message [Whole, translation]", FormWhole},
		{"official [paraphrase]", FormParaphrase},
		{"labour department [paraphrase, elided]", FormParaphrase},
		{"victim [translation] [paraphrase]", FormParaphrase},
		{"a post [whole] later summarised [paraphrase]", FormParaphrase},
		{"an unclosed [whole", FormFragment},
		{"wholesale market, [wholesale]", FormFragment},
	} {
		if got := TextForm(tc.source); got != tc.want {
			t.Errorf("TextForm(%q) = %s, want %s", tc.source, got, tc.want)
		}
	}
}

func TestEvaluateByForm(t *testing.T) {
	in := strings.Join([]string{
		"lure\tcustomer service in Cambodia, $3,000 a month, no experience, flight and visa paid, contact on Telegram\tpost [whole]",
		"lure\tWe are hiring a cook\ttitle",
		"lure\ta job in Cambodia with free flights and a high salary\tembassy [paraphrase]",
		"lure\tsomething nice\tembassy [paraphrase, translation]",
		"ham\tSee you at 7",
	}, "\n")
	rep, err := Evaluate(context.Background(), defaultTestScreener(t), strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		form                 string
		n, lures, hit, benig int
	}{
		{FormWhole, 1, 1, 1, 0},
		{FormFragment, 1, 1, 0, 0},
		{FormParaphrase, 2, 2, 1, 0},
		{FormUnmarked, 1, 0, 0, 1},
	} {
		g := rep.ByForm[tc.form]
		if g == nil {
			t.Errorf("no %s group", tc.form)
			continue
		}
		if g.N != tc.n || g.Support[LabelLure] != tc.lures || g.Confusion[LabelLure][LabelLure] != tc.hit || g.Support[LabelBenign] != tc.benig {
			t.Errorf("%s: n=%d support=%v confusion=%v", tc.form, g.N, g.Support, g.Confusion)
		}
	}
	if len(rep.Misses) != 2 || rep.Misses[0].Form != FormFragment || rep.Misses[1].Form != FormParaphrase {
		t.Errorf("misses %+v", rep.Misses)
	}
	var b bytes.Buffer
	rep.WriteText(&b, false)
	for _, want := range []string{"by form of the text", "[whole] 1 texts", "[paraphrase] 2 texts", "[unmarked] 1 texts"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
	// A file without sources (UCI) prints no form table.
	rep, err = Evaluate(context.Background(), defaultTestScreener(t), strings.NewReader("ham\tSee you at 7\n"))
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	rep.WriteText(&b, false)
	if strings.Contains(b.String(), "by form") {
		t.Errorf("form table printed for unmarked texts:\n%s", b.String())
	}
}
