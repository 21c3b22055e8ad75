package ui_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"counterscam/internal/store"
)

func urlq(s string) string { return url.QueryEscape(s) }

// shot is a page to photograph, and what shows that it is ready.
type shot struct {
	name, path, ready string
	member            bool
}

// viewports are a desktop and the narrowest phone the pages support.
var viewports = []struct {
	name          string
	width, height int64
	phone         bool
}{{"desktop", 1280, 900, false}, {"phone", 360, 780, true}}

// screenshots saves the main pages in English, Korean and Khmer at desktop
// and phone width into the artefacts folder, and checks on each that
// nothing is wider than a 360 px phone screen and that the header, its
// menus folded, stands in two rows.
func screenshots(t *testing.T, f *fixture, b *browser, base string) {
	dir := artifactsDir(t)
	u := f.user(t, "analyst@knpa.demo")
	netID, _, _ := f.largestNetwork(t, u.Token)
	p, err := f.ts.Authenticate(context.Background(), u.Token, "test")
	if err != nil {
		t.Fatal(err)
	}
	reps, err := f.svc.Search(context.Background(), p, "", store.ReportFilter{NetworkID: netID, Limit: 1})
	if err != nil || len(reps) == 0 {
		t.Fatalf("no report of the largest network for KNPA: %v", err)
	}
	rep := reps[0]
	shots := []shot{
		{"check", "/", "#q", false},
		{"check-listed", "/?q=" + urlq(listedValue(t, f)), ".result", false},
		{"check-message", "/?q=" + urlq(lureText), "#screen", false},
		{"report", "/report", "#narrative", false},
		{"safety", "/safety", "#call", false},
		{"login", "/login", "#email", false},
		{"not-found", "/no-such-page", "main h1", false},
		{"dashboard", "/dashboard", "#new-reports", true},
		{"networks", "/networks", "#networks", true},
		{"network", "/networks/" + netID, `#graph[data-ready="true"]`, true},
		{"report-view", "/reports/" + rep.ID, ".marking .tlp", true},
		{"selector", "/selectors/" + rep.Selectors[0].SelectorID, "#marks-h", true},
		{"search", "/search?q=" + urlq(rep.Selectors[0].Display), "#search-count", true},
		{"import", "/import", "#file", true},
	}
	// who signs in for a shot other than the KNPA analyst's
	signInAs := map[string]string{}
	shots = append(shots, repatriationShots(t, f, signInAs)...)
	shots = append(shots, referralShots(t, f, signInAs)...)
	shots = append(shots, shot{"places", "/places", "#compounds-count", true})
	signInAs["places"] = consul
	b.do(t, "sign out", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.ClearBrowserCookies, cdp.Empty{})
		return err
	}))
	signedIn := ""
	saved := 0
	for _, s := range shots {
		as := signInAs[s.name]
		if as == "" {
			as = u.Email
		}
		if s.member && signedIn != as {
			if signedIn != "" {
				b.do(t, "sign out", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, network.ClearBrowserCookies, cdp.Empty{})
					return err
				}))
			}
			signInBrowser(t, b, base, as)
			signedIn = as
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
				b.do(t, s.name+" "+lang+" "+vp.name, emu, chromedp.Navigate(base+s.path+sep+"lang="+lang), chromedp.WaitVisible(chromedp.CSS(s.ready)))
				if got := run(t, b, "lang", chromedp.Evaluate[string](`document.documentElement.lang`)); got != lang {
					t.Errorf("%s: page language %q, want %s", s.name, got, lang)
				}
				if vp.phone {
					over := run(t, b, "overflow", chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
					if over > 0 {
						t.Errorf("%s in %s: %d px wider than a 360 px phone", s.name, lang, over)
					}
					if hr := run(t, b, "header", chromedp.Evaluate[[2]int](headerRows)); hr[1] > 2 || hr[0] > maxPhoneHeader {
						t.Errorf("%s in %s: the header is %d px high, its navigation in %d rows; want at most %d px, in 2 rows", s.name, lang, hr[0], hr[1], maxPhoneHeader)
					}
				}
				png := run(t, b, "screenshot", chromedp.FullScreenshot(100))
				name := filepath.Join(dir, s.name+"-"+lang+"-"+vp.name+".png")
				if err := os.WriteFile(name, png, 0o644); err != nil {
					t.Fatal(err)
				}
				saved++
			}
		}
	}
	saved += peopleScreenshots(t, f, b, base, dir)
	t.Logf("saved %d screenshots in %s", saved, dir)
}
