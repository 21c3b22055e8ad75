package selector

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Messenger and social-media accounts. The canonical form is
// "platform:name" and Subtype is the platform:
//
//	telegram:scam_boss      @scam_boss, t.me/scam_boss, t.me/s/scam_boss,
//	                        telegram.me/..., scam_boss.t.me, tg://resolve?domain=
//	telegram:+AbCdEf123456  t.me/+AbCdEf123456, t.me/joinchat/AbCdEf123456
//	                        (invite links; the code is case-sensitive)
//	line:someid             line.me/ti/p/~someid; line:@official for official accounts
//	wechat:wxid_abc123      weixin:/微信: ids
//	kakaotalk:someid        Kakao IDs (with a platform prefix or Options.Platform)
//	kakaotalk:+sAbCdEf1     open.kakao.com/o/sAbCdEf1 open chats
//	signal:name.01          Signal usernames
//	zalo:4318657068771012646, zalo:+CODE  numeric Zalo ids, zalo.me/g/ group links
//	whatsapp:+CODE          chat.whatsapp.com/ group invites
//	facebook:name, facebook:100004123456789  profile names and numeric ids
//	instagram:name, tiktok:name, x:name
//
// Links that carry a phone number (wa.me/<number>, api.whatsapp.com/send?
// phone=, signal.me/#p/+<number>, zalo.me/<number>) give a Phone selector,
// not a handle: the number is the identifier.
//
// Names are lower-cased where the platform ignores case; invite and
// open-chat codes keep their case. A bare name parses only when
// Options.Platform says which platform it belongs to; "@name" alone is a
// Telegram username (the common case in scam reports). Every Value parses
// back to itself.

const hdlMaxInput = 2048

// hdlPlatform describes one platform: its display name and the check for
// a name on it.
type hdlPlatform struct {
	display string
	// name checks a name (without any leading '@', except where the '@'
	// is part of the name as in LINE official accounts) and returns its
	// canonical form, or a reason it is not valid.
	name func(name string) (string, string)
	// phone says numbers given as the name are phone numbers (Phone
	// selectors); phoneRegion, when set, is the region they are read in
	// whatever Options.Region says (Zalo numbers are Vietnamese).
	phone       bool
	phoneRegion string
}

var hdlPlatforms = map[string]hdlPlatform{
	"telegram":  {display: "Telegram", name: hdlTelegramName},
	"whatsapp":  {display: "WhatsApp", name: hdlInviteOnly, phone: true},
	"line":      {display: "LINE", name: hdlLineName},
	"wechat":    {display: "WeChat", name: hdlWeChatName},
	"kakaotalk": {display: "KakaoTalk", name: hdlKakaoName},
	"signal":    {display: "Signal", name: hdlSignalName, phone: true},
	"zalo":      {display: "Zalo", name: hdlZaloName, phone: true, phoneRegion: "VN"},
	"facebook":  {display: "Facebook", name: hdlFacebookName},
	"instagram": {display: "Instagram", name: hdlInstagramName},
	"tiktok":    {display: "TikTok", name: hdlTikTokName},
	"x":         {display: "X", name: hdlXName},
}

// platformNames are the platforms' keys, as errors list them (a test keeps
// them in step with hdlPlatforms).
const platformNames = "telegram, whatsapp, line, wechat, kakaotalk, signal, zalo, facebook, instagram, tiktok, x"

// hdlAliases maps what people write before a name ("tg", "카톡", "微信")
// and what Options.Platform may say to a platform key. Keys are lower case
// without spaces.
var hdlAliases = map[string]string{
	"telegram": "telegram", "tg": "telegram", "텔레그램": "telegram", "텔레": "telegram", "电报": "telegram", "飞机": "telegram",
	"whatsapp": "whatsapp", "wa": "whatsapp", "왓츠앱": "whatsapp",
	"line": "line", "라인": "line", "ไลน์": "line",
	"wechat": "wechat", "weixin": "wechat", "wx": "wechat", "vx": "wechat", "微信": "wechat", "위챗": "wechat",
	"kakaotalk": "kakaotalk", "kakao": "kakaotalk", "카카오톡": "kakaotalk", "카톡": "kakaotalk", "카카오": "kakaotalk",
	"signal": "signal", "시그널": "signal",
	"zalo":     "zalo",
	"facebook": "facebook", "fb": "facebook", "페이스북": "facebook", "페북": "facebook",
	"instagram": "instagram", "ig": "instagram", "insta": "instagram", "인스타": "instagram", "인스타그램": "instagram",
	"tiktok": "tiktok", "틱톡": "tiktok",
	"x": "x", "twitter": "x", "트위터": "x",
}

// hdlShortAliases are too short to be trusted before a space ("x abc" is
// not an X account); they need a colon.
var hdlShortAliases = map[string]bool{"x": true, "tg": true, "fb": true, "ig": true, "wx": true, "vx": true, "wa": true}

// hdlPlatformKey resolves a platform word ("Telegram", "LINE ID", "微信号",
// "카카오톡 아이디") to a platform key.
func hdlPlatformKey(word string) (string, bool) {
	k := strings.ToLower(strings.Join(strings.Fields(word), ""))
	if p, ok := hdlAliases[k]; ok {
		return p, true
	}
	for _, suffix := range []string{"id", "아이디", "号", "username", "account"} {
		if rest, ok := strings.CutSuffix(k, suffix); ok {
			if p, ok := hdlAliases[rest]; ok {
				return p, true
			}
		}
	}
	return "", false
}

func parseHandle(raw string, o Options) (Selector, error) {
	raw = foldFullWidth(raw)
	if len(raw) > hdlMaxInput {
		return Selector{}, invalid(Handle, CodeTooLong, raw, "too long for a handle")
	}
	if !utf8.ValidString(raw) {
		return Selector{}, invalid(Handle, CodeBadUTF8, raw, "not valid UTF-8")
	}
	if s, ok, err := hdlParseLink(raw); ok {
		return s, err
	}
	// "platform:name", "platform: @name", "LINE ID name".
	if p, name, ok := hdlSplitPrefix(raw); ok {
		return hdlOn(raw, p, name, Options{Region: o.Region})
	}
	// "name (Platform)", "@name (Telegram)": the display form.
	if p, name, ok := hdlSplitSuffix(raw); ok {
		return hdlOn(raw, p, name, Options{Region: o.Region})
	}
	if strings.ContainsFunc(raw, unicode.IsSpace) {
		return Selector{}, invalid(Handle, CodeHandleSpaces, raw, "a handle has no spaces")
	}
	if o.Platform != "" {
		p, ok := hdlPlatformKey(o.Platform)
		if !ok {
			return Selector{}, &Error{Kind: Handle, Input: raw, Reason: "unknown platform " + o.Platform, Code: CodeHandleUnknownPlatform, Platform: o.Platform, Accepted: platformNames}
		}
		return hdlOn(raw, p, raw, o)
	}
	if strings.HasPrefix(raw, "@") {
		return hdlOn(raw, "telegram", raw, o)
	}
	return Selector{}, invalid(Handle, CodeHandleNeedsPlatform, raw, "a bare name needs a platform (telegram:name, or @name for Telegram)")
}

// hdlSplitPrefix splits "platform:name", "platform：name" or "platform name"
// when the prefix names a platform.
func hdlSplitPrefix(raw string) (platform, name string, ok bool) {
	if i := strings.IndexAny(raw, ":："); i > 0 {
		_, size := utf8.DecodeRuneInString(raw[i:])
		if p, ok := hdlPlatformKey(raw[:i]); ok {
			return p, strings.TrimSpace(raw[i+size:]), true
		}
	}
	// "LINE ID abc", "카톡 abc", "Telegram @abc": the last word is the name.
	if i := strings.LastIndexFunc(raw, unicode.IsSpace); i > 0 {
		prefix := strings.TrimSpace(raw[:i])
		k := strings.ToLower(prefix)
		if p, ok := hdlPlatformKey(prefix); ok && !hdlShortAliases[k] {
			return p, strings.TrimSpace(raw[i:]), true
		}
	}
	// "WhatsApp +855 12 345 678", "Zalo 0912 345 678": a platform whose
	// accounts are phone numbers, then a number written with spaces.
	for i, r := range raw {
		if i == 0 || !unicode.IsSpace(r) {
			continue
		}
		prefix, rest := strings.TrimSpace(raw[:i]), strings.TrimSpace(raw[i:])
		if p, ok := hdlPlatformKey(prefix); ok && !hdlShortAliases[strings.ToLower(prefix)] && hdlPlatforms[p].phone && hdlLooksLikePhone(rest) {
			return p, rest, true
		}
	}
	return "", "", false
}

// hdlSplitSuffix splits "name (Platform)", the display form of a handle,
// when the parenthesis names a platform.
func hdlSplitSuffix(raw string) (platform, name string, ok bool) {
	rest, ok := strings.CutSuffix(raw, ")")
	if !ok {
		return "", "", false
	}
	i := strings.LastIndex(rest, " (")
	if i <= 0 {
		return "", "", false
	}
	p, ok := hdlPlatformKey(rest[i+2:])
	if !ok {
		return "", "", false
	}
	return p, strings.TrimSpace(rest[:i]), true
}

// hdlOn parses name as an account on platform p.
func hdlOn(raw, p, name string, o Options) (Selector, error) {
	pl := hdlPlatforms[p]
	if name == "" {
		return Selector{}, invalid(Handle, CodeHandleNoName, raw, "no name after the platform")
	}
	if pl.phone && hdlLooksLikePhone(name) {
		region := o.Region
		if pl.phoneRegion != "" {
			region = pl.phoneRegion
		}
		s, err := parsePhone(name, Options{Region: region})
		if err == nil || p != "zalo" {
			return s, err
		}
		// A long Zalo number that is no phone number is a Zalo id.
	}
	if strings.ContainsFunc(name, unicode.IsSpace) {
		return Selector{}, invalid(Handle, CodeHandleSpaces, raw, "a handle has no spaces")
	}
	if name[0] == '@' && p != "line" {
		name = name[1:]
	}
	v, reason := pl.name(name)
	if reason != "" {
		return Selector{}, &Error{Kind: Handle, Input: raw, Reason: reason + " on " + pl.display, Code: CodeHandleBadName, Platform: pl.display}
	}
	return hdlSelector(p, v), nil
}

// hdlLooksLikePhone says whether s is a phone number in form: an optional
// '+', digits and phone punctuation, at least 7 digits.
func hdlLooksLikePhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return false
		}
	}
	return digits >= 7
}

// hdlSelector builds the selector for a canonical name on a platform.
func hdlSelector(p, v string) Selector {
	pl := hdlPlatforms[p]
	var display string
	invite := strings.HasPrefix(v, "+")
	switch {
	case p == "telegram" && invite:
		display = "https://t.me/" + v
	case p == "telegram":
		display = "@" + v + " (Telegram)"
	case p == "whatsapp":
		display = "https://chat.whatsapp.com/" + v[1:]
	case p == "kakaotalk" && invite:
		display = "https://open.kakao.com/o/" + v[1:]
	case p == "zalo" && invite:
		display = "https://zalo.me/g/" + v[1:]
	case p == "facebook" && hdlAllDigits(v):
		display = "https://www.facebook.com/profile.php?id=" + v
	case p == "facebook":
		display = "https://www.facebook.com/" + v
	case p == "instagram":
		display = "https://www.instagram.com/" + v
	case p == "tiktok":
		display = "https://www.tiktok.com/@" + v
	case p == "x":
		display = "https://x.com/" + v
	default:
		display = v + " (" + pl.display + ")"
	}
	return Selector{Kind: Handle, Value: p + ":" + v, Display: display, Subtype: p}
}

// hdlChars reports whether every byte of s is an ASCII letter, digit or
// one of extra.
func hdlChars(s, extra string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(extra, c) >= 0) {
			return false
		}
	}
	return true
}

func hdlAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func hdlIsLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// hdlInvite checks an invite or group code: case-sensitive letters, digits,
// '_' and '-', min to max long, with at least one letter (so that "+code"
// is never read as a phone number). It returns "+code".
func hdlInvite(code string, min, max int) (string, string) {
	if len(code) < min || len(code) > max || !hdlChars(code, "_-") || !strings.ContainsFunc(code, unicode.IsLetter) {
		return "", "not a valid invite code"
	}
	return "+" + code, ""
}

// PlatformName is how a handle's platform (a handle selector's subtype) is
// written for people: "Telegram" for "telegram"; "" for one not known.
func PlatformName(platform string) string { return hdlPlatforms[platform].display }
