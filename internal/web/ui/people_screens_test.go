package ui_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"counterscam/internal/trust"
)

// peopleScreenshots photographs the missing person form (empty, and with
// mistakes as a phone shows them) and the consular pages as a consular
// officer sees them, in every language at desktop and phone width, and
// checks on each that nothing is wider than a 360 px phone. It returns
// how many it saved.
func peopleScreenshots(t *testing.T, f *fixture, b *browser, base, dir string) int {
	ctx := context.Background()
	od, err := f.cw.OverdueDeadlines(ctx, trust.Operator())
	if err != nil || len(od) == 0 {
		t.Fatalf("the demo has no overdue deadline: %v", err)
	}
	file, err := f.cw.GetCaseFile(ctx, trust.Operator(), od[0].Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	officer := f.signIn(t, consul)
	intakeID := fileMissing(t, f, "김서연")
	caseID := triage(t, f, officer, fileMissing(t, f, "이도윤"))
	fresh, err := f.cw.GetCaseFile(ctx, trust.Operator(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	shots := []shot{
		{"missing", "/missing", "#name", false},
		{"triage", "/triage", "#queue", true},
		{"intake", "/intakes/" + intakeID, "#triage-h", true},
		{"person", "/persons/" + fresh.Person.ID, "#names", true},
		{"person-demo", "/persons/" + file.Person.ID, "#names", true},
		{"persons", "/persons?q=" + urlq("이도윤"), "#persons", true},
		{"case", "/cases/" + od[0].Case.ID, "#deadlines", true},
		{"case-new", "/cases/" + caseID, "#move-h", true},
	}
	b.do(t, "sign out", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.ClearBrowserCookies, cdp.Empty{})
		return err
	}))
	saved := 0
	save := func(name string) {
		png := run(t, b, "screenshot", chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		saved++
	}
	wide := func(name string) { b.tooWide(t, name+" on a 360 px phone") }
	// A family on a phone sends the form with mistakes: it comes back as
	// typed, with what to fix by each field.
	phone := viewports[1]
	b.do(t, "missing form on a phone", chromedp.EmulateViewport(phone.width, phone.height, chromedp.EmulateMobile, chromedp.EmulateTouch),
		chromedp.Navigate(base+"/missing?lang=ko"), chromedp.WaitVisible(chromedp.ID("name")),
		chromedp.Click(chromedp.ID("danger_now")),
		chromedp.SetValue(chromedp.ID("dob"), "작년 봄"),
		chromedp.SetValue(chromedp.ID("location"), "시아누크빌 프린스 단지 C동"),
		chromedp.Click(chromedp.CSS(".missing-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#dob-err .ferr")))
	if v := run(t, b, "location kept", chromedp.Evaluate[string](`document.getElementById("location").value`)); !strings.Contains(v, "프린스") {
		t.Errorf("the location was lost: %q", v)
	}
	if !run(t, b, "danger kept", chromedp.Evaluate[bool](`document.getElementById("danger_now").checked`)) {
		t.Error("the danger flag was lost")
	}
	wide("missing-errors-ko-phone")
	save("missing-errors-ko-phone")
	signedIn := false
	for _, s := range shots {
		if s.member && !signedIn {
			signInBrowser(t, b, base, consul)
			signedIn = true
		}
		for _, lang := range []string{"en", "ko", "km"} {
			for _, vp := range viewports {
				var emu chromedp.Action[chromedp.Void]
				if vp.phone {
					emu = chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateMobile, chromedp.EmulateTouch)
				} else {
					emu = chromedp.EmulateViewport(vp.width, vp.height)
				}
				sep := "?"
				if strings.Contains(s.path, "?") {
					sep = "&"
				}
				name := s.name + "-" + lang + "-" + vp.name
				b.do(t, name, emu, chromedp.Navigate(base+s.path+sep+"lang="+lang), chromedp.WaitVisible(chromedp.CSS(s.ready)))
				if vp.phone {
					wide(name)
				}
				save(name)
			}
		}
	}
	return saved
}
