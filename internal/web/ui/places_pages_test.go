package ui_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"counterscam/internal/trust"
)

// placesSection is the part of the places page between two markers.
func placesSection(t *testing.T, body, from, to string) string {
	t.Helper()
	i := strings.Index(body, from)
	if i < 0 {
		t.Fatalf("the places page lacks %q", from)
	}
	s := body[i:]
	if j := strings.Index(s, to); j >= 0 {
		s = s[:j]
	}
	return s
}

// TestPlacesPage: the consul sees the demo's compounds with their aliases,
// province, coordinates with a map link, operators, whether they still
// operate and their raids newest first; and the advisory zones in force
// with their level and its meaning, the highest first, without the zone
// that ended.
func TestPlacesPage(t *testing.T) {
	f := demoFixture(t)
	cs, err := f.cw.Compounds(context.Background(), trust.Operator())
	if err != nil || len(cs) != 3 {
		t.Fatalf("the demo's compounds: %d, %v", len(cs), err)
	}
	var raidDate string
	for _, c := range cs {
		if c.Names[0] == "Golden Crane Park" && len(c.Raids) > 0 {
			raidDate = c.Raids[len(c.Raids)-1].Date
		}
	}
	if raidDate == "" {
		t.Fatal("the demo's Golden Crane Park has no raid")
	}
	c := f.signIn(t, consul)
	code, body, _ := get(t, c, f.srv.URL+"/places?lang=en")
	if code != http.StatusOK {
		t.Fatalf("/places: %d", code)
	}
	if !strings.Contains(body, `href="/places" aria-current="page"`) {
		t.Error("the menu does not mark the places page")
	}
	crane := placesSection(t, body, "<bdi>Golden Crane Park</bdi>", "</article>")
	for _, want := range []string{"<bdi>금학 단지</bdi>", "<bdi>金鹤园区</bdi>", "<bdi>Kampot (Bokor Mountain)</bdi>, KH",
		`<span class="coords">10.6273, 104.0218</span>`,
		`href="https://www.openstreetmap.org/?mlat=10.6273&amp;mlon=104.0218#map=15/10.6273/104.0218"`,
		"<bdi>Crane Bay Holdings (front company)</bdi>", `<span class="flag danger">Still operating</span>`,
		"<tr><td>" + raidDate + "</td><td>CNP</td><td>raided at dawn: 58 foreigners detained, 13 of them Korean</td></tr>"} {
		if !strings.Contains(crane, want) {
			t.Errorf("Golden Crane Park lacks %q", want)
		}
	}
	lotus := placesSection(t, body, "<bdi>Blue Lotus Compound</bdi>", "</article>")
	for _, want := range []string{"<bdi>블루 로터스</bdi>", "Svay Rieng (Bavet)", `<span class="flag">Closed</span>`, "No raid recorded.",
		"emptied before the raid; workers moved to Sihanoukville"} {
		if !strings.Contains(lotus, want) {
			t.Errorf("Blue Lotus Compound lacks %q", want)
		}
	}
	if !strings.Contains(body, "<bdi>Riverside Tower</bdi>") || !strings.Contains(body, `id="compounds-count">(3)`) {
		t.Error("the page does not list the demo's three compounds")
	}

	zones := placesSection(t, body, `<table class="list" id="zones">`, "</table>")
	today := time.Now().UTC().Format(time.DateOnly)
	if !strings.Contains(body, "Zones in force on "+today) {
		t.Errorf("the page does not say which day its zones are in force on")
	}
	wantOrder := []string{"Bavet", "Bokor Mountain", "Poipet", "Sihanoukville", "Phnom Penh"}
	last := -1
	for _, name := range wantOrder {
		i := strings.Index(zones, "<bdi>"+name+"</bdi>")
		if i < 0 || i < last {
			t.Errorf("zone %s: at %d, after %d (want %v)", name, i, last, wantOrder)
		}
		last = i
	}
	if n := strings.Count(zones, `<tr data-level=`); n != 5 {
		t.Errorf("%d zones in force, want 5 (the ended Sihanoukville level 2 left out)", n)
	}
	for _, want := range []string{`<tr data-level="4">`, `<span class="flag danger">Level 4</span><br>Travel ban`,
		`<span class="flag warn">Level 2.5</span><br>Special travel advisory`, `<span class="flag">Level 2</span><br>Refrain from travel`,
		"<td>2025-10-16</td>", "<td>Until further notice</td>"} {
		if !strings.Contains(zones, want) {
			t.Errorf("the zones lack %q", want)
		}
	}
	if strings.Contains(zones, "2025-10-15") {
		t.Error("the zone that ended on 2025-10-15 is shown as in force")
	}
}

// TestPlacesPageLanguages: the page speaks Korean and Khmer, the levels'
// meanings included.
func TestPlacesPageLanguages(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, consul)
	for lang, wants := range map[string][]string{
		"ko": {`<html lang="ko"`, "범죄단지와 여행경보", "4단계</span><br>여행금지", "2.5단계</span><br>특별여행주의보", "운영 중", "단속 기록 (최신순)"},
		"km": {`<html lang="km"`, "បរិវេណឆបោក", "កម្រិត 4</span><br>ហាមឃាត់ការធ្វើដំណើរ", "នៅតែដំណើរការ", "បានបិទ"},
		"en": {`<html lang="en"`, "Compounds and travel advisories", "Level 4</span><br>Travel ban"},
	} {
		code, body, _ := get(t, c, f.srv.URL+"/places?lang="+lang)
		if code != http.StatusOK {
			t.Fatalf("/places in %s: %d", lang, code)
		}
		for _, want := range wants {
			if !strings.Contains(body, want) {
				t.Errorf("/places in %s lacks %q", lang, want)
			}
		}
		if !strings.Contains(body, "<bdi>Golden Crane Park</bdi>") {
			t.Errorf("/places in %s lacks the compounds", lang)
		}
	}
}

// TestPlacesPageAccess: a visitor is sent to sign in; a bank's partner
// account and a shelter's support worker are refused and see no compound.
func TestPlacesPageAccess(t *testing.T) {
	f := demoFixture(t)
	code, _, hdr := get(t, client(t), f.srv.URL+"/places")
	if code != http.StatusSeeOther || hdr.Get("Location") != "/login?next=%2Fplaces" && !strings.HasPrefix(hdr.Get("Location"), "/login?next=") {
		t.Errorf("a visitor opening /places: %d to %q", code, hdr.Get("Location"))
	}
	for _, email := range []string{"screening@bank.demo", shelterWorker} {
		c := f.signIn(t, email)
		code, body, _ := get(t, c, f.srv.URL+"/places")
		if code != http.StatusForbidden && code != http.StatusNotFound {
			t.Errorf("%s opened /places: %d", email, code)
		}
		for _, leak := range []string{"Golden Crane Park", "Crane Bay Holdings", "10.6273"} {
			if strings.Contains(body, leak) {
				t.Errorf("%s's refusal shows %q", email, leak)
			}
		}
		if strings.Contains(body, `href="/places"`) {
			t.Errorf("%s is offered the places page", email)
		}
	}
}
