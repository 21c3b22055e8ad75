package ui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// headerRows measures the page's header: its height in CSS pixels, and in
// how many rows the navigation's visible entries (the language links, the
// menus' links or, folded, their summaries) stand.
const headerRows = `(() => {
	const h = document.querySelector("header.site");
	const tops = new Set();
	for (const e of h.querySelectorAll("nav li, nav summary")) {
		if (e.checkVisibility()) tops.add(Math.round(e.getBoundingClientRect().top));
	}
	return [Math.round(h.getBoundingClientRect().height), tops.size];
})()`

// maxPhoneHeader is the most a 360 px phone's header may take, in CSS
// pixels: two rows of 2.75rem targets and their padding.
const maxPhoneHeader = 110

// TestMenuOnPhone: at 360 px the menus fold, so that the header's
// navigation stands in two rows (the languages; the menus' summaries side
// by side) for the user with the most entries, in every language; each
// menu opens from the keyboard and then shows every one of its links,
// each inside the screen. At desktop width the menus stand open, with no
// summary.
func TestMenuOnPhone(t *testing.T) {
	chromiumPath(t)
	f := demoFixture(t)
	b := newBrowser(t)
	base := f.srv.URL
	// The links each menu holds, and whether each is shown.
	links := func(what, menu string) (hrefs []string, shown int) {
		got := run(t, b, what, chromedp.Evaluate[[]string](`[...document.querySelectorAll("nav.`+menu+` li a, nav.`+menu+` .who button")].map(a => {
			const r = a.getBoundingClientRect();
			const in_ = a.checkVisibility() && r.left >= 0 && r.right <= document.documentElement.clientWidth && r.height > 0;
			return (in_ ? "+" : "-") + (a.getAttribute("href") || "logout");
		})`))
		for _, g := range got {
			hrefs = append(hrefs, g[1:])
			if g[0] == '+' {
				shown++
			}
		}
		return hrefs, shown
	}
	for _, who := range []string{"", consul, "admin@knpa.demo"} {
		b.do(t, "sign out", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, network.ClearBrowserCookies, cdp.Empty{})
			return err
		}))
		menus := []string{"menu:not(.workspace)"}
		if who != "" {
			signInBrowser(t, b, base, who)
			menus = append(menus, "workspace")
		}
		for _, lang := range []string{"en", "ko", "km"} {
			name := lang + " " + who
			page := base + "/safety?lang=" + lang
			b.do(t, name+" on a phone", chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile, chromedp.EmulateTouch),
				chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("call")))
			hr := run(t, b, "header", chromedp.Evaluate[[2]int](headerRows))
			if hr[1] != 2 || hr[0] > maxPhoneHeader {
				t.Errorf("%s: at 360 px the header is %d px high, its navigation in %d rows; want at most %d px, in 2 rows", name, hr[0], hr[1], maxPhoneHeader)
			}
			b.tooWide(t, name)
			for _, m := range menus {
				hrefs, shown := links(name+" folded", m)
				if len(hrefs) < 2 || shown != 0 {
					t.Errorf("%s: the folded menu %s shows %d of its %d links, want none", name, m, shown, len(hrefs))
				}
				// From the keyboard: Tab to the summary, Enter opens it.
				b.do(t, "to "+m, chromedp.Focus(chromedp.CSS("nav."+m+" summary")), chromedp.KeyEvent(kb.Enter))
				if open := run(t, b, "opened", chromedp.Evaluate[bool](`document.querySelector("nav.`+m+` details").open`)); !open {
					t.Errorf("%s: Enter on the summary of %s did not open it", name, m)
				}
				if _, shown := links(name+" opened", m); shown != len(hrefs) {
					t.Errorf("%s: the opened menu %s shows %d of its %d links inside the screen", name, m, shown, len(hrefs))
				}
				b.do(t, "tab into "+m, chromedp.KeyEvent(kb.Tab))
				if got := run(t, b, "focus", chromedp.Evaluate[string](`document.activeElement.getAttribute("href") || ""`)); got != hrefs[0] {
					t.Errorf("%s: Tab after the summary of %s reaches %q, want its first link %s", name, m, got, hrefs[0])
				}
				b.do(t, "close "+m, chromedp.Click(chromedp.CSS("nav."+m+" summary")))
			}
			b.tooWide(t, name+" opened")

			b.do(t, name+" at a desk", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("call")))
			for _, m := range menus {
				hrefs, shown := links(name+" desk", m)
				summary := run(t, b, "summary", chromedp.Evaluate[bool](`document.querySelector("nav.`+m+` summary").checkVisibility()`))
				if shown != len(hrefs) || summary {
					t.Errorf("%s: at a desk the menu %s shows %d of its %d links (summary shown: %v), want all and no summary", name, m, shown, len(hrefs), summary)
				}
			}
			if hr := run(t, b, "header", chromedp.Evaluate[[2]int](headerRows)); hr[1] > 3 {
				t.Errorf("%s: at a desk the navigation stands in %d rows", name, hr[1])
			}
			if who == "" && !strings.Contains(run(t, b, "menu", chromedp.Evaluate[string](`document.querySelector("nav.menu").innerText`)), messages(t, lang)["nav.login"]) {
				t.Errorf("%s: the public menu lacks the sign-in link", name)
			}
		}
	}
}

// TestLongValuesFitAPhone: a wallet address or a link, checked on a 360 px
// phone, is broken across lines inside its answer instead of pushing the
// page wider than the screen, in every language.
func TestLongValuesFitAPhone(t *testing.T) {
	chromiumPath(t)
	f := demoFixture(t)
	b := newBrowser(t)
	for _, q := range []string{
		"bc1qqwtc7sl0wh9s9nzyf7nt97pjgnvxm9d9p2emtd",
		"0xbe03fDba0C230E4E3a0D03407028a7699157E724",
		"https://www.mekongshop15.com/checkout/order?id=1234567890abcdefghijklmnopqrstuvwxyz",
		"TExMBvm1f6nD7SRXdX2euQxb9Ba8W3zgpX", // mistyped: the message quotes it
		// a message: the screener's reasons quote the link
		"Customer service job in Cambodia, no experience, apply at https://star-trade.xyz/login?session=abcdefghijklmnopqrstuvwxyz0123456789",
	} {
		for _, lang := range []string{"en", "ko", "km"} {
			b.do(t, q+" on a phone", chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile, chromedp.EmulateTouch),
				chromedp.Navigate(f.srv.URL+"/?lang="+lang+"&q="+urlq(q)), chromedp.WaitVisible(chromedp.CSS(".result .value")))
			b.tooWide(t, lang+" "+q)
		}
	}
	// The public forms' errors quote a long line that could not be read.
	for _, form := range []struct{ path, field, submit string }{
		{"/report", "identifiers", ".report-form button[type=submit]"},
		{"/missing", "contacts", "main form button[type=submit]"},
	} {
		for _, lang := range []string{"en", "km"} {
			b.do(t, form.path+" on a phone", chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile, chromedp.EmulateTouch),
				chromedp.Navigate(f.srv.URL+form.path+"?lang="+lang), chromedp.WaitVisible(chromedp.ID(form.field)),
				chromedp.SetValue(chromedp.ID(form.field), "https//broken-link-without-colon.example/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
				chromedp.Click(chromedp.CSS(form.submit)),
				chromedp.WaitVisible(chromedp.CSS("#"+form.field+"-err .ferr")))
			b.tooWide(t, lang+" "+form.path+" with a long line refused")
		}
	}
}
