package selector

import (
	"errors"
	"strings"
	"testing"
)

func TestParseHandle(t *testing.T) {
	tg := func(n string) Selector {
		return Selector{Kind: Handle, Value: "telegram:" + n, Display: "@" + n + " (Telegram)", Subtype: "telegram"}
	}
	h := func(p, v, display string) Selector {
		return Selector{Kind: Handle, Value: p + ":" + v, Display: display, Subtype: p}
	}
	none := Selector{}
	tests := []struct {
		name, in string
		o        Options
		want     Selector // zero means the input must fail
	}{
		// Telegram.
		{"@name", "@Scam_Boss", Options{}, tg("scam_boss")},
		{"t.me", "t.me/Scam_Boss", Options{}, tg("scam_boss")},
		{"https t.me/s", "https://t.me/s/scam_boss", Options{}, tg("scam_boss")},
		{"telegram.me", "http://telegram.me/scam_boss/", Options{}, tg("scam_boss")},
		{"message link", "https://t.me/scam_boss/1234?single", Options{}, tg("scam_boss")},
		{"subdomain", "scam_boss.t.me", Options{}, tg("scam_boss")},
		{"tg deep link", "tg://resolve?domain=scam_boss", Options{}, tg("scam_boss")},
		{"canonical", "telegram:scam_boss", Options{}, tg("scam_boss")},
		{"prefix with space and @", "Telegram: @scam_boss", Options{}, tg("scam_boss")},
		{"Korean prefix", "텔레그램 scam_boss", Options{}, tg("scam_boss")},
		{"platform option", "scam_boss", Options{Platform: "telegram"}, tg("scam_boss")},
		{"5 chars", "@abcde", Options{}, tg("abcde")},
		{"32 chars", "@" + strings.Repeat("a", 32), Options{}, tg(strings.Repeat("a", 32))},
		{"4 chars", "@abcd", Options{}, none},
		{"33 chars", "@" + strings.Repeat("a", 33), Options{}, none},
		{"starts with digit", "@1abcde", Options{}, none},
		{"starts with underscore", "@_abcde", Options{}, none},
		{"ends with underscore", "@abcde_", Options{}, none},
		{"dot in name", "@abc.def", Options{}, none},
		{"reserved t.me path", "t.me/share", Options{}, none},
		{"private channel link", "t.me/c/123456/789", Options{}, none},
		{"invite +", "https://t.me/+AbCdEfGhIjKl1234", Options{},
			h("telegram", "+AbCdEfGhIjKl1234", "https://t.me/+AbCdEfGhIjKl1234")},
		{"invite joinchat", "t.me/joinchat/AbCdEfGhIjKl1234", Options{},
			h("telegram", "+AbCdEfGhIjKl1234", "https://t.me/+AbCdEfGhIjKl1234")},
		{"invite canonical", "telegram:+AbCdEfGhIjKl1234", Options{},
			h("telegram", "+AbCdEfGhIjKl1234", "https://t.me/+AbCdEfGhIjKl1234")},
		{"invite too short", "t.me/+Ab1", Options{}, none},
		{"bare name, no platform", "scam_boss", Options{}, none},

		// LINE, WeChat, KakaoTalk, Signal, Zalo.
		{"LINE link", "https://line.me/ti/p/~Scam.Line", Options{}, h("line", "scam.line", "scam.line (LINE)")},
		{"LINE R link", "line.me/R/ti/p/~scam-line", Options{}, h("line", "scam-line", "scam-line (LINE)")},
		{"LINE official", "line.me/R/ti/p/@abc1234x", Options{}, h("line", "@abc1234x", "@abc1234x (LINE)")},
		{"LINE ID prefix", "LINE ID: scamline", Options{}, h("line", "scamline", "scamline (LINE)")},
		{"LINE Thai prefix", "ไลน์ scamline", Options{}, h("line", "scamline", "scamline (LINE)")},
		{"LINE QR code link", "line.me/ti/p/AbCdEfGh12", Options{}, none},
		{"LINE too short", "line:abc", Options{}, none},
		{"WeChat", "weixin:WxUser_01", Options{}, h("wechat", "wxuser_01", "wxuser_01 (WeChat)")},
		{"WeChat Chinese", "微信：wxuser_01", Options{}, h("wechat", "wxuser_01", "wxuser_01 (WeChat)")},
		{"WeChat 微信号", "微信号 wxuser_01", Options{}, h("wechat", "wxuser_01", "wxuser_01 (WeChat)")},
		{"WeChat starts with digit", "wechat:1wxuser", Options{}, none},
		{"WeChat too short", "wechat:wxusr", Options{}, none},
		{"Kakao open chat", "https://open.kakao.com/o/sAbCdEf1", Options{}, h("kakaotalk", "+sAbCdEf1", "https://open.kakao.com/o/sAbCdEf1")},
		{"Kakao ID platform option", "Scam.Kakao", Options{Platform: "kakaotalk"}, h("kakaotalk", "scam.kakao", "scam.kakao (KakaoTalk)")},
		{"카톡 prefix", "카톡: scamkakao", Options{}, h("kakaotalk", "scamkakao", "scamkakao (KakaoTalk)")},
		{"카카오톡 아이디", "카카오톡 아이디 scamkakao", Options{}, h("kakaotalk", "scamkakao", "scamkakao (KakaoTalk)")},
		{"Signal username", "signal:Scammer.42", Options{}, h("signal", "scammer.42", "scammer.42 (Signal)")},
		{"Signal 00", "signal:scammer.00", Options{}, none},
		{"Signal no discriminator", "signal:scammer", Options{}, none},
		{"Zalo group", "zalo.me/g/abcxyz123", Options{}, h("zalo", "+abcxyz123", "https://zalo.me/g/abcxyz123")},
		{"Zalo id", "https://zalo.me/4318657068771012646", Options{}, h("zalo", "4318657068771012646", "4318657068771012646 (Zalo)")},

		// Social networks.
		{"Facebook", "https://www.facebook.com/John.Smith.9?ref=bookmarks", Options{}, h("facebook", "johnsmith9", "https://www.facebook.com/johnsmith9")},
		{"Facebook m.", "m.facebook.com/johnsmith9", Options{}, h("facebook", "johnsmith9", "https://www.facebook.com/johnsmith9")},
		{"Facebook fb.com", "fb.com/johnsmith9", Options{}, h("facebook", "johnsmith9", "https://www.facebook.com/johnsmith9")},
		{"Facebook profile id", "https://facebook.com/profile.php?id=100004123456789", Options{},
			h("facebook", "100004123456789", "https://www.facebook.com/profile.php?id=100004123456789")},
		{"Facebook people", "facebook.com/people/John-Smith/100004123456789/", Options{},
			h("facebook", "100004123456789", "https://www.facebook.com/profile.php?id=100004123456789")},
		{"Facebook reserved", "facebook.com/groups/123456", Options{}, none},
		{"Facebook profile.php without id", "facebook.com/profile.php", Options{}, none},
		{"Instagram", "https://www.instagram.com/Scam.Shop_/", Options{}, h("instagram", "scam.shop_", "https://www.instagram.com/scam.shop_")},
		{"Instagram post", "instagram.com/p/Cabc123/", Options{}, none},
		{"Instagram double dot", "instagram.com/scam..shop", Options{}, none},
		{"TikTok", "https://www.tiktok.com/@Scam.Shop/video/123", Options{}, h("tiktok", "scam.shop", "https://www.tiktok.com/@scam.shop")},
		{"TikTok without @", "tiktok.com/scamshop", Options{}, none},
		{"X", "https://x.com/ScamBoss/status/1", Options{}, h("x", "scamboss", "https://x.com/scamboss")},
		{"Twitter", "twitter.com/scamboss", Options{}, h("x", "scamboss", "https://x.com/scamboss")},
		{"X reserved home", "x.com/home", Options{}, none},
		{"X reserved i", "https://x.com/i/flow/login", Options{}, none},
		{"X reserved search", "twitter.com/search?q=x", Options{}, none},
		{"X too long", "x.com/abcdefghijklmnop", Options{}, none},

		// Not handles.
		{"other host", "https://example.com/scam_boss", Options{}, none},
		{"e-mail", "scam_boss@example.com", Options{}, none},
		{"unknown platform option", "scam_boss", Options{Platform: "myspace"}, none},
		{"space inside", "@scam boss", Options{}, none},
		{"invalid UTF-8", "@scam\xffboss", Options{}, none},
		{"huge", "@" + strings.Repeat("a", 10<<20), Options{}, none},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAs(Handle, tt.in, tt.o)
			if tt.want == none {
				if err == nil {
					t.Fatalf("ParseAs(%.60q) = %+v, want an error", tt.in, got)
				}
				var e *Error
				if !errors.As(err, &e) || e.Kind != Handle {
					t.Fatalf("error %v is not a handle *Error", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseAs(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Fatalf("ParseAs(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
			for _, o := range []Options{{}, {Platform: "line"}, {Region: "KR"}} {
				if again, err := ParseAs(Handle, got.Value, o); err != nil || again != got {
					t.Fatalf("not a fixed point with %+v: ParseAs(%q) = %+v, %v", o, got.Value, again, err)
				}
			}
		})
	}
}

// Links and platforms whose identifier is a phone number give Phone
// selectors. These cases go through parsePhone (phone.go), so they also
// check that the handle parser hands it international numbers.
func TestParseHandlePhoneLinks(t *testing.T) {
	tests := []struct {
		name, in string
		o        Options
		want     string // E.164; "" means the input must fail
	}{
		{"wa.me", "https://wa.me/821012345678", Options{}, "+821012345678"},
		{"wa.me with plus", "wa.me/+85512345678", Options{}, "+85512345678"},
		{"api.whatsapp.com", "https://api.whatsapp.com/send?phone=821012345678&text=hi", Options{}, "+821012345678"},
		{"whatsapp prefix", "WhatsApp: +82 10-1234-5678", Options{}, "+821012345678"},
		{"whatsapp and spaced number", "WhatsApp +855 12 345 678", Options{}, "+85512345678"},
		{"zalo and spaced number", "Zalo 0912 345 678", Options{Region: "TH"}, "+84912345678"},
		{"signal and spaced number", "Signal 010 1234 5678", Options{Region: "KR"}, "+821012345678"},
		{"telegram is no phone platform", "Telegram +855 12 345 678", Options{}, ""},
		{"whatsapp platform national", "010-1234-5678", Options{Platform: "whatsapp", Region: "KR"}, "+821012345678"},
		{"signal.me", "https://signal.me/#p/+821012345678", Options{}, "+821012345678"},
		{"zalo national", "https://zalo.me/0912345678", Options{}, "+84912345678"},
		{"t.me by number", "https://t.me/+821012345678", Options{}, "+821012345678"},
		{"wa.me not a number", "wa.me/hello", Options{}, ""},
		{"wa.me bad number", "wa.me/123", Options{}, ""},
		{"WhatsApp name", "whatsapp:scam_boss", Options{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAs(Handle, tt.in, tt.o)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParseAs(%q) = %+v, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseAs(%q): %v", tt.in, err)
			}
			if got.Kind != Phone || got.Value != tt.want {
				t.Fatalf("ParseAs(%q) = %+v, want phone %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseHandleWhatsAppInvite(t *testing.T) {
	got, err := ParseAs(Handle, "https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", Options{})
	want := Selector{Kind: Handle, Value: "whatsapp:+AbCdEfGhIjKlMnOpQrStUv", Display: "https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", Subtype: "whatsapp"}
	if err != nil || got != want {
		t.Fatalf("got %+v, %v; want %+v", got, err, want)
	}
	if again, err := ParseAs(Handle, got.Value, Options{}); err != nil || again != got {
		t.Fatalf("not a fixed point: %+v, %v", again, err)
	}
}

func FuzzParseHandle(f *testing.F) {
	for _, s := range []string{
		"@scam_boss", "t.me/s/scam_boss", "https://t.me/+AbCdEfGhIjKl1234", "tg://resolve?domain=abcde",
		"line.me/R/ti/p/~scam-line", "weixin:wxuser_01", "open.kakao.com/o/sAbCdEf1", "signal:abc.12",
		"zalo.me/g/abcxyz123", "facebook.com/profile.php?id=100004123456789", "instagram.com/a.b_c",
		"tiktok.com/@abc", "x.com/abc", "wa.me/821012345678", "카톡: scamkakao", "\xff",
	} {
		f.Add(s, "")
		f.Add(s, "kakaotalk")
	}
	f.Fuzz(func(t *testing.T, in, platform string) {
		o := Options{Platform: platform}
		s, err := ParseAs(Handle, in, o)
		if err != nil {
			return
		}
		if s.Kind == Phone {
			return // the phone parser's own tests cover these
		}
		if s.Kind != Handle || s.Subtype == "" || !strings.HasPrefix(s.Value, s.Subtype+":") {
			t.Fatalf("ParseAs(%q) = %+v", in, s)
		}
		again, err := ParseAs(Handle, s.Value, o)
		if err != nil || again != s {
			t.Fatalf("not a fixed point: %q -> %+v -> %+v, %v", in, s, again, err)
		}
	})
}

func BenchmarkParseHandle(b *testing.B) {
	inputs := []string{
		"@scam_boss", "https://t.me/s/scam_boss", "line.me/R/ti/p/~scam-line", "카톡: scamkakao",
		"https://www.facebook.com/John.Smith.9?ref=bookmarks", "x.com/home", "scam_boss",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _ = ParseAs(Handle, inputs[i%len(inputs)], Options{})
	}
}
