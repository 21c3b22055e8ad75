package selector

import (
	"net/url"
	"strings"
)

// Profile and chat links. hdlParseLink recognises links to the platforms'
// own hosts, with or without a scheme; every other link is left to the URL
// parser.

// hdlHosts maps a host (lower case, without "www.", "m.", "mobile.",
// "web." or "mbasic.") to the function reading its path.
var hdlHosts = map[string]func(u *url.URL, segs []string) (Selector, string){
	"t.me":              hdlTelegramLink,
	"telegram.me":       hdlTelegramLink,
	"telegram.dog":      hdlTelegramLink,
	"wa.me":             hdlWaMeLink,
	"api.whatsapp.com":  hdlWhatsAppSendLink,
	"whatsapp.com":      hdlWhatsAppSendLink,
	"chat.whatsapp.com": hdlWhatsAppInviteLink,
	"line.me":           hdlLineLink,
	"open.kakao.com":    hdlKakaoLink,
	"signal.me":         hdlSignalLink,
	"zalo.me":           hdlZaloLink,
	"facebook.com":      hdlFacebookLink,
	"fb.com":            hdlFacebookLink,
	"fb.me":             hdlFacebookLink,
	"instagram.com":     hdlInstagramLink,
	"instagr.am":        hdlInstagramLink,
	"tiktok.com":        hdlTikTokLink,
	"x.com":             hdlXLink,
	"twitter.com":       hdlXLink,
}

// hdlParseLink reads raw as a platform link. ok is false when raw is not a
// link to a known platform host.
func hdlParseLink(raw string) (s Selector, ok bool, err error) {
	rest := raw
	lower := strings.ToLower(raw)
	switch {
	case strings.HasPrefix(lower, "tg://"):
		return hdlTelegramDeepLink(raw)
	case strings.HasPrefix(lower, "https://"):
		rest = raw[len("https://"):]
	case strings.HasPrefix(lower, "http://"):
		rest = raw[len("http://"):]
	case strings.Contains(lower, "://"):
		return Selector{}, false, nil
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	host := strings.ToLower(rest[:end])
	if !strings.Contains(host, ".") {
		return Selector{}, false, nil
	}
	host = strings.TrimSuffix(host, ".")
	for _, p := range []string{"www.", "m.", "mobile.", "web.", "mbasic."} {
		host = strings.TrimPrefix(host, p)
	}
	read, known := hdlHosts[host]
	if !known {
		// name.t.me is a Telegram username's own page.
		if name, ok := strings.CutSuffix(host, ".t.me"); ok && !strings.Contains(name, ".") {
			s, reason := hdlNamed("telegram", name)
			return hdlLinkResult(raw, s, reason)
		}
		return Selector{}, false, nil
	}
	u, perr := url.Parse("https://" + host + rest[end:])
	if perr != nil {
		return Selector{}, true, invalid(Handle, CodeHandleBadLink, raw, "malformed link")
	}
	var segs []string
	for _, seg := range strings.Split(u.Path, "/") {
		if seg != "" {
			segs = append(segs, seg)
		}
	}
	s, reason := read(u, segs)
	return hdlLinkResult(raw, s, reason)
}

func hdlLinkResult(raw string, s Selector, reason string) (Selector, bool, error) {
	if reason != "" {
		return Selector{}, true, invalid(Handle, CodeHandleBadLink, raw, reason)
	}
	return s, true, nil
}

// hdlNamed checks name on platform p and builds its selector.
func hdlNamed(p, name string) (Selector, string) {
	v, reason := hdlPlatforms[p].name(name)
	if reason != "" {
		return Selector{}, reason
	}
	return hdlSelector(p, v), ""
}

// hdlPhone parses a number from a link as an international phone number
// (or with region, for links whose numbers are national).
func hdlPhone(number, region string) (Selector, string) {
	if !hdlLooksLikePhone(number) {
		return Selector{}, "no phone number in the link"
	}
	if region == "" && !strings.HasPrefix(number, "+") {
		number = "+" + number
	}
	s, err := parsePhone(number, Options{Region: region})
	if err != nil {
		return Selector{}, "the link's phone number is not valid"
	}
	return s, ""
}

func hdlTelegramLink(u *url.URL, segs []string) (Selector, string) {
	if len(segs) == 0 {
		return Selector{}, "no account in the link"
	}
	first := segs[0]
	switch {
	case strings.HasPrefix(first, "+"):
		if hdlAllDigits(first[1:]) {
			return hdlPhone(first, "") // t.me/+8210... opens a chat by number
		}
		return hdlNamed("telegram", first)
	case first == "joinchat" && len(segs) > 1:
		return hdlNamed("telegram", "+"+segs[1])
	case first == "s" && len(segs) > 1:
		return hdlNamed("telegram", segs[1])
	case first == "c":
		return Selector{}, "a private channel link names no account"
	}
	return hdlNamed("telegram", first)
}

// hdlTelegramDeepLink reads tg://resolve?domain=name and
// tg://join?invite=CODE.
func hdlTelegramDeepLink(raw string) (Selector, bool, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Selector{}, true, invalid(Handle, CodeHandleBadLink, raw, "malformed link")
	}
	q := u.Query()
	switch strings.ToLower(u.Host) {
	case "resolve":
		s, reason := hdlNamed("telegram", q.Get("domain"))
		return hdlLinkResult(raw, s, reason)
	case "join":
		s, reason := hdlNamed("telegram", "+"+q.Get("invite"))
		return hdlLinkResult(raw, s, reason)
	}
	return Selector{}, true, invalid(Handle, CodeHandleBadLink, raw, "not a Telegram account link")
}

func hdlWaMeLink(u *url.URL, segs []string) (Selector, string) {
	if len(segs) != 1 {
		return Selector{}, "wa.me links carry one phone number"
	}
	return hdlPhone(segs[0], "")
}

func hdlWhatsAppSendLink(u *url.URL, segs []string) (Selector, string) {
	if len(segs) != 1 || segs[0] != "send" {
		return Selector{}, "not a WhatsApp chat link"
	}
	return hdlPhone(strings.TrimSpace(u.Query().Get("phone")), "")
}

func hdlWhatsAppInviteLink(u *url.URL, segs []string) (Selector, string) {
	if len(segs) != 1 {
		return Selector{}, "not a WhatsApp group invite"
	}
	if segs[0] == "invite" {
		return Selector{}, "not a WhatsApp group invite"
	}
	return hdlNamed("whatsapp", "+"+segs[0])
}

// hdlLineLink reads line.me/ti/p/~id, line.me/R/ti/p/~id and the @id forms
// of official accounts.
func hdlLineLink(u *url.URL, segs []string) (Selector, string) {
	if len(segs) > 0 && segs[0] == "R" {
		segs = segs[1:]
	}
	if len(segs) == 3 && segs[0] == "ti" && segs[1] == "p" {
		id := segs[2]
		if strings.HasPrefix(id, "~") || strings.HasPrefix(id, "@") {
			return hdlNamed("line", id)
		}
		return Selector{}, "a LINE QR-code link names no ID"
	}
	return Selector{}, "not a LINE profile link"
}

func hdlKakaoLink(u *url.URL, segs []string) (Selector, string) {
	if len(segs) == 2 && segs[0] == "o" {
		return hdlNamed("kakaotalk", "+"+segs[1])
	}
	return Selector{}, "not a KakaoTalk open chat link"
}

// hdlSignalLink reads signal.me/#p/+number.
func hdlSignalLink(u *url.URL, segs []string) (Selector, string) {
	if number, ok := strings.CutPrefix(u.Fragment, "p/"); ok {
		return hdlPhone(number, "")
	}
	return Selector{}, "only signal.me phone links name an account"
}

// hdlZaloLink reads zalo.me/<phone>, zalo.me/<id> and zalo.me/g/<code>.
// Zalo numbers are usually written nationally (09...), so they are read as
// Vietnamese unless international.
func hdlZaloLink(u *url.URL, segs []string) (Selector, string) {
	switch {
	case len(segs) == 2 && segs[0] == "g":
		return hdlNamed("zalo", "+"+segs[1])
	case len(segs) == 1:
		if s, reason := hdlPhone(segs[0], "VN"); reason == "" {
			return s, ""
		}
		return hdlNamed("zalo", segs[0])
	}
	return Selector{}, "not a Zalo account link"
}

// hdlFacebookLink reads facebook.com/name, profile.php?id=N and
// people/Name/N.
func hdlFacebookLink(u *url.URL, segs []string) (Selector, string) {
	switch {
	case len(segs) == 1 && strings.EqualFold(segs[0], "profile.php"):
		id := u.Query().Get("id")
		if !hdlAllDigits(id) {
			return Selector{}, "profile.php without a numeric id"
		}
		return hdlNamed("facebook", id)
	case len(segs) >= 3 && segs[0] == "people":
		return hdlNamed("facebook", segs[2])
	case len(segs) >= 1:
		return hdlNamed("facebook", segs[0])
	}
	return Selector{}, "no profile in the link"
}

func hdlInstagramLink(u *url.URL, segs []string) (Selector, string) {
	if len(segs) == 0 {
		return Selector{}, "no profile in the link"
	}
	return hdlNamed("instagram", segs[0])
}

func hdlTikTokLink(u *url.URL, segs []string) (Selector, string) {
	if len(segs) == 0 || !strings.HasPrefix(segs[0], "@") {
		return Selector{}, "not a TikTok profile link"
	}
	return hdlNamed("tiktok", segs[0][1:])
}

func hdlXLink(u *url.URL, segs []string) (Selector, string) {
	if len(segs) == 0 {
		return Selector{}, "no profile in the link"
	}
	return hdlNamed("x", segs[0])
}
