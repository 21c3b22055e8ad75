package ui_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"counterscam/internal/trust"
)

// TestBrowserTriageOpenCaseBox: on the triage form, choosing a person whose
// case is still open unticks "open a consular case", choosing a new person
// ticks it again, and the officer may tick it by hand for a second case.
func TestBrowserTriageOpenCaseBox(t *testing.T) {
	chromiumPath(t)
	f := demoFixture(t)
	c := f.signIn(t, consul)
	first := triage(t, f, c, fileMissing(t, f, "강도윤"))
	known, err := f.cw.GetCaseFile(context.Background(), trust.Operator(), first)
	if err != nil {
		t.Fatal(err)
	}
	second := fileMissing(t, f, "강도윤")
	b := newBrowser(t)
	signInBrowser(t, b, f.srv.URL, consul)
	b.do(t, "open the intake", chromedp.Navigate(f.srv.URL+"/intakes/"+second+"?lang=en"), chromedp.WaitVisible(chromedp.ID("triage-h")))
	box := func(what string) bool {
		return run(t, b, what, chromedp.Evaluate[bool](`document.getElementById("open-case").checked`))
	}
	if !box("new person") {
		t.Error("the box is not ticked for a new person")
	}
	knownRadio := `.triage-form input[name=person][value="` + known.Person.ID + `"]`
	b.do(t, "choose the known person", chromedp.Click(chromedp.CSS(knownRadio)))
	if box("known person") {
		t.Error("the box stays ticked for a person whose case is open")
	}
	b.do(t, "choose a new person", chromedp.Click(chromedp.CSS(`.triage-form input[name=person][value=new]`)))
	if !box("new person again") {
		t.Error("the box is not ticked again for a new person")
	}
	b.do(t, "choose the known person and tick the box", chromedp.Click(chromedp.CSS(knownRadio)), chromedp.Click(chromedp.ID("open-case")))
	if !box("ticked by hand") {
		t.Error("the officer cannot tick the box for a second case")
	}
}
