package demo

import (
	"context"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

// TestConsularSceneHappensInOrder: a case's timeline lists its events in
// the order they were recorded, so the scene must record them in the
// order of their times (a case screened before it reached immigration
// detention, at an earlier hour, reads as nonsense); and a family's
// report speaks of the person as the relative who filed it would (a
// mother of her son or daughter, not of her husband).
func TestConsularSceneHappensInOrder(t *testing.T) {
	ctx := context.Background()
	st, _, _ := loadConsular(t, time.Date(2025, 11, 5, 10, 0, 0, 0, time.UTC))
	cases, err := st.ListCases(ctx, store.CaseFilter{})
	if err != nil || len(cases) < 15 {
		t.Fatalf("%d cases, %v", len(cases), err)
	}
	for _, c := range cases {
		evs, err := st.CaseEvents(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(evs); i++ {
			if evs[i].At.Before(evs[i-1].At) {
				t.Errorf("case %s: %s %s at %s comes after %s %s at %s", c.ID, evs[i].Kind, evs[i].To, evs[i].At.Format(time.DateTime),
					evs[i-1].Kind, evs[i-1].To, evs[i-1].At.Format(time.DateTime))
			}
		}
	}
	// What each relative calls the person reported, a man and a woman.
	calls := map[string][2]string{
		"어머니": {"아들이", "딸이"}, "아버지": {"아들이", "딸이"}, "누나": {"동생이", ""}, "형": {"동생이", ""},
		"언니": {"", "동생이"}, "오빠": {"", "동생이"}, "아내": {"남편이", ""}, "남편": {"", "아내가"}, "삼촌": {"조카가", "조카가"},
	}
	intakes, err := st.ListIntakes(ctx, store.IntakeFilter{})
	if err != nil || len(intakes) != 9 {
		t.Fatalf("%d intakes, %v", len(intakes), err)
	}
	for _, x := range intakes {
		who, ok := calls[x.Reporter.Relation]
		if !ok {
			t.Errorf("intake %s: a reporter related as %q", x.ID, x.Reporter.Relation)
			continue
		}
		want := who[0]
		if x.Subject.Sex == "F" {
			want = who[1]
		}
		if want == "" || !strings.HasPrefix(x.Narrative, want+" ") {
			t.Errorf("intake %s: the %s of a person of sex %s writes %q", x.ID, x.Reporter.Relation, x.Subject.Sex, x.Narrative)
		}
	}
}
