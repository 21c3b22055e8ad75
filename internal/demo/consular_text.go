package demo

import (
	"unicode/utf8"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// The consular scene's fixed parts: places, advisory zones, and the words
// families and recruiters use. Compound and company names are invented.

// consularCompounds are the scene's compounds.
var consularCompounds = []casework.CompoundInput{
	{Names: []string{"Golden Crane Park", "금학 단지", "金鹤园区"}, Country: "KH", Province: "Kampot (Bokor Mountain)",
		Coordinates: &store.Coordinates{Lat: 10.6273, Lon: 104.0218}, Operators: []string{"Crane Bay Holdings (front company)"},
		StillOperating: true, Note: "gated hotel blocks; guards at the only road"},
	{Names: []string{"Riverside Tower", "리버사이드 타워"}, Country: "KH", Province: "Preah Sihanouk (Sihanoukville)",
		Coordinates: &store.Coordinates{Lat: 10.6311, Lon: 103.5087}, Operators: []string{"Blue Harbor Entertainment Co."},
		StillOperating: true},
	{Names: []string{"Blue Lotus Compound", "블루 로터스", "蓝莲花"}, Country: "KH", Province: "Svay Rieng (Bavet)",
		Coordinates: &store.Coordinates{Lat: 11.0734, Lon: 106.1425}, Operators: []string{"Lotus Star Trading"},
		StillOperating: false, Note: "emptied before the raid; workers moved to Sihanoukville"},
}

// consularZones are the scene's travel advisory zones (levels as an
// embassy would set them after a wave of confinements).
var consularZones = []casework.ZoneInput{
	{Name: "Bokor Mountain", Country: "KH", Province: "Kampot", Level: "4", From: "2025-10-16", Source: "demo advisory"},
	{Name: "Bavet", Country: "KH", Province: "Svay Rieng", Level: "4", From: "2025-10-16", Source: "demo advisory"},
	{Name: "Poipet", Country: "KH", Province: "Banteay Meanchey", Level: "2.5", From: "2025-10-16", Source: "demo advisory"},
	{Name: "Sihanoukville", Country: "KH", Province: "Preah Sihanouk", Level: "2.5", From: "2025-10-16", Source: "demo advisory"},
	{Name: "Sihanoukville", Country: "KH", Province: "Preah Sihanouk", Level: "2", From: "2025-08-01", Until: "2025-10-15", Source: "demo advisory"},
	{Name: "Phnom Penh", Country: "KH", Province: "Phnom Penh", Level: "2", From: "2025-01-01", Source: "demo advisory"},
}

// Korean family and given-name parts of the scene's people (common ones,
// combined at random: no one in the news).
var (
	krFamilies = []string{"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송"}
	krGivens   = []string{"민", "서", "지", "현", "우", "준", "영", "수", "하", "은", "도", "연", "진", "성", "호", "윤", "재", "원", "혜", "승", "태", "경", "희", "훈"}
)

// krSpellings are other Latin spellings of family names that a partner's
// list uses instead of the passport's.
var krSpellings = map[string][]string{
	"김": {"GIM"}, "이": {"YI", "RHEE"}, "박": {"PAK", "BAK"}, "최": {"CHOE"}, "정": {"JEONG", "CHUNG"},
	"강": {"GANG"}, "조": {"JO"}, "윤": {"YUN"}, "장": {"CHANG"}, "임": {"LIM", "IM"}, "오": {"O"}, "서": {"SUH"},
	"신": {"SIN"}, "권": {"GWON"}, "안": {"AN"},
}

// Job ads as recruiters post them; %s is a handle or a site.
var krJobAds = []string{
	"[해외 고수익] 캄보디아 CS 상담원 모집. 월 800만원, 항공권·숙소 제공, 경력 무관. 텔레그램 %s",
	"동남아 코인 거래소 마케팅 직원 급구! 기본급 600만원 + 인센티브, 비자는 회사가 처리. 문의 %s",
	"해외 리조트 VIP 통역 알바, 하루 50만원. 여권만 있으면 바로 출국 가능. 지원: %s",
	"게임 운영 사무직, 프놈펜 근무, 월 700만원 보장. 출국 비용 전액 지원. 연락 %s",
}

// Families' reports, in Korean: the first %s is the person reported as
// the relative calls them, with its particle ("아들이"), the second a date.
var krNarratives = []string{
	"%s %s 캄보디아로 출국한 뒤 연락이 끊겼습니다. 어제 모르는 번호로 전화가 와서 감금되어 있으니 돈을 보내라고 했습니다.",
	"%s 해외 취업을 간다고 %s 나간 후 여권을 빼앗기고 건물 밖으로 나가지 못한다고 텔레그램으로 연락이 왔습니다.",
	"%s %s부터 시아누크빌의 한 건물에 갇혀 있다고 합니다. 때리고 전기충격기로 위협한다고 합니다.",
	"%s %s 고수익 일자리 광고를 보고 떠났습니다. 할당량을 못 채우면 다른 회사로 팔아넘긴다고 했답니다.",
	"%s %s 출국 후 카카오톡이 안 됩니다. 마지막 메시지에 '살려줘, 위치는 보코산 근처'라고 보냈습니다.",
}

// krRelation is how a reporting relative stands to the person reported:
// the kin relation; the relative in Korean, and what they call the person
// in their report, each for a man reported and for a woman (a man's
// older sister is his 누나, a woman's her 언니; a mother's son is her
// 아들, her daughter her 딸).
type krRelation struct {
	kin       string
	ko, calls [2]string
}

// krRelations are the relatives who report.
var krRelations = []krRelation{
	{"mother", [2]string{"어머니", "어머니"}, [2]string{"아들", "딸"}},
	{"father", [2]string{"아버지", "아버지"}, [2]string{"아들", "딸"}},
	{"sibling", [2]string{"누나", "언니"}, [2]string{"동생", "동생"}},
	{"sibling", [2]string{"형", "오빠"}, [2]string{"동생", "동생"}},
	{"spouse", [2]string{"아내", "남편"}, [2]string{"남편", "아내"}},
	{"relative", [2]string{"삼촌", "삼촌"}, [2]string{"조카", "조카"}},
}

// withSubjectParticle is a Korean noun with its subject particle: 이
// after a final consonant (아들이), 가 after a vowel (조카가).
func withSubjectParticle(noun string) string {
	r, _ := utf8.DecodeLastRuneInString(noun)
	if r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)%28 != 0 {
		return noun + "이"
	}
	return noun + "가"
}

// Roles in the compound and what screenings found.
var compoundRoles = []string{"chatter", "caller", "translator", "data entry", "team leader"}

// Receiving police agencies and escorts of the charter.
var (
	receivingAgencies = []string{"Chungnam PPA", "Gyeonggi Bukbu PPA", "Seoul PPA", "Busan PPA"}
	escortTeams       = []string{"escort team 1", "escort team 2", "escort team 3"}
)
