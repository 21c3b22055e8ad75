package screen

import (
	"context"
	"testing"
)

// TestCombos checks that a combination fires only when all its categories
// are present, and what it does to the level.
func TestCombos(t *testing.T) {
	s := defaultTestScreener(t)
	for _, tc := range []struct {
		name, text, combo string
		want              bool
		level             Level
	}{
		{"housing and no experience", "숙소 제공, 경력 무관, 바로 출근 가능", "lure.travel_easy", true, Elevated},
		{"trip paid and easy work", "Simple work, free air ticket, start next week", "lure.travel_easy", true, Elevated},
		{"housing alone", "숙소 제공, 바로 출근 가능", "lure.travel_easy", false, Low},
		{"urgent vague job", "Urgent hiring: customer service staff", "lure.vague_urgent", true, Elevated},
		{"vague job without urgency", "Customer service staff needed", "lure.vague_urgent", false, Low},
		{"genuine factory ad with legit terms", "기숙사 제공, 경력 무관, 4대보험 가입, 근로계약서 작성", "lure.travel_easy", true, Low},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := s.Assess(context.Background(), tc.text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, c := range r.Combos {
				got = got || c.Code == tc.combo
			}
			if got != tc.want || r.Level != tc.level {
				t.Errorf("%q: combo %s %v, level %s (score %d); want %v, %s; reasons %v",
					tc.text, tc.combo, got, r.Level, r.Score, tc.want, tc.level, r.Reasons)
			}
		})
	}
}
