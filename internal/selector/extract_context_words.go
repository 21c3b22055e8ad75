package selector

import "unicode/utf8"

// The context words Extract knows, in English, Korean, Khmer, Chinese,
// Thai and Vietnamese, and their indexes.

// Platform names, as Options.Platform and handle subtypes spell them.
const (
	platTelegram = "telegram"
	platWhatsApp = "whatsapp"
	platLine     = "line"
	platWeChat   = "wechat"
	platSignal   = "signal"
	platZalo     = "zalo"
	platViber    = "viber"
	platKakao    = "kakaotalk"
	platInsta    = "instagram"
	platFacebook = "facebook"
	platTikTok   = "tiktok"
	platX        = "x"
)

var asciiCtxWords = []ctxWord{
	{w: "telegram", kind: ctxHandle, platform: platTelegram},
	{w: "tele", kind: ctxHandle, platform: platTelegram},
	{w: "tg", kind: ctxHandle, platform: platTelegram},
	{w: "whatsapp", kind: ctxHandle, platform: platWhatsApp},
	{w: "watsapp", kind: ctxHandle, platform: platWhatsApp},
	{w: "WA", kind: ctxHandle, platform: platWhatsApp, exact: true},
	{w: "Wa", kind: ctxHandle, platform: platWhatsApp, exact: true},
	{w: "LINE", kind: ctxHandle, platform: platLine, exact: true},
	{w: "line", kind: ctxHandle, platform: platLine, weak: true},
	{w: "lineid", kind: ctxHandle, platform: platLine},
	{w: "wechat", kind: ctxHandle, platform: platWeChat},
	{w: "weixin", kind: ctxHandle, platform: platWeChat},
	{w: "vx", kind: ctxHandle, platform: platWeChat},
	{w: "wx", kind: ctxHandle, platform: platWeChat},
	{w: "signal", kind: ctxHandle, platform: platSignal, weak: true},
	{w: "zalo", kind: ctxHandle, platform: platZalo},
	{w: "viber", kind: ctxHandle, platform: platViber},
	{w: "kakaotalk", kind: ctxHandle, platform: platKakao},
	{w: "kakao", kind: ctxHandle, platform: platKakao},
	{w: "kakaoid", kind: ctxHandle, platform: platKakao},
	{w: "katalk", kind: ctxHandle, platform: platKakao},
	{w: "instagram", kind: ctxHandle, platform: platInsta},
	{w: "insta", kind: ctxHandle, platform: platInsta},
	{w: "ig", kind: ctxHandle, platform: platInsta},
	{w: "facebook", kind: ctxHandle, platform: platFacebook},
	{w: "fb", kind: ctxHandle, platform: platFacebook},
	{w: "tiktok", kind: ctxHandle, platform: platTikTok},
	{w: "twitter", kind: ctxHandle, platform: platX},
	{w: "id", kind: ctxID},
	{w: "username", kind: ctxID},
	{w: "userid", kind: ctxID},
	{w: "account", kind: ctxBank, weak: true},
	{w: "acct", kind: ctxBank, weak: true},
	{w: "acc", kind: ctxBank, weak: true},
	{w: "a/c", kind: ctxBank, weak: true},
	{w: "stk", kind: ctxBank},
	{w: "bank", kind: ctxBank, named: true, weak: true},
	{w: "call", kind: ctxPhone},
	{w: "tel", kind: ctxPhone},
	{w: "phone", kind: ctxPhone},
	{w: "mobile", kind: ctxPhone},
	{w: "hotline", kind: ctxPhone},
	{w: "sdt", kind: ctxPhone},
	{w: "number", kind: ctxFiller},
	{w: "no", kind: ctxFiller},
	{w: "num", kind: ctxFiller},
	{w: "is", kind: ctxFiller},
	{w: "at", kind: ctxFiller},
	{w: "on", kind: ctxFiller},
	{w: "via", kind: ctxFiller},
	{w: "me", kind: ctxFiller},
	{w: "my", kind: ctxFiller},
	{w: "our", kind: ctxFiller},
	{w: "to", kind: ctxFiller},
	{w: "and", kind: ctxFiller},
	{w: "or", kind: ctxFiller},
}

// asciiPairs are two-word context phrases written without diacritics
// (Vietnamese typed on an English keyboard).
var asciiPairs = []struct {
	first, second string
	kind          ctxKind
}{
	{"tai", "khoan", ctxBank},
	{"ngan", "hang", ctxBank},
	{"so", "tk", ctxBank},
	{"dien", "thoai", ctxPhone},
}

var otherCtxWords = []ctxWord{
	// Korean
	{w: "텔레그램", kind: ctxHandle, platform: platTelegram},
	{w: "텔레", kind: ctxHandle, platform: platTelegram},
	{w: "텔레비", kind: ctxNone},
	{w: "카톡", kind: ctxHandle, platform: platKakao},
	{w: "카카오톡", kind: ctxHandle, platform: platKakao},
	{w: "카카오", kind: ctxHandle, platform: platKakao},
	{w: "카카오뱅크", kind: ctxBank, named: true},
	{w: "라인", kind: ctxHandle, platform: platLine, runStart: true},
	{w: "위챗", kind: ctxHandle, platform: platWeChat},
	{w: "왓츠앱", kind: ctxHandle, platform: platWhatsApp},
	{w: "와츠앱", kind: ctxHandle, platform: platWhatsApp},
	{w: "시그널", kind: ctxHandle, platform: platSignal, runStart: true},
	{w: "바이버", kind: ctxHandle, platform: platViber},
	{w: "인스타", kind: ctxHandle, platform: platInsta},
	{w: "인스타그램", kind: ctxHandle, platform: platInsta},
	{w: "페이스북", kind: ctxHandle, platform: platFacebook},
	{w: "페북", kind: ctxHandle, platform: platFacebook},
	{w: "틱톡", kind: ctxHandle, platform: platTikTok},
	{w: "아이디", kind: ctxID},
	{w: "계좌", kind: ctxBank},
	{w: "은행", kind: ctxBank, named: true},
	{w: "뱅크", kind: ctxBank, named: true},
	{w: "전화", kind: ctxPhone},
	{w: "연락처", kind: ctxPhone},
	{w: "휴대폰", kind: ctxPhone},
	{w: "핸드폰", kind: ctxPhone},
	// Khmer
	{w: "ធនាគារ", kind: ctxBank, named: true},
	{w: "បាគារ", kind: ctxBank, named: true},
	{w: "គណនី", kind: ctxBank},
	{w: "តេឡេក្រាម", kind: ctxHandle, platform: platTelegram},
	{w: "តេលេក្រាម", kind: ctxHandle, platform: platTelegram},
	{w: "ទូរស័ព្ទ", kind: ctxPhone},
	// Chinese
	{w: "微信", kind: ctxHandle, platform: platWeChat},
	{w: "微信号", kind: ctxHandle, platform: platWeChat},
	{w: "纸飞机", kind: ctxHandle, platform: platTelegram},
	{w: "飞机号", kind: ctxHandle, platform: platTelegram},
	{w: "电报", kind: ctxHandle, platform: platTelegram},
	{w: "账户", kind: ctxBank},
	{w: "帐户", kind: ctxBank},
	{w: "賬戶", kind: ctxBank},
	{w: "帳戶", kind: ctxBank},
	{w: "银行卡", kind: ctxBank},
	{w: "銀行卡", kind: ctxBank},
	{w: "银行", kind: ctxBank, named: true},
	{w: "銀行", kind: ctxBank, named: true},
	{w: "卡号", kind: ctxBank},
	{w: "账号", kind: ctxIDBank},
	{w: "帐号", kind: ctxIDBank},
	{w: "賬號", kind: ctxIDBank},
	{w: "帳號", kind: ctxIDBank},
	{w: "电话", kind: ctxPhone},
	{w: "手机", kind: ctxPhone},
	{w: "電話", kind: ctxPhone},
	{w: "手機", kind: ctxPhone},
	// Thai
	{w: "บัญชี", kind: ctxBank},
	{w: "ธนาคาร", kind: ctxBank, named: true},
	{w: "ไลน์", kind: ctxHandle, platform: platLine},
	{w: "ไอดี", kind: ctxID},
	{w: "เทเลแกรม", kind: ctxHandle, platform: platTelegram},
	{w: "โทร", kind: ctxPhone},
	{w: "เบอร์", kind: ctxPhone},
	// Vietnamese
	{w: "tài khoản", kind: ctxBank, back: 1},
	{w: "Tài khoản", kind: ctxBank, back: 1},
	{w: "TÀI KHOẢN", kind: ctxBank, back: 1},
	{w: "ngân hàng", kind: ctxBank, back: 1, named: true},
	{w: "Ngân hàng", kind: ctxBank, back: 1, named: true},
	{w: "điện thoại", kind: ctxPhone},
	{w: "Điện thoại", kind: ctxPhone},
	{w: "sđt", kind: ctxPhone, back: 1},
	{w: "SĐT", kind: ctxPhone, back: 1},
	{w: "Sđt", kind: ctxPhone, back: 1},
}

// ctxEntry is an ASCII context word packed for asciiCtx.
type ctxEntry struct {
	key   uint64
	ninth byte
	n     uint8
	i     uint8
}

// asciiCtxIndex buckets the ASCII context words by their first letter.
var asciiCtxIndex = func() (t [26][]ctxEntry) {
	for i, w := range asciiCtxWords {
		key, ninth := packLower(w.w)
		c := w.w[0] | 0x20 - 'a'
		t[c] = append(t[c], ctxEntry{key: key, ninth: ninth, n: uint8(len(w.w)), i: uint8(i)})
	}
	return t
}()

// otherCtxIndex maps the anchor rune of each non-ASCII context word (its
// first non-ASCII rune) to the words; otherCtxBits says quickly which BMP
// runes anchor any word.
var otherCtxIndex, otherCtxBits = func() (map[rune][]int, *[1024]uint64) {
	m := map[rune][]int{}
	var bits [1024]uint64
	for i, w := range otherCtxWords {
		r, _ := utf8.DecodeRuneInString(w.w[w.back:])
		m[r] = append(m[r], i)
		bits[r>>6&1023] |= 1 << (r & 63)
	}
	return m, &bits
}()
