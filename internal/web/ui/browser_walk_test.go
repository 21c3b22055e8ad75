package ui_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"counterscam/internal/store"
	"counterscam/internal/trust"
	"counterscam/internal/web/ui"
)

// walkFixture is a demo server of the test's own: the walk puts a
// passenger on the demo's charter, which the other tests count.
func walkFixture(t *testing.T) *fixture {
	f, err := newFixture(ui.Options{ReportsPerHour: 1000})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		f.srv.Close()
		f.pages.Close(context.Background())
		f.st.Close()
		os.RemoveAll(f.dir)
	})
	return f
}

// manifestView is what the manifest page shows: its counts, and the same
// counts made from its rows.
type manifestView struct {
	Shown    map[string]int `json:"shown"`
	FromRows map[string]int `json:"rows"`
}

const readManifest = `(() => {
  const shown = {}, rows = {};
  for (const el of document.querySelectorAll("#manifest-counts [data-count]")) {
    const m = el.textContent.match(/(\d+)\s*$/);
    shown[el.dataset.count] = m ? Number(m[1]) : -1;
  }
  const pax = document.querySelectorAll("#manifest tr.pax");
  rows.total = pax.length;
  for (const tr of pax) {
    for (const k of ["legal", "fit", "outcome"]) {
      const key = k + "." + tr.dataset[k];
      rows[key] = (rows[key] || 0) + 1;
    }
  }
  return {shown, rows};
})()`

// TestBrowserFamilyToFlight walks a family's missing person report to a
// seat on a flight, as the people involved use the pages: a mother files
// the report in Korean on her phone; a consular officer triages it into a
// person with a case, moves the case through the states the state machine
// allows, records the screening through its form, issues an emergency
// travel document, follows the case's link to the flights and puts the
// person on the demo's charter; the manifest's counts go up by one and
// agree with its rows, and the CSV has the person's row. Each step is
// photographed into the artefacts folder.
func TestBrowserFamilyToFlight(t *testing.T) {
	chromiumPath(t)
	f := walkFixture(t)
	b := newBrowser(t) // the consular officer's, at a desk
	base := f.srv.URL
	dir := artifactsDir(t)
	ctx := context.Background()
	en := messages(t, "en")
	step := 0
	save := func(on *browser, name string) {
		t.Helper()
		step++
		png := run(t, on, "screenshot "+name, chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("walk-%02d-%s.png", step, name)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// press sends the form of a long page from the keyboard (its button
	// focused, Enter): in headless Chromium a synthetic mouse click on the
	// last button of these pages was seen to press on the button and
	// release on a label above it, sending nothing.
	press := func(button string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			return chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(button)), chromedp.KeyEvent(kb.Enter))
		})
	}
	state := func() string { return b.attr(t, "#case-state", "data-state") }
	location := func() string { return run(t, b, "location", chromedp.Location()) }

	const (
		name      = "정하늘"
		latin     = "JEONG HANEUL"
		dob       = "1998-07-15"
		phone     = "+82 10 5127 3381"
		recruiter = "@sihanouk_vip_jobs"
		etd       = "ETD-KH-2025-0917"
	)

	// 1. The mother, on a 360 px phone, in Korean.
	fam := newBrowser(t)
	phoneVP := viewports[1]
	fam.do(t, "the missing person form on a phone", chromedp.EmulateViewport(phoneVP.width, phoneVP.height, chromedp.EmulateMobile, chromedp.EmulateTouch),
		chromedp.Navigate(base+"/missing?lang=ko"), chromedp.WaitVisible(chromedp.ID("name")),
		chromedp.Click(chromedp.ID("danger_now")),
		chromedp.SetValue(chromedp.ID("name"), name),
		chromedp.SendKeys(chromedp.ID("name_latin"), latin),
		chromedp.SendKeys(chromedp.ID("dob"), dob),
		chromedp.SetValue(chromedp.ID("sex"), "F"),
		chromedp.SetValue(chromedp.ID("contacts"), phone),
		chromedp.SetValue(chromedp.ID("location"), "캄보디아 시아누크빌(Sihanoukville) 해변 근처 단지, 3동"),
		chromedp.SendKeys(chromedp.ID("recruiter"), recruiter),
		chromedp.SetValue(chromedp.ID("narrative"), "딸이 어제 밤 텔레그램으로 '여기서 나갈 수 없다, 때린다'고 보냈습니다."),
		chromedp.SetValue(chromedp.ID("rep_name"), "정미경"),
		chromedp.SetValue(chromedp.ID("rep_relation"), "mother"),
		chromedp.SendKeys(chromedp.ID("rep_phone"), "010 9876 5432"))
	if got := run(t, fam, "lang", chromedp.Evaluate[string](`document.documentElement.lang`)); got != "ko" {
		t.Errorf("the form's language is %q", got)
	}
	fam.tooWide(t, "the missing person form on a 360 px phone")
	save(fam, "missing-filled-ko-phone")
	fam.follow(t, "send the report", chromedp.Click(chromedp.CSS(".missing-form button[type=submit]")), chromedp.WaitVisible(chromedp.ID("reference")))
	ref := fam.text(t, "#reference")
	if !ulidRe.MatchString(ref) {
		t.Fatalf("reference %q", ref)
	}
	save(fam, "missing-sent-ko-phone")
	in, err := f.cw.GetIntake(ctx, trust.Operator(), ref)
	if err != nil {
		t.Fatalf("the reference names no intake: %v", err)
	}
	if !in.DangerNow || in.Subject.Name != name || in.Subject.NameLatin != latin || in.Subject.DOB != dob ||
		!strings.Contains(in.LastLocation, "Sihanoukville") || in.RecruiterHandle != recruiter || in.Reporter.Relation != "mother" || in.TLP != store.TLPGreen {
		t.Errorf("stored as danger %v, %q %q %q, %q, %q, %q, %s", in.DangerNow, in.Subject.Name, in.Subject.NameLatin, in.Subject.DOB,
			in.LastLocation, in.RecruiterHandle, in.Reporter.Relation, in.TLP)
	}

	// 2. A consular officer, at a desk, signs in and triages.
	signInBrowser(t, b, base, consul)
	b.do(t, "the triage queue", chromedp.Navigate(base+"/triage?lang=en"), chromedp.WaitVisible(chromedp.ID("queue")))
	type queued struct {
		ID     string `json:"id"`
		Danger bool   `json:"danger"`
	}
	queue := run(t, b, "the queue's rows", chromedp.Evaluate[[]queued](`[...document.querySelectorAll("#queue tbody tr")].map(tr => ({
	  id: tr.querySelector("a[href^='/intakes/']").textContent.trim(),
	  danger: tr.classList.contains("danger-row") && !!tr.querySelector(".flag.danger")}))`))
	at := slices.IndexFunc(queue, func(q queued) bool { return q.ID == ref })
	if at < 0 {
		t.Fatalf("the intake is not in the queue of %d", len(queue))
	}
	if !queue[at].Danger {
		t.Error("the intake is not flagged danger now in the queue")
	}
	if calm := slices.IndexFunc(queue, func(q queued) bool { return !q.Danger }); calm < 0 {
		t.Error("every queued intake is danger now: the queue's order is not tried")
	}
	for i := 1; i < len(queue); i++ {
		if queue[i].Danger && !queue[i-1].Danger {
			t.Errorf("row %d (danger now) comes after row %d (not)", i+1, i)
		}
	}
	save(b, "triage-queue")
	b.follow(t, "open the intake", chromedp.Click(chromedp.CSS(`#queue a[href="/intakes/`+ref+`"]`)), chromedp.WaitVisible(chromedp.ID("triage-h")))
	subject := b.text(t, "section[aria-labelledby=subject-h]")
	for _, want := range []string{name, latin, dob, "Sihanoukville", recruiter} {
		if !strings.Contains(subject, want) {
			t.Errorf("the intake page lacks %q", want)
		}
	}
	if !run(t, b, "new person chosen", chromedp.Evaluate[bool](`document.querySelector("input[name=person][value=new]").checked && document.querySelector("input[name=open_case]").checked`)) {
		t.Error("the triage form does not default to a new person with a case")
	}
	const triageNote = "mother called from Seoul; daughter says she is beaten"
	b.do(t, "triage", chromedp.SetValue(chromedp.ID("state"), "reported"), chromedp.SetValue(chromedp.ID("note"), triageNote))
	save(b, "intake")
	b.follow(t, "send the triage", chromedp.Click(chromedp.CSS(".triage-form button[type=submit]")), chromedp.WaitVisible(chromedp.ID("case-state")))
	caseURL := location()
	caseID := strings.TrimPrefix(strings.SplitN(caseURL, "?", 2)[0], base+"/cases/")
	if !ulidRe.MatchString(caseID) {
		t.Fatalf("triage opened %s, not a case", caseURL)
	}
	if s := state(); s != "reported" {
		t.Errorf("the new case is %s", s)
	}
	if tl := b.text(t, "#timeline"); !strings.Contains(tl, en["people.case.opened"]) || !strings.Contains(tl, triageNote) {
		t.Errorf("the timeline of the new case: %q", tl)
	}
	save(b, "case-reported")

	// 3. The case moves as the state machine allows.
	timeline := func() int {
		return run(t, b, "timeline", chromedp.Evaluate[int](`document.querySelectorAll("#timeline > li").length`))
	}
	offered := func() []string {
		return run(t, b, "offered moves", chromedp.Evaluate[[]string](`[...document.querySelectorAll(".move-form input[name=to]")].map(i => i.value)`))
	}
	moveTo := func(to, note string, extra ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		from, n := state(), timeline()
		if !slices.Contains(offered(), to) {
			t.Fatalf("from %s the case page offers %v, not %s", from, offered(), to)
		}
		acts := append([]chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.CSS(`.move-form input[name=to][value="` + to + `"]`))}, extra...)
		acts = append(acts, chromedp.SetValue(chromedp.ID("move-note"), note))
		b.do(t, "fill the move to "+to, acts...)
		b.follow(t, "move to "+to, chromedp.Click(chromedp.CSS(".move-form button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(`#case-state[data-state="`+to+`"]`)), chromedp.WaitVisible(chromedp.ID("done")))
		if got := b.text(t, "#case-state"); got != en["people.state."+to] {
			t.Errorf("the state shown is %q, want %q", got, en["people.state."+to])
		}
		if got := timeline(); got != n+1 {
			t.Errorf("after the move to %s the timeline has %d entries, want %d", to, got, n+1)
		}
		last := b.text(t, "#timeline > li:last-child")
		if want := en["people.state."+from] + " → " + en["people.state."+to]; !strings.Contains(last, want) || !strings.Contains(last, note) || !strings.Contains(last, "Yoon Seo-yeon") {
			t.Errorf("the last timeline entry is %q, want %q with %q", last, want, note)
		}
	}
	if got := offered(); slices.Contains(got, "screened") || slices.Contains(got, "on_manifest") {
		t.Errorf("a reported case is offered %v", got)
	}
	moveTo("located", "compound near Otres beach, building 3, per the Cambodian police")
	moveTo("contacted", "spoke to her by phone through the compound's guard")
	moveTo("rescued", "freed in the CNP raid of 14 October")
	save(b, "case-rescued")
	moveTo("immigration_detention", "held at the immigration detention centre, Phnom Penh")

	// Screened needs a screening: the move is not offered, the page says
	// why and leads to the screening form.
	if got := offered(); slices.Contains(got, "screened") {
		t.Errorf("with no screening recorded the case page offers %v", got)
	}
	if r := b.text(t, "#held-screened"); r != en["people.state.screened"]+": "+en["people.why.no_screening"] {
		t.Errorf("the held move says %q", r)
	}
	save(b, "case-screening-held")
	b.follow(t, "to the screening form", chromedp.Click(chromedp.CSS("#screening-entry a")), chromedp.WaitVisible(chromedp.ID("screening")))
	personID := strings.TrimSuffix(strings.TrimPrefix(location(), base+"/persons/"), "/screenings/new")
	if !ulidRe.MatchString(personID) {
		t.Fatalf("the screening link opened %s", location())
	}
	b.do(t, "fill the screening",
		chromedp.SetValue(chromedp.ID("kind"), "victim"),
		chromedp.SendKeys(chromedp.ID("interviewer"), "Consul Han"),
		chromedp.SendKeys(chromedp.ID("language"), "ko"),
		chromedp.SendKeys(chromedp.ID("setting"), "immigration detention centre, Phnom Penh"),
		chromedp.SetValue(chromedp.ID("channel"), "messenger"),
		chromedp.SendKeys(chromedp.CSS("#screening input[name=recruiter]"), recruiter),
		chromedp.Click(chromedp.CSS(`input[name=knew_illegal][value=no]`)),
		chromedp.Click(chromedp.CSS(`input[name="ind.deception.present"][value=yes]`)),
		chromedp.SetValue(chromedp.CSS(`select[name="ind.deception.kind"]`), "testimony"),
		chromedp.SetValue(chromedp.CSS(`textarea[name="ind.deception.note"]`), "promised an office job at a hotel"),
		chromedp.Click(chromedp.CSS(`input[name="ind.physical_sexual_violence.present"][value=yes]`)),
		chromedp.SetValue(chromedp.CSS(`select[name="ind.physical_sexual_violence.kind"]`), "medical"),
		chromedp.Click(chromedp.CSS(`input[name=status][value=actual]`)),
		chromedp.SetValue(chromedp.ID("decision_reason"), "deceived about the work, beaten, held"),
		chromedp.Click(chromedp.CSS(`input[name=recommendation][value=not_applicable]`)),
		chromedp.SetValue(chromedp.ID("rationale"), "no offence committed"))
	save(b, "screening-filled")
	b.follow(t, "save the screening", press("#screening button[type=submit]"), chromedp.WaitVisible(chromedp.ID("screening-saved")))
	hist, err := f.cw.Screenings(ctx, trust.Operator(), personID)
	if err != nil || len(hist) != 1 {
		t.Fatalf("%d screenings stored: %v", len(hist), err)
	}
	if sc := hist[0]; sc.Status != "actual" || sc.Interviewer != "Consul Han" || len(sc.Indicators) != 2 || sc.Recruitment.RecruiterHandle != recruiter {
		t.Errorf("the screening is stored as %s by %q, %d indicators, recruiter %q", sc.Status, sc.Interviewer, len(sc.Indicators), sc.Recruitment.RecruiterHandle)
	}
	save(b, "screening-saved")
	b.follow(t, "back to the person", chromedp.Click(chromedp.ID("person-link")), chromedp.WaitVisible(chromedp.ID("cases")))
	b.follow(t, "and to the case", chromedp.Click(chromedp.CSS(`#cases a[href="/cases/`+caseID+`"]`)), chromedp.WaitVisible(chromedp.ID("case-state")))
	moveTo("screened", "screening recorded: a victim of trafficking")
	moveTo("travel_document_issued", "ETD issued at the embassy",
		chromedp.SetValue(chromedp.ID("doc_type"), "emergency_travel_document"),
		chromedp.SendKeys(chromedp.ID("doc_number"), etd))
	save(b, "case-document-issued")
	if got := offered(); slices.Contains(got, "on_manifest") {
		t.Error("the move form offers on_manifest, which only a flight's manifest makes")
	}

	// 4. The case's link to the flights, the charter, the passenger.
	b.follow(t, "put on a flight", chromedp.Click(chromedp.CSS("#flight-entry a")), chromedp.WaitVisible(chromedp.ID("flights")))
	save(b, "flights")
	b.follow(t, "the charter", chromedp.Click(chromedp.CSS(`#flights a[href^="/flights/`+f.consular.CharterID+`"]`)), chromedp.WaitVisible(chromedp.ID("add-passenger")))
	// The person the case page sent here is ticked among those ready to
	// board, each box named by its label; the list fits a 360 px phone.
	if v := run(t, b, "person ticked", chromedp.Evaluate[string](`(() => {
	  const box = document.getElementById("b-`+personID+`");
	  return box && box.checked ? box.labels[0].textContent : "";
	})()`)); !strings.Contains(v, name) || !strings.Contains(v, latin) || !strings.Contains(v, etd) {
		t.Errorf("the add-passenger form does not tick the person %s under their name: %q", personID, v)
	}
	b.do(t, "the charter on a phone", chromedp.EmulateViewport(viewports[1].width, viewports[1].height, chromedp.EmulateMobile, chromedp.EmulateTouch),
		chromedp.WaitVisible(chromedp.ID("add-passenger")))
	b.tooWide(t, "the charter's add-passengers form on a 360 px phone")
	save(b, "flight-add-phone")
	b.do(t, "back at the desk", chromedp.EmulateViewport(viewports[0].width, viewports[0].height), chromedp.WaitVisible(chromedp.ID("add-passenger")))
	// One box ticks everyone listed and unticks them; the count follows.
	ticks := func() string {
		return run(t, b, "the boxes", chromedp.Evaluate[string](`(() => {
		  const boxes = [...document.querySelectorAll('#ready input[name="person"]')];
		  const all = document.getElementById("tick-all");
		  return boxes.filter(b => b.checked).length + "/" + boxes.length + " all=" + all.checked + " half=" + all.indeterminate + " " + document.getElementById("ticked-count").textContent;
		})()`))
	}
	if got := ticks(); !strings.HasPrefix(got, "1/") || !strings.HasSuffix(got, "all=false half=true "+strings.Replace(en["repat.man.ticked"], "%s", "1", 1)) {
		t.Errorf("with the person ticked: %s", got)
	}
	b.do(t, "tick everyone", chromedp.Click(chromedp.ID("tick-all")))
	got := ticks()
	var on, of int
	fmt.Sscanf(got, "%d/%d", &on, &of)
	if on != of || on < 2 || !strings.Contains(got, " all=true half=false ") {
		t.Errorf("after ticking everyone: %s", got)
	}
	b.do(t, "untick everyone, tick the person", chromedp.Click(chromedp.ID("tick-all")), chromedp.Click(chromedp.ID("b-"+personID)))
	if got := ticks(); !strings.HasPrefix(got, "1/") {
		t.Errorf("after unticking everyone and ticking the person: %s", got)
	}
	before := run(t, b, "the manifest", chromedp.Evaluate[manifestView](readManifest))
	if !maps.Equal(before.Shown, before.FromRows) || before.Shown["total"] == 0 {
		t.Errorf("before: counts shown %v, from the rows %v", before.Shown, before.FromRows)
	}
	b.do(t, "the passenger's row",
		chromedp.SendKeys(chromedp.ID("seat"), "27C"),
		chromedp.SetValue(chromedp.ID("legal_status"), "victim"),
		chromedp.SetValue(chromedp.ID("fit_to_fly"), "fit"),
		chromedp.SendKeys(chromedp.ID("escort"), "KNPA escort team 3"),
		chromedp.SendKeys(chromedp.ID("receiving_agency"), "Incheon airport police"))
	save(b, "flight-add")
	b.follow(t, "add the passenger", press("#add-ticked"), chromedp.WaitVisible(chromedp.CSS(".alert.ok, #add-passenger .ferr")))
	if loc := location(); !strings.HasSuffix(loc, "/flights/"+f.consular.CharterID+"?done=added") {
		save(b, "flight-add-refused")
		t.Fatalf("adding the passenger led to %s: %q", loc, b.text(t, "#add-passenger"))
	}

	// 5. The manifest: the person's row; every count up by exactly one
	// where the row counts, the rest unchanged; counts equal the rows.
	after := run(t, b, "the manifest", chromedp.Evaluate[manifestView](readManifest))
	want := maps.Clone(before.Shown)
	for _, k := range []string{"total", "legal.victim", "fit.fit", "outcome.pending"} {
		want[k]++
	}
	if !maps.Equal(after.Shown, want) || !maps.Equal(after.Shown, after.FromRows) {
		t.Errorf("counts shown %v, from the rows %v, want %v (before %v)", after.Shown, after.FromRows, want, before.Shown)
	}
	row := run(t, b, "the person's row", chromedp.Evaluate[map[string]string](`(() => {
	  const tr = [...document.querySelectorAll("#manifest tr.pax")].find(tr => tr.querySelector("a[href='/persons/`+personID+`']"));
	  return tr ? {text: tr.textContent, legal: tr.dataset.legal, fit: tr.dataset.fit, outcome: tr.dataset.outcome} : {};
	})()`))
	if row["legal"] != "victim" || row["fit"] != "fit" || row["outcome"] != "pending" {
		t.Errorf("the person's row: %v", row)
	}
	for _, s := range []string{name, latin, dob, etd, "27C", "KNPA escort team 3", "Incheon airport police"} {
		if !strings.Contains(row["text"], s) {
			t.Errorf("the person's row lacks %q: %q", s, row["text"])
		}
	}
	save(b, "manifest")
	csvText := run(t, b, "the manifest CSV", chromedp.Evaluate[string](`fetch("/flights/`+f.consular.CharterID+`/manifest.csv").then(r => r.ok ? r.text() : "HTTP " + r.status)`, chromedp.EvalAwaitPromise))
	recs, err := csv.NewReader(strings.NewReader(csvText)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("the manifest CSV (%v): %.200q", err, csvText)
	}
	if len(recs)-1 != after.Shown["total"] {
		t.Errorf("the CSV has %d passengers, the page %d", len(recs)-1, after.Shown["total"])
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var mine []string
	for _, r := range recs[1:] {
		if r[col["document_number"]] == etd {
			mine = r
		}
	}
	if mine == nil {
		t.Fatalf("the CSV has no row with %s", etd)
	}
	for k, v := range map[string]string{"flight": "KE9680", "seat": "27C", "name": name, "name_latin": latin, "date_of_birth": dob,
		"document_type": "emergency_travel_document", "legal_status": "victim", "fit_to_fly": "fit", "outcome": "pending"} {
		if mine[col[k]] != v {
			t.Errorf("the CSV's %s is %q, want %q", k, mine[col[k]], v)
		}
	}

	// The case followed the manifest.
	b.do(t, "the case again", chromedp.Navigate(base+"/cases/"+caseID+"?lang=en"), chromedp.WaitVisible(chromedp.ID("case-state")))
	if s := state(); s != "on_manifest" {
		t.Errorf("after boarding the case is %s", s)
	}
	if last := b.text(t, "#timeline > li:last-child"); !strings.Contains(last, en["people.state.travel_document_issued"]+" → "+en["people.state.on_manifest"]) || !strings.Contains(last, "KE9680") {
		t.Errorf("the last timeline entry is %q", last)
	}
	if fl := b.text(t, "section[aria-labelledby=flights-h]"); !strings.Contains(fl, f.consular.CharterID) || !strings.Contains(fl, "27C") {
		t.Errorf("the case's flights: %q", fl)
	}
	if got := offered(); len(got) != 0 {
		t.Errorf("a case on a flight's manifest offers the moves %v by hand", got)
	}
	if !run(t, b, "flight entry", chromedp.Evaluate[bool](`!!document.querySelector("#flight-entry a") && !document.getElementById("screening-entry")`)) {
		t.Error("a case on a flight's manifest does not lead to the flights only")
	}
	if n := timeline(); n != 8 {
		t.Errorf("the timeline has %d entries, want 8 (opened, 6 moves, on the manifest)", n)
	}
	save(b, "case-on-manifest")
	ko := messages(t, "ko")
	b.do(t, "the case in Korean", chromedp.Navigate(base+"/cases/"+caseID+"?lang=ko"), chromedp.WaitVisible(chromedp.ID("case-state")))
	if fl := b.text(t, "section[aria-labelledby=flights-h]"); !strings.Contains(fl, ko["repat.legal.victim"]) || !strings.Contains(fl, ko["repat.outcome.pending"]) {
		t.Errorf("the case's flights in Korean: %q", fl)
	}

	// 6. The charter is delayed a day: moved on its page with the reason,
	// it keeps the person, shows the move, and so does the case.
	// The move form is folded under its heading on a flight still ahead;
	// it unfolds from the keyboard.
	b.do(t, "the charter again", chromedp.Navigate(base+"/flights/"+f.consular.CharterID+"?lang=en"), chromedp.WaitVisible(chromedp.CSS("#reschedule-box > summary")))
	if run(t, b, "the move form folded", chromedp.Evaluate[bool](`document.getElementById("reschedule-box").open || document.getElementById("rs-depart").checkVisibility()`)) {
		t.Error("the move form of a flight ahead shows unfolded")
	}
	b.do(t, "unfold the move form", chromedp.Focus(chromedp.CSS("#reschedule-box > summary")), chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.ID("rs-depart")))
	was, err := time.Parse("2006-01-02T15:04", run(t, b, "the form's departure", chromedp.Evaluate[string](`document.getElementById("rs-depart").value`)))
	if err != nil {
		t.Fatalf("the move form's departure: %v", err)
	}
	b.do(t, "the new time", chromedp.SetValue(chromedp.ID("rs-depart"), was.Add(24*time.Hour).Format("2006-01-02T15:04")),
		chromedp.SetValue(chromedp.ID("rs-arrive"), ""), chromedp.SendKeys(chromedp.ID("rs-reason"), "delayed by the airline"))
	save(b, "flight-move")
	b.follow(t, "move the flight", press("#reschedule-submit"), chromedp.WaitVisible(chromedp.CSS(".alert.ok, #reschedule .ferr")))
	if loc := location(); !strings.HasSuffix(loc, "?done=rescheduled") {
		save(b, "flight-move-refused")
		t.Fatalf("moving the flight led to %s: %q", loc, b.text(t, "#reschedule"))
	}
	if moves := b.text(t, "#flight-moves"); !strings.Contains(moves, "delayed by the airline") || !strings.Contains(moves, was.Add(24*time.Hour).Format("2006-01-02 15:04 UTC")) {
		t.Errorf("the flight's moves: %q", moves)
	}
	if moved := run(t, b, "the manifest", chromedp.Evaluate[manifestView](readManifest)); !maps.Equal(moved.Shown, after.Shown) {
		t.Errorf("after the move the counts are %v, were %v", moved.Shown, after.Shown)
	}
	save(b, "flight-moved")
	b.do(t, "the case after the move", chromedp.Navigate(base+"/cases/"+caseID+"?lang=en"), chromedp.WaitVisible(chromedp.ID("case-state")))
	if last := b.text(t, "#timeline > li:last-child"); !strings.Contains(last, en["people.action.flight_rescheduled"]) || !strings.Contains(last, "delayed by the airline") {
		t.Errorf("the last timeline entry after the move is %q", last)
	}
	if s := state(); s != "on_manifest" {
		t.Errorf("after the move the case is %s", s)
	}

	for _, on := range []*browser{fam, b} {
		on.mu.Lock()
		for _, e := range on.errors {
			t.Errorf("the pages raised: %s", e)
		}
		on.mu.Unlock()
	}
}

// follow runs an action that leaves the page (a link, a form sent), then
// waits for the next page. A wait that began on the page being left can
// fail on its vanished nodes; it starts again on the new page.
func (b *browser) follow(t *testing.T, what string, leave chromedp.Action[chromedp.Void], ready ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	b.do(t, what, leave)
	for try := 0; ; try++ {
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		err := chromedp.Do(ctx, ready...)
		cancel()
		if err == nil {
			return
		}
		if try == 2 || !strings.Contains(err.Error(), "Could not find node") {
			t.Fatalf("%s: %v", what, err)
		}
	}
}
