package ui

import (
	"net/http"
	"net/url"

	"golang.org/x/text/language"
)

// Languages are the interface's languages, the first the default.
var Languages = []string{"en", "ko", "km"}

// langNames are the languages' own names, for the switcher.
var langNames = map[string]string{"en": "English", "ko": "한국어", "km": "ខ្មែរ"}

var langMatcher = language.NewMatcher([]language.Tag{language.English, language.Korean, language.Khmer})

func knownLang(l string) bool {
	for _, x := range Languages {
		if x == l {
			return true
		}
	}
	return false
}

// chooseLang picks the page's language: ?lang= (which also sticks, in a
// cookie), else the cookie, else the browser's Accept-Language.
func (s *Server) chooseLang(w http.ResponseWriter, r *http.Request) string {
	if l := r.URL.Query().Get("lang"); knownLang(l) {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: l, Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil || s.opts.SecureCookies})
		return l
	}
	if ck, err := r.Cookie(langCookie); err == nil && knownLang(ck.Value) {
		return ck.Value
	}
	return acceptLanguage(r.Header.Get("Accept-Language"))
}

// acceptLanguage is the best of the interface's languages for an
// Accept-Language header; English when none fits.
func acceptLanguage(h string) string {
	tags, _, err := language.ParseAcceptLanguage(h)
	if err != nil || len(tags) == 0 {
		return "en"
	}
	_, i, conf := langMatcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	return Languages[i]
}

// langLink is one entry of the language switcher.
type langLink struct {
	Code, Name, URL string
	Current         bool
}

// langLinks links the current page in every language.
func langLinks(r *http.Request, current string) []langLink {
	out := make([]langLink, len(Languages))
	for i, l := range Languages {
		q := url.Values{}
		for k, v := range r.URL.Query() {
			q[k] = v
		}
		q.Set("lang", l)
		path := r.URL.Path
		if r.Method != http.MethodGet {
			q = url.Values{"lang": {l}} // the form's page, afresh
		}
		out[i] = langLink{Code: l, Name: langNames[l], URL: path + "?" + q.Encode(), Current: l == current}
	}
	return out
}
