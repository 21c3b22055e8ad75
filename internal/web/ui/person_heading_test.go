package ui_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

var titleRe = regexp.MustCompile(`<title>([^<]*)</title>`)

// TestPersonPageIsHeadedWithTheName: a person's page is headed with the
// name as recorded and its romanised form (the passport's), with the ID
// beside; one known only by the passport's name is headed with that
// alone. The browser's title names no one: it stays in the history and
// shows on a shared screen's tab bar.
func TestPersonPageIsHeadedWithTheName(t *testing.T) {
	f := demoFixture(t)
	both := f.newPerson(t, "한도윤", "HAN DOYUN", "M71230092")
	latin, err := f.cw.CreatePerson(context.Background(), f.consularPrincipal(t, consul), &casework.PersonInput{
		LegalBasis: "consular assistance", Purpose: "repatriation", Nationalities: []string{"KR"},
		Names: []store.PersonName{{Kind: "passport", Script: "Latn", Text: "SEO JIAN"}}})
	if err != nil {
		t.Fatal(err)
	}
	c := f.signIn(t, consul)
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		for _, tc := range []struct {
			p  *store.Person
			h1 string
		}{
			{both, `<h1><bdi>한도윤</bdi> <span class="romanised">(<bdi>HAN DOYUN</bdi>)</span></h1>`},
			{latin, `<h1><bdi>SEO JIAN</bdi></h1>`},
		} {
			_, body, _ := get(t, c, f.srv.URL+"/persons/"+tc.p.ID+"?lang="+lang)
			if !strings.Contains(body, tc.h1) {
				t.Errorf("%s: want the heading %s; got %s", lang, tc.h1, excerpt(body, "<h1"))
			}
			if !strings.Contains(body, esc(msgs["people.person.heading"])+` <code>`+tc.p.ID+`</code> · `) {
				t.Errorf("%s: the person's ID is no longer shown", lang)
			}
			title := titleRe.FindStringSubmatch(body)
			if title == nil || title[1] != esc(msgs["people.person.title"])+" · counterscam" {
				t.Errorf("%s: the title is %q, want the bare %q", lang, title, msgs["people.person.title"])
			}
		}
	}
}

// TestPersonPagesTitlesNameNoOne: the screening form (empty and sent
// back to fix) and the prosecutor's dossier name the person on the page,
// but their titles, kept in the browser's history, do not.
func TestPersonPagesTitlesNameNoOne(t *testing.T) {
	f := demoFixture(t)
	person := f.newPerson(t, "윤서연", "YUN SEOYEON", "M71230093")
	dos := f.dossierPerson(t)
	c, pros := f.signIn(t, consul), f.signIn(t, "prosecutor@spo.demo")
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		_, form, _ := get(t, c, f.srv.URL+"/persons/"+person.ID+"/screenings/new?lang="+lang)
		v := screeningValues(csrf(t, form))
		v.Set("interviewer", "")
		_, fix, _ := post(t, c, f.srv.URL+"/persons/"+person.ID+"/screenings", v)
		_, dossier, _ := get(t, pros, f.srv.URL+"/persons/"+dos.Person.ID+"/dossier?lang="+lang)
		for _, p := range []struct{ what, body, title, name string }{
			{"the screening form", form, "repat.scr.title", "윤서연"},
			{"the screening form to fix", fix, "repat.scr.title_fix", "윤서연"},
			{"the dossier", dossier, "repat.dos.title", dos.Person.Names[0].Text},
		} {
			if !strings.Contains(p.body, esc(p.name)) {
				t.Errorf("%s, %s: the page does not name the person", lang, p.what)
			}
			title := titleRe.FindStringSubmatch(p.body)
			if title == nil || title[1] != esc(msgs[p.title])+" · counterscam" || strings.Contains(title[1], esc(p.name)) {
				t.Errorf("%s, %s: the title is %q, want %q with no name", lang, p.what, title, msgs[p.title])
			}
		}
	}
}
