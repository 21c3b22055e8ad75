package ui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

// TestCaseTimelineNames: the timeline names who acted by the user's name,
// adds the organisation of a user of another one, marks the viewer's own
// entries, and shows the ID only of a user the server no longer holds.
func TestCaseTimelineNames(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, consul)
	caseID := triage(t, f, c, fileMissing(t, f, "한도윤"))
	var consulID, consul2ID, prosID string
	for _, u := range f.consular.Users {
		switch u.Email {
		case consul:
			consulID = u.ID
		case "consul2@mofa-kh.demo":
			consul2ID = u.ID
		case "prosecutor@spo.demo":
			prosID = u.ID
		}
	}
	const gone = "01JH000000000000000000000Z"
	ctx := context.Background()
	err := f.st.Update(ctx, func(w store.Writer) error {
		for _, ev := range []*store.CaseEvent{
			{By: consul2ID, Org: "MOFA-KH", Note: "by the second consul"},
			{By: prosID, Org: "SPO-SEOUL", Note: "by the prosecutor"},
			{By: gone, Org: "MOFA-KH", Note: "by a user since removed"},
		} {
			ev.CaseID, ev.Kind, ev.At = caseID, "note", time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC)
			if err := w.AddCaseEvent(ctx, ev); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := get(t, c, f.srv.URL+"/cases/"+caseID+"?lang=en")
	i := strings.Index(body, `id="timeline"`)
	if i < 0 {
		t.Fatal("the case page has no timeline")
	}
	tl := body[i:]
	tl = tl[:strings.Index(tl, "</ol>")]
	entries := strings.Split(tl, "<li>")[1:]
	if len(entries) != 4 {
		t.Fatalf("the timeline has %d entries, want 4", len(entries))
	}
	by := func(e string) string {
		e = e[strings.Index(e, `<span class="by">`)+len(`<span class="by">`):]
		return strings.TrimSpace(e[:strings.Index(e, "</span><br>")])
	}
	for n, want := range []string{
		`<span class="actor">Yoon Seo-yeon</span> (you)`,
		`<span class="actor">Park Min-jae</span>`,
		`<span class="actor">Lee Ha-na</span> · SPO-SEOUL`,
		`MOFA-KH <code>` + gone + `</code>`,
	} {
		if got := by(entries[n]); got != want {
			t.Errorf("entry %d is by %q, want %q", n+1, got, want)
		}
	}
	for _, id := range []string{consulID, consul2ID, prosID} {
		if strings.Contains(tl, id) {
			t.Errorf("the timeline shows the user ID %s", id)
		}
	}
}
