package selector

import "strings"

// The rules each platform sets for names. Each function takes a name
// without its leading '@' and returns the canonical name, or a reason.

// hdlTelegramName: usernames are 5 to 32 characters of a-z, 0-9 and '_',
// start with a letter, do not end with '_', and ignore case. "+CODE" is an
// invite link's code.
func hdlTelegramName(n string) (string, string) {
	if code, ok := strings.CutPrefix(n, "+"); ok {
		return hdlInvite(code, 10, 64)
	}
	if len(n) < 5 || len(n) > 32 {
		return "", "a username has 5 to 32 characters"
	}
	if !hdlChars(n, "_") || !hdlIsLetter(n[0]) || n[len(n)-1] == '_' {
		return "", "a username is letters, digits and _, starts with a letter and does not end with _"
	}
	if hdlTelegramReserved[strings.ToLower(n)] {
		return "", "not a username (a t.me page)"
	}
	return strings.ToLower(n), ""
}

// hdlTelegramReserved are t.me paths that are Telegram pages, not users.
var hdlTelegramReserved = map[string]bool{
	"share": true, "addstickers": true, "addemoji": true, "addtheme": true, "setlanguage": true,
	"proxy": true, "socks": true, "login": true, "confirmphone": true, "joinchat": true,
	"boost": true, "contact": true, "invoice": true, "giftcode": true, "addlist": true,
}

// hdlInviteOnly is WhatsApp, where a name is only ever a group invite code
// ("+CODE"); numbers are handled as phone numbers before this.
func hdlInviteOnly(n string) (string, string) {
	if code, ok := strings.CutPrefix(n, "+"); ok {
		return hdlInvite(code, 10, 40)
	}
	return "", "WhatsApp accounts are phone numbers"
}

// hdlLineName: LINE IDs are 4 to 20 characters of a-z, 0-9, '.', '-' and
// '_', case-insensitive; official accounts are "@" and 3 to 20 such
// characters.
func hdlLineName(n string) (string, string) {
	official := strings.HasPrefix(n, "@")
	id := strings.TrimPrefix(strings.TrimPrefix(n, "@"), "~")
	lo := 4
	if official {
		lo = 3
	}
	if len(id) < lo || len(id) > 20 || !hdlChars(id, "._-") {
		return "", "a LINE ID is 4 to 20 letters, digits, '.', '-' or '_'"
	}
	id = strings.ToLower(id)
	if official {
		return "@" + id, ""
	}
	return id, ""
}

// hdlWeChatName: WeChat IDs are 6 to 20 letters, digits, '_' and '-',
// starting with a letter (wxid_... ids included).
func hdlWeChatName(n string) (string, string) {
	if len(n) < 6 || len(n) > 20 || !hdlChars(n, "_-") || !hdlIsLetter(n[0]) {
		return "", "a WeChat ID is 6 to 20 letters, digits, _ or -, starting with a letter"
	}
	return strings.ToLower(n), ""
}

// hdlKakaoName: Kakao IDs are 4 to 20 characters of a-z, 0-9, '.', '-' and
// '_'; "+CODE" is an open chat (open.kakao.com/o/CODE), case-sensitive.
func hdlKakaoName(n string) (string, string) {
	if code, ok := strings.CutPrefix(n, "+"); ok {
		return hdlInvite(code, 6, 16)
	}
	if len(n) < 4 || len(n) > 20 || !hdlChars(n, "._-") {
		return "", "a Kakao ID is 4 to 20 letters, digits, '.', '-' or '_'"
	}
	return strings.ToLower(n), ""
}

// hdlSignalName: usernames are a nickname of 3 to 32 characters of a-z,
// 0-9 and '_' not starting with a digit, a '.', and a discriminator of two
// to nine digits (not 00, and without a leading 0 beyond two digits).
func hdlSignalName(n string) (string, string) {
	nick, disc, ok := strings.Cut(n, ".")
	if !ok {
		return "", "a Signal username is name.NN"
	}
	if len(nick) < 3 || len(nick) > 32 || !hdlChars(nick, "_") || (nick[0] >= '0' && nick[0] <= '9') {
		return "", "a Signal nickname is 3 to 32 letters, digits or _, not starting with a digit"
	}
	if len(disc) < 2 || len(disc) > 9 || !hdlAllDigits(disc) || disc == "00" || (len(disc) > 2 && disc[0] == '0') {
		return "", "a Signal discriminator is 2 to 9 digits (not 00)"
	}
	return strings.ToLower(nick) + "." + disc, ""
}

// hdlZaloName: numeric Zalo ids (10 to 20 digits), or "+CODE" for a group
// link. Phone numbers are handled before this.
func hdlZaloName(n string) (string, string) {
	if code, ok := strings.CutPrefix(n, "+"); ok {
		return hdlInvite(code, 6, 32)
	}
	if len(n) < 10 || len(n) > 20 || !hdlAllDigits(n) {
		return "", "a Zalo id is a phone number or 10 to 20 digits"
	}
	return n, ""
}

// hdlFacebookName: usernames are at least 5 letters, digits and '.',
// case-insensitive, and Facebook ignores the dots (john.smith is
// johnsmith), so the canonical name drops them. All-digit names are
// numeric profile ids.
func hdlFacebookName(n string) (string, string) {
	if len(n) > 50 || !hdlChars(n, ".") {
		return "", "a username is letters, digits and '.'"
	}
	v := strings.ToLower(strings.ReplaceAll(n, ".", ""))
	if len(v) < 5 {
		return "", "a username has at least 5 characters"
	}
	if hdlFacebookReserved[v] {
		return "", "not a profile (a Facebook page)"
	}
	return v, ""
}

var hdlFacebookReserved = map[string]bool{
	"home": true, "login": true, "groups": true, "pages": true, "watch": true, "marketplace": true,
	"events": true, "photo": true, "photos": true, "photophp": true, "story": true, "storyphp": true,
	"permalinkphp": true, "sharer": true, "sharerphp": true, "share": true, "dialog": true, "help": true,
	"policies": true, "privacy": true, "settings": true, "messages": true, "notifications": true,
	"friends": true, "gaming": true, "search": true, "hashtag": true, "reels": true, "stories": true,
	"business": true, "profilephp": true, "people": true, "plugins": true, "video": true, "videos": true,
	"legal": true, "about": true, "careers": true, "recover": true, "checkpoint": true, "bookmarks": true,
	"media": true, "composer": true, "fundraisers": true, "saved": true, "memories": true, "watchlive": true,
}

// hdlInstagramName: 1 to 30 letters, digits, '.' and '_', no leading or
// trailing '.', no "..", case-insensitive.
func hdlInstagramName(n string) (string, string) {
	if len(n) < 1 || len(n) > 30 || !hdlChars(n, "._") || n[0] == '.' || n[len(n)-1] == '.' || strings.Contains(n, "..") {
		return "", "a username is 1 to 30 letters, digits, '.' or '_'"
	}
	v := strings.ToLower(n)
	if hdlInstagramReserved[v] {
		return "", "not a profile (an Instagram page)"
	}
	return v, ""
}

var hdlInstagramReserved = map[string]bool{
	"p": true, "reel": true, "reels": true, "explore": true, "accounts": true, "stories": true,
	"direct": true, "tv": true, "about": true, "developer": true, "legal": true, "web": true,
	"challenge": true, "emails": true, "press": true, "api": true, "static": true,
}

// hdlTikTokName: 2 to 24 letters, digits, '.' and '_', not ending in '.',
// case-insensitive.
func hdlTikTokName(n string) (string, string) {
	if len(n) < 2 || len(n) > 24 || !hdlChars(n, "._") || n[len(n)-1] == '.' {
		return "", "a username is 2 to 24 letters, digits, '.' or '_'"
	}
	return strings.ToLower(n), ""
}

// hdlXName: 1 to 15 letters, digits and '_', case-insensitive.
func hdlXName(n string) (string, string) {
	if len(n) < 1 || len(n) > 15 || !hdlChars(n, "_") {
		return "", "a username is 1 to 15 letters, digits or _"
	}
	v := strings.ToLower(n)
	if hdlXReserved[v] {
		return "", "not a profile (an X page)"
	}
	return v, ""
}

var hdlXReserved = map[string]bool{
	"home": true, "i": true, "search": true, "explore": true, "settings": true, "notifications": true,
	"messages": true, "compose": true, "login": true, "logout": true, "signup": true, "tos": true,
	"privacy": true, "hashtag": true, "intent": true, "share": true, "about": true, "download": true,
	"jobs": true, "account": true, "who_to_follow": true, "lists": true, "topics": true, "bookmarks": true,
	"communities": true, "premium": true, "verified": true, "help": true, "oauth": true, "rules": true,
}
