package ui

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"counterscam/internal/auth"
	"counterscam/internal/trust"
)

//go:embed templates
var templateFS embed.FS

// views are the parsed pages, one set per language: every page is the
// layout plus the shared partials plus its own file, with "t" bound to the
// language's messages.
type views struct {
	byLang map[string]map[string]*template.Template
}

// viewNames lists the pages (templates/<name>.html).
var viewNames = []string{
	"check", "report", "report_sent", "safety", "login", "error",
	"dashboard", "networks", "network", "report_view", "selector", "search",
	"import", "import_job",
	"missing", "missing_sent", "triage", "intake", "persons", "person", "case",
	"screening", "dossier", "reconcile", "reconcile_review", "flights", "flight",
	"referrals", "referred", "referred_view", "places",
}

// parseViews parses every page for every language at start-up; a syntax
// error, an unknown function or a missing page fails here, not on a request.
func parseViews(cat *catalog, as *assets) (*views, error) {
	stub := func(string, ...any) (string, error) { return "", nil }
	base := template.New("layout").Funcs(baseFuncs(as)).Funcs(template.FuncMap{"t": stub,
		"msg": func(message) (string, error) { return "", nil }, "tr": func(string, string) string { return "" }})
	if _, err := base.ParseFS(templateFS, "templates/layout.html", "templates/partials.html"); err != nil {
		return nil, err
	}
	vs := &views{byLang: map[string]map[string]*template.Template{}}
	parsed := map[string]*template.Template{}
	for _, name := range viewNames {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.ParseFS(templateFS, "templates/"+name+".html"); err != nil {
			return nil, err
		}
		parsed[name] = t
	}
	if err := checkTemplateFiles(); err != nil {
		return nil, err
	}
	for _, lang := range Languages {
		vs.byLang[lang] = map[string]*template.Template{}
		for name, t := range parsed {
			lt, err := t.Clone()
			if err != nil {
				return nil, err
			}
			lt.Funcs(langFuncs(cat, lang))
			vs.byLang[lang][name] = lt
		}
	}
	return vs, nil
}

// checkTemplateFiles makes sure every template file is a page or shared.
func checkTemplateFiles() error {
	entries, err := fs.ReadDir(templateFS, "templates")
	if err != nil {
		return err
	}
	known := map[string]bool{"layout": true, "partials": true}
	for _, n := range viewNames {
		known[n] = true
	}
	for _, e := range entries {
		if !known[strings.TrimSuffix(e.Name(), ".html")] {
			return fmt.Errorf("templates/%s is not a known page: add it to viewNames", e.Name())
		}
	}
	return nil
}

func langFuncs(cat *catalog, lang string) template.FuncMap {
	return template.FuncMap{
		"t":   func(key string, args ...any) (string, error) { return cat.T(lang, key, args...) },
		"msg": func(m message) (string, error) { return cat.T(lang, m.Key, m.Args...) },
		// tr translates a value of an open vocabulary (a country code, a
		// selector's role, a channel) under prefix, or shows it as it is
		// when the catalogue has no word for it.
		"tr": func(prefix, value string) string {
			if word, err := cat.T(lang, prefix+value); err == nil {
				return word
			}
			return value
		},
	}
}

// page is what the layout needs, around a page's own Data.
type page struct {
	Lang  string
	Title string // translated
	Nav   string // the menu entry to mark current
	Path  string
	Langs []langLink
	User  *trust.Principal
	CSRF  string
	Data  any
}

// render writes a page in the request's language. The page is rendered
// into a buffer first, so a template error becomes a clean error page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, c *reqCtx, code int, view, nav string, title message, data any) error {
	t, ok := s.views.byLang[c.lang][view]
	if !ok {
		return fmt.Errorf("no view %q", view)
	}
	ttl, err := s.cat.T(c.lang, title.Key, title.Args...)
	if err != nil {
		return err
	}
	p := &page{Lang: c.lang, Title: ttl, Nav: nav, Path: r.URL.Path, Langs: langLinks(r, c.lang),
		CSRF: auth.CSRFToken(c.csrfSecret()), Data: data}
	if c.sess != nil {
		pr := c.sess.Principal
		p.User = &pr
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return fmt.Errorf("rendering %s in %s: %w", view, c.lang, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Language", c.lang)
	w.WriteHeader(code)
	_, err = w.Write(buf.Bytes())
	return err
}
