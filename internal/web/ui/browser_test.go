package ui_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"counterscam/internal/cli"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// chromiumPath finds headless Chromium: $COUNTERSCAM_CHROMIUM, else
// /usr/bin/chromium or chromium on the PATH. Without it the browser tests
// skip, except in CI (CI=true), where they fail.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("COUNTERSCAM_CHROMIUM"), "/usr/bin/chromium"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	msg := "no Chromium found: set COUNTERSCAM_CHROMIUM, or install it (apt-get install -y chromium fonts-noto-cjk fonts-khmeros; scripts/test.sh does)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// artifactsDir is where the screenshots go: $COUNTERSCAM_ARTIFACTS, else
// testdata/screenshots (git-ignored).
func artifactsDir(t *testing.T) string {
	dir := os.Getenv("COUNTERSCAM_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("testdata", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browser is one headless Chromium with a fresh profile, and the errors
// its pages raised (exceptions, console errors, refused by the CSP).
type browser struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

func newBrowser(t *testing.T) *browser {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	b := &browser{ctx: ctx}
	if err := chromedp.Listen(ctx, b.record); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, log.Enable, cdp.Empty{})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *browser) record(ev any) {
	var msg string
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		msg = "exception: " + e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError {
			msg = "console.error"
		}
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError && e.Entry.Source != log.EntrySourceNetwork {
			msg = string(e.Entry.Source) + ": " + e.Entry.Text
		}
	}
	if msg != "" {
		b.mu.Lock()
		b.errors = append(b.errors, msg)
		b.mu.Unlock()
	}
}

// do runs actions with a time limit.
func (b *browser) do(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func run[T any](t *testing.T, b *browser, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

func (b *browser) text(t *testing.T, sel string) string {
	t.Helper()
	return run(t, b, "text of "+sel, chromedp.Text(chromedp.CSS(sel)))
}

func (b *browser) attr(t *testing.T, sel, name string) string {
	t.Helper()
	return run(t, b, "attribute "+name+" of "+sel, chromedp.AttributeValue(chromedp.CSS(sel), name)).Value
}

// tooWide fails the test where the page is wider than the viewport, and
// names the elements that stick out past its right edge, deepest first,
// so that a failure says what to fix.
func (b *browser) tooWide(t *testing.T, what string) {
	t.Helper()
	over := run(t, b, "overflow", chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
	if over <= 0 {
		return
	}
	culprits := run(t, b, "overflowing elements", chromedp.Evaluate[string](`(() => {
		const w = document.documentElement.clientWidth, out = [];
		for (const el of document.body.querySelectorAll("*")) {
			const r = el.getBoundingClientRect();
			if (r.right <= w + 0.5 || r.width === 0) continue;
			if ([...el.children].some(c => c.getBoundingClientRect().right > w + 0.5)) continue;
			let name = el.tagName.toLowerCase();
			if (el.id) name += "#" + el.id;
			for (const c of el.classList) name += "." + c;
			out.push(name + " (" + Math.round(r.right - w) + " px: " + JSON.stringify((el.textContent || "").trim().slice(0, 40)) + ")");
		}
		return out.slice(0, 5).join("; ");
	})()`))
	t.Errorf("%s: %d px too wide; sticking out: %s", what, over, culprits)
}

// focusedAX is the focused element as the browser gives it to a screen
// reader: its computed role and accessible name.
func (b *browser) focusedAX(t *testing.T) (role, name string) {
	t.Helper()
	b.do(t, "the focused element's accessibility", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		ev, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{Expression: "document.activeElement"})
		if err != nil {
			return err
		}
		if ev.Result == nil || ev.Result.ObjectID == "" {
			return fmt.Errorf("no focused element")
		}
		no := false
		ax, err := cdp.Call(ctx, tg, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{ObjectID: ev.Result.ObjectID, FetchRelatives: &no})
		if err != nil {
			return err
		}
		if len(ax.Nodes) == 0 || ax.Nodes[0].Role == nil || ax.Nodes[0].Name == nil {
			return fmt.Errorf("the focused element has no accessibility node")
		}
		if err := json.Unmarshal(ax.Nodes[0].Role.Value, &role); err != nil {
			return err
		}
		return json.Unmarshal(ax.Nodes[0].Name.Value, &name)
	}))
	return role, name
}

var ulidRe = regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{26}$`)

// TestBrowser drives headless Chromium through the interface as its
// people use it, and saves screenshots of the main pages.
func TestBrowser(t *testing.T) {
	path := chromiumPath(t)
	f := demoFixture(t)
	b := newBrowser(t)
	t.Logf("Chromium: %s", path)
	base := f.srv.URL

	t.Run("the public checks a listed value and a clean one", func(t *testing.T) {
		listed := listedValue(t, f)
		// On a phone the form fills the screen: after a check the page
		// moves to what was found (and a screen reader reads from there).
		b.do(t, "check page", chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile, chromedp.EmulateTouch),
			chromedp.Navigate(base+"/?lang=en"),
			chromedp.WaitVisible(chromedp.ID("q")),
			chromedp.SendKeys(chromedp.ID("q"), listed),
			chromedp.Click(chromedp.CSS(".check-form button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".result")))
		if at := run(t, b, "focus after the check", chromedp.Evaluate[string](`new Promise(ok => {
			const f = () => {
				const h = document.getElementById("res-h").getBoundingClientRect();
				ok(document.activeElement.id + " " + (h.bottom > 0 && h.top < innerHeight));
			};
			document.readyState === "loading" ? addEventListener("DOMContentLoaded", () => setTimeout(f)) : f();
		})`, chromedp.EvalAwaitPromise)); at != "results true" {
			t.Errorf("after the check, focus and view: %q, want the results focused and their heading in view", at)
		}
		b.do(t, "desktop again", chromedp.EmulateViewport(1280, 900))
		if s := b.attr(t, ".result", "data-status"); s != intel.StatusListed {
			t.Errorf("%s: status %q, want listed", listed, s)
		}
		if txt := b.text(t, ".result .badge"); !strings.Contains(txt, "Reported as a scam") {
			t.Errorf("the listed badge says %q", txt)
		}
		if txt := b.text(t, ".alert.danger"); !strings.Contains(txt, "Stop") {
			t.Errorf("no stop warning: %q", txt)
		}
		b.do(t, "clean value", chromedp.Navigate(base+"/?q="+urlq("+82 10 5555 0199")), chromedp.WaitVisible(chromedp.CSS(".result")))
		if s := b.attr(t, ".result", "data-status"); s != intel.StatusNotListed {
			t.Errorf("a clean number: status %q, want not_listed", s)
		}
		b.do(t, "message", chromedp.Navigate(base+"/?q="+urlq(lureText)), chromedp.WaitVisible(chromedp.ID("screen")))
		if lvl := b.text(t, "#screen .badge"); !strings.Contains(lvl, "risk") && !strings.Contains(lvl, "warning") {
			t.Errorf("screener verdict %q", lvl)
		}
		if n := run(t, b, "marks", chromedp.Evaluate[int](`document.querySelectorAll("#screen mark").length`)); n == 0 {
			t.Error("no highlighted reasons in the screened text")
		}
	})

	t.Run("an account number typed without its bank names its bank on a phone", func(t *testing.T) {
		b.do(t, "bare account", chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile, chromedp.EmulateTouch),
			chromedp.Navigate(base+"/?lang=ko&q="+urlq("0342-185-000134")),
			chromedp.WaitVisible(chromedp.CSS(".result .accounts")))
		if txt := b.text(t, ".result .accounts li"); !strings.Contains(txt, "MB Bank 0342185000134") || !strings.Contains(txt, "신고 2건") {
			t.Errorf("the account's bank and reports: %q", txt)
		}
		if wide := run(t, b, "page width", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > innerWidth`)); wide {
			t.Error("the answer is wider than a 360-pixel phone")
		}
		png := run(t, b, "screenshot", chromedp.CaptureScreenshot())
		if err := os.WriteFile(filepath.Join(artifactsDir(t), "check-bare-account-ko-phone.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		b.do(t, "desktop again", chromedp.EmulateViewport(1280, 900))
	})

	t.Run("a member of the public files a report and gets a reference", func(t *testing.T) {
		b.do(t, "report form", chromedp.Navigate(base+"/report?lang=ko"),
			chromedp.WaitVisible(chromedp.ID("narrative")),
			chromedp.Click(chromedp.CSS(`input[name=scam_type][value=job_lure]`)),
			chromedp.SetValue(chromedp.ID("narrative"), "텔레그램으로 캄보디아 고수익 알바를 제안받고 항공권 비용을 보냈습니다."),
			chromedp.SendKeys(chromedp.ID("identifiers"), "+855 95 756 407\nnot a number ???"),
			chromedp.WaitVisible(chromedp.CSS("#identifiers-live li.bad")))
		if live := b.text(t, "#identifiers-live"); !strings.Contains(live, "인식됨") || !strings.Contains(live, "인식할 수 없음") {
			t.Errorf("the live check says %q", live)
		}
		b.do(t, "send with a mistake", chromedp.Click(chromedp.CSS(".report-form button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS("#identifiers-err .ferr")))
		if v := run(t, b, "narrative kept", chromedp.Evaluate[string](`document.getElementById("narrative").value`)); !strings.Contains(v, "텔레그램") {
			t.Errorf("the narrative was lost: %q", v)
		}
		if err := b.text(t, "#identifiers-err"); !strings.Contains(err, "2번째 줄") {
			t.Errorf("the identifier error says %q", err)
		}
		png := run(t, b, "screenshot", chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(artifactsDir(t), "report-errors-ko-desktop.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		b.do(t, "fix and send", chromedp.SetValue(chromedp.ID("identifiers"), "+855 95 756 407"),
			chromedp.Click(chromedp.CSS(".report-form button[type=submit]")),
			chromedp.WaitVisible(chromedp.ID("reference")))
		ref := b.text(t, "#reference")
		if !ulidRe.MatchString(ref) {
			t.Fatalf("reference %q", ref)
		}
		r, err := f.svc.GetReport(context.Background(), trust.Operator(), ref)
		if err != nil {
			t.Fatalf("the reference names no report: %v", err)
		}
		if r.Origin != intel.PublicOrigin || r.TLP != store.TLPGreen || r.ScamType != "job_lure" {
			t.Errorf("stored as %s %s %s", r.Origin, r.TLP, r.ScamType)
		}
	})

	t.Run("an analyst opens the largest network and its graph", func(t *testing.T) {
		u := f.user(t, "analyst@knpa.demo")
		id, reports, selectors := f.largestNetwork(t, u.Token)
		signInBrowser(t, b, base, u.Email)
		b.do(t, "networks", chromedp.Navigate(base+"/networks?lang=en"),
			chromedp.Click(chromedp.CSS("#networks tbody tr:first-child a")),
			chromedp.WaitVisible(chromedp.CSS(`#graph[data-ready="true"]`)))
		if loc := run(t, b, "location", chromedp.Location()); !strings.HasSuffix(loc, "/networks/"+id) {
			t.Fatalf("the first network listed is %s, the API's largest %s", loc, id)
		}
		nodes := b.attr(t, "#graph", "data-nodes")
		if want := fmt.Sprint(reports + selectors); nodes != want {
			t.Errorf("the graph shows %s nodes, the API reports %d reports and %d selectors", nodes, reports, selectors)
		}
		if n := run(t, b, "rendered", chromedp.Evaluate[int](`counterscamGraph.nodes(".report").length`)); n != reports {
			t.Errorf("%d report nodes drawn, want %d", n, reports)
		}
		if n := run(t, b, "key", chromedp.Evaluate[int](`counterscamGraph.nodes(".key").length`)); n == 0 {
			t.Error("no key infrastructure highlighted")
		}
		b.do(t, "zoom", chromedp.Click(chromedp.CSS(`[data-graph="zoom-in"]`)))
		b.do(t, "open a node", chromedp.Evaluate[chromedp.Void](`void counterscamGraph.nodes(".report")[0].emit("tap")`),
			chromedp.WaitVisible(chromedp.CSS(".marking .tlp")))
		if loc := run(t, b, "location", chromedp.Location()); !strings.Contains(loc, "/reports/") {
			t.Errorf("clicking a report node opened %s", loc)
		}
		graphByKeyboard(t, f, b, base, u.Token, id)
	})

	t.Run("another organisation's AMBER+STRICT record stays closed by URL", func(t *testing.T) {
		strict := f.reportWith(t, func(r *store.Report) bool {
			return r.Origin == "CNP" && r.TLP == store.TLPAmberStrict && len(r.Narrative) > 20
		})
		b.do(t, "open by URL", chromedp.Navigate(base+"/reports/"+strict.ID+"?lang=en"), chromedp.WaitVisible(chromedp.CSS("main h1")))
		main := b.text(t, "main")
		if !strings.Contains(main, "This page does not exist, or you may not see it.") {
			t.Errorf("KNPA's analyst got %q", main)
		}
		if strings.Contains(main, strict.Narrative[:12]) || strings.Contains(main, "TLP:AMBER") {
			t.Error("the refusal shows the record")
		}
	})

	t.Run("screenshots", func(t *testing.T) {
		screenshots(t, f, b, base)
	})

	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		t.Errorf("the pages raised: %s", e)
	}
}

// graphByKeyboard walks the network's graph with the keyboard: one Tab
// from the graph's controls reaches its most-named selector, named for a
// screen reader and ringed; the arrows move on and back, End reaches the oldest
// report; Enter and Space open what a click opens.
func graphByKeyboard(t *testing.T, f *fixture, b *browser, base, token, id string) {
	t.Helper()
	ctx := context.Background()
	p, err := f.ts.Authenticate(ctx, token, "test")
	if err != nil {
		t.Fatal(err)
	}
	g, err := f.svc.NetworkGraph(ctx, p, id)
	if err != nil || len(g.Selectors) < 2 || len(g.Reports) == 0 {
		t.Fatalf("the network's graph: %v", err)
	}
	en := messages(t, "en")
	name := func(i int) string {
		s := g.Selectors[i]
		return fmt.Sprintf("%s %s, in %d reports", en["kind."+s.Kind], s.Display, s.Count)
	}
	oldest := g.Reports[0]
	for _, r := range g.Reports {
		if r.ID < oldest.ID {
			oldest = r
		}
	}
	page := base + "/networks/" + id + "?lang=en"
	ready := chromedp.WaitVisible(chromedp.CSS(`#graph[data-ready="true"]`))
	focused := func(what string) string {
		return run(t, b, what, chromedp.Evaluate[string](`document.activeElement.getAttribute("aria-label") || ""`))
	}

	b.do(t, "tab into the graph", chromedp.Navigate(page), ready,
		chromedp.Focus(chromedp.CSS(`[data-graph="fit"]`)), chromedp.KeyEvent(kb.Tab))
	if got, want := focused("first node"), name(0); got != want {
		t.Errorf("the first node is named %q, want %q", got, want)
	}
	if role, got := b.focusedAX(t); role != "link" || got != name(0) {
		t.Errorf("a screen reader is given the first node as %s %q, want a link %q", role, got, name(0))
	}
	ring := run(t, b, "focus ring", chromedp.Evaluate[string](`(function () {
		var a = document.activeElement, s = getComputedStyle(a), r = a.getBoundingClientRect();
		return s.outlineStyle + " " + (r.width > 4 && r.height > 4) + " " + counterscamGraph.getElementById(a.dataset.node).hasClass("focus");
	})()`))
	if ring != "solid true true" {
		t.Errorf("the focused node shows %q, want a solid outline around it, drawn ringed", ring)
	}
	if n := run(t, b, "tab stops", chromedp.Evaluate[int](`document.querySelectorAll('#graph a[tabindex="0"]').length`)); n != 1 {
		t.Errorf("the graph has %d tab stops, want 1", n)
	}
	b.do(t, "next node", chromedp.KeyEvent(kb.ArrowRight))
	if got, want := focused("second node"), name(1); got != want {
		t.Errorf("after the right arrow the node is %q, want %q", got, want)
	}
	b.do(t, "back", chromedp.KeyEvent(kb.ArrowLeft))
	if got, want := focused("first node again"), name(0); got != want {
		t.Errorf("after the left arrow the node is %q, want %q", got, want)
	}
	b.do(t, "next again", chromedp.KeyEvent(kb.ArrowDown))
	png := run(t, b, "screenshot", chromedp.CaptureScreenshot())
	if err := os.WriteFile(filepath.Join(artifactsDir(t), "network-keyboard-en-desktop.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(t, "open with Enter", chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if loc := run(t, b, "location", chromedp.Location()); !strings.HasSuffix(loc, "/selectors/"+g.Selectors[1].ID) {
		t.Errorf("Enter on the second node opened %s, want the selector %s", loc, g.Selectors[1].ID)
	}

	// In Korean, each node is named in Korean.
	ko := messages(t, "ko")
	b.do(t, "tab into the graph in Korean", chromedp.Navigate(base+"/networks/"+id+"?lang=ko"), ready,
		chromedp.Focus(chromedp.CSS(`[data-graph="fit"]`)), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.ArrowRight))
	s := g.Selectors[1]
	if role, got := b.focusedAX(t); role != "link" || got != fmt.Sprintf("%s %s, 신고 %d건", ko["kind."+s.Kind], s.Display, s.Count) {
		t.Errorf("in Korean, a screen reader is given the second node as %s %q", role, got)
	}

	b.do(t, "to the last node", chromedp.Navigate(page), ready,
		chromedp.Focus(chromedp.CSS(`[data-graph="fit"]`)), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.End))
	want := "Report " + oldest.ID[len(oldest.ID)-6:] + ": " + en["scamtype."+oldest.ScamType] + ", received "
	if got := focused("last node"); !strings.HasPrefix(got, want) || !strings.HasSuffix(got, ", TLP:"+oldest.TLP) {
		t.Errorf("the last node is named %q, want %q… TLP:%s", got, want, oldest.TLP)
	}
	b.do(t, "open with Space", chromedp.KeyEvent(" "), chromedp.WaitVisible(chromedp.CSS(".marking .tlp")))
	if loc := run(t, b, "location", chromedp.Location()); !strings.HasSuffix(loc, "/reports/"+oldest.ID) {
		t.Errorf("Space on the last node opened %s, want the report %s", loc, oldest.ID)
	}
}

// listedValue is a selector the public check lists: the key infrastructure
// that the demo confirmed.
func listedValue(t *testing.T, f *fixture) string {
	ctx := context.Background()
	nets, err := f.svc.ListNetworks(ctx, trust.Operator(), store.NetworkFilter{MinReports: 2, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range nets {
		v, err := f.svc.Network(ctx, trust.Operator(), n.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range v.KeyInfrastructure {
			if r, _ := f.svc.Check(ctx, k.Display, ""); r != nil && r.Status == intel.StatusListed {
				return k.Display
			}
		}
	}
	t.Fatal("the demo lists nothing publicly")
	return ""
}

func signInBrowser(t *testing.T, b *browser, base, email string) {
	b.do(t, "sign in", chromedp.Navigate(base+"/login?lang=en"),
		chromedp.WaitVisible(chromedp.ID("email")),
		chromedp.SendKeys(chromedp.ID("email"), email),
		chromedp.SendKeys(chromedp.ID("password"), cli.DemoPassword),
		chromedp.Click(chromedp.CSS("main form button[type=submit]")),
		chromedp.WaitReady(chromedp.CSS("body.signed-in"))) // not every role has a dashboard (a shelter's worker)
}
