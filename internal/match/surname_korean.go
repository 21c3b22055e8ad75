package match

import "strings"

// koreanSurname is one family name with the spellings Koreans actually use
// for it in passports. share is its approximate share of the population
// (from the 2015 census, rounded); it sets how much agreement on this
// surname is worth: two Kims agree by chance one time in five.
type koreanSurname struct {
	hangul   string // canonical spelling; initial-ㄹ forms (리, 류, 림...) map here
	rr       string // Revised Romanization
	share    float64
	variants string // space-separated, lower case, RR included
}

// koreanSurnames is ordered by frequency. Forms that differ only by the
// initial-ㄹ rule (이/리, 유/류, 임/림, 노/로, 나/라, 양/량) are one entry
// because passports write them interchangeably.
var koreanSurnames = []koreanSurname{
	{"김", "gim", 0.215, "kim gim kym keem ghim"},
	{"이", "i", 0.147, "lee yi rhee i rhie ri rie ree yee lie li yhi e"},
	{"박", "bak", 0.084, "park pak bak bahk pack parc"},
	{"최", "choe", 0.047, "choi choe chai choy chey chwe"},
	{"정", "jeong", 0.044, "jung jeong chung joung jong cheong chong jeung"},
	{"강", "gang", 0.023, "kang gang kahng khang"},
	{"조", "jo", 0.021, "cho jo joe cyo"},
	{"윤", "yun", 0.021, "yoon yun youn yune"},
	{"장", "jang", 0.020, "jang chang zang jhang"},
	{"임", "im", 0.017, "lim im rim yim leem lym yeem"},
	{"한", "han", 0.015, "han hahn hann"},
	{"오", "o", 0.015, "oh o ohh"},
	{"서", "seo", 0.014, "seo suh seoh su sur seu"},
	{"신", "sin", 0.014, "shin sin seen sheen"},
	{"권", "gwon", 0.014, "kwon gwon kweon kwun gweon"},
	{"황", "hwang", 0.014, "hwang whang"},
	{"안", "an", 0.013, "ahn an ahnn"},
	{"송", "song", 0.013, "song soung"},
	{"전", "jeon", 0.011, "jeon jun chun chon jeun cheon"},
	{"홍", "hong", 0.011, "hong houng"},
	{"유", "yu", 0.011, "yoo yu you ryu ryoo lyu yew rew yoe"},
	{"고", "go", 0.009, "ko go koh kho goh"},
	{"문", "mun", 0.009, "moon mun mon muun"},
	{"양", "yang", 0.009, "yang ryang lyang"},
	{"손", "son", 0.009, "son sohn shon sonn"},
	{"배", "bae", 0.008, "bae pae bai bay pai"},
	{"백", "baek", 0.007, "baek paek baik paik back baeg"},
	{"허", "heo", 0.007, "heo hur huh her hu hoe"},
	{"남", "nam", 0.006, "nam nahm"},
	{"심", "sim", 0.005, "shim sim seem"},
	{"노", "no", 0.007, "noh roh no ro rho nho"},
	{"하", "ha", 0.005, "ha hah"},
	{"곽", "gwak", 0.004, "kwak gwak kwack kwag"},
	{"성", "seong", 0.004, "sung seong seung soung"},
	{"차", "cha", 0.004, "cha char chah"},
	{"주", "ju", 0.004, "joo ju chu choo jou"},
	{"우", "u", 0.004, "woo u wu ou"},
	{"구", "gu", 0.004, "koo gu ku goo kou"},
	{"진", "jin", 0.004, "jin chin jinn"},
	{"민", "min", 0.003, "min mihn"},
	{"나", "na", 0.003, "na ra rha nah"},
	{"지", "ji", 0.003, "ji jee chi gi"},
	{"엄", "eom", 0.003, "eom um uhm eum oum"},
	{"채", "chae", 0.003, "chae chai che chay"},
	{"원", "won", 0.003, "won weon woun"},
	{"천", "cheon", 0.002, "cheon chun chon cheun"},
	{"방", "bang", 0.003, "bang pang"},
	{"공", "gong", 0.002, "kong gong"},
	{"현", "hyeon", 0.002, "hyun hyeon hyoun hyon"},
	{"함", "ham", 0.002, "ham hahm"},
	{"변", "byeon", 0.003, "byun byeon pyun pyeon byoun"},
	{"염", "yeom", 0.001, "yeom yum youm yeum ryeom"},
	{"여", "yeo", 0.001, "yeo yuh yo ryeo yeu"},
	{"추", "chu", 0.001, "chu choo"},
	{"도", "do", 0.001, "do doh to"},
	{"소", "so", 0.001, "so soh"},
	{"석", "seok", 0.001, "seok suk sok seog"},
	{"선", "seon", 0.001, "sun seon sunn son"},
	{"설", "seol", 0.001, "seol sul sol"},
	{"마", "ma", 0.001, "ma mah"},
	{"길", "gil", 0.001, "kil gil"},
	{"연", "yeon", 0.001, "yeon yun youn yon"},
	{"위", "wi", 0.001, "wi wee we"},
	{"표", "pyo", 0.001, "pyo pyou pyoh"},
	{"명", "myeong", 0.001, "myung myeong myoung"},
	{"기", "gi", 0.001, "ki gi kee"},
	{"반", "ban", 0.001, "ban pan"},
	{"왕", "wang", 0.001, "wang"},
	{"금", "geum", 0.001, "keum kum geum"},
	{"옥", "ok", 0.001, "ok ock oak"},
	{"육", "yuk", 0.001, "yuk yook ryuk yug"},
	{"인", "in", 0.001, "in inn"},
	{"맹", "maeng", 0.001, "maeng meng"},
	{"제", "je", 0.001, "je jae che"},
	{"모", "mo", 0.001, "mo moh"},
	{"탁", "tak", 0.001, "tak tark tag"},
	{"국", "guk", 0.001, "kook kuk guk gook"},
	{"어", "eo", 0.001, "eo uh eoh"},
	{"은", "eun", 0.001, "eun un"},
	{"편", "pyeon", 0.001, "pyun pyeon pyon"},
	{"용", "yong", 0.001, "yong ryong"},
	{"예", "ye", 0.001, "ye yeh"},
	{"경", "gyeong", 0.001, "kyung gyeong kyeong kyoung"},
	{"봉", "bong", 0.001, "bong pong"},
	{"사", "sa", 0.001, "sa sah"},
	{"부", "bu", 0.001, "boo bu pu"},
	{"태", "tae", 0.001, "tae tai"},
	{"가", "ga", 0.001, "ka ga"},
	{"황보", "hwangbo", 0.0002, "hwangbo hwangbu"},
	{"남궁", "namgung", 0.0004, "namgung namkoong namkung namgoong"},
	{"제갈", "jegal", 0.0001, "jegal chegal jekal"},
	{"선우", "seonu", 0.0001, "seonu sunwoo sunoo seonwoo"},
	{"독고", "dokgo", 0.0001, "dokgo dokko tokko"},
	{"사공", "sagong", 0.0001, "sagong sakong"},
	{"서문", "seomun", 0.0001, "seomun seomoon"},
}

// hangulSurnameAlias maps initial-ㄹ spellings to the canonical entry.
var hangulSurnameAlias = map[string]string{
	"리": "이", "류": "유", "림": "임", "로": "노", "라": "나", "량": "양",
	"렴": "염", "려": "여", "룡": "용", "륙": "육",
}

// surnameTable indexes koreanSurnames by Hangul and by Latin spelling. It is
// built once at package initialisation and never changed.
type surnameTable struct {
	byHangul map[string]int
	byLatin  map[string][]int
}

var surnames = buildSurnameTable()

func buildSurnameTable() surnameTable {
	t := surnameTable{byHangul: map[string]int{}, byLatin: map[string][]int{}}
	for i, s := range koreanSurnames {
		t.byHangul[s.hangul] = i
		for v := range strings.FieldsSeq(s.variants + " " + s.rr) {
			if !containsInt(t.byLatin[v], i) {
				t.byLatin[v] = append(t.byLatin[v], i)
			}
		}
	}
	for alias, canon := range hangulSurnameAlias {
		t.byHangul[alias] = t.byHangul[canon]
	}
	return t
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// splitKoreanName splits a Hangul personal name written without spaces into
// family and given name. Two-syllable family names are recognised when the
// whole name has at least three syllables (황보영 is 황보 + 영, 남궁민수 is
// 남궁 + 민수); otherwise the first syllable is the family name.
func splitKoreanName(s string) (family, given string) {
	rs := []rune(s)
	if len(rs) >= 3 {
		if i, ok := surnames.byHangul[string(rs[:2])]; ok && len([]rune(koreanSurnames[i].hangul)) == 2 {
			return string(rs[:2]), string(rs[2:])
		}
	}
	if len(rs) == 0 {
		return "", ""
	}
	return string(rs[:1]), string(rs[1:])
}

// RomanizeKoreanName writes a Hangul personal name as Korean passports do by
// default: family name, space, given name with each syllable romanised on its
// own and no hyphen, each part capitalised ("민용하" -> "Min Yongha"). A
// name already written with a space keeps its split.
func RomanizeKoreanName(s string) string {
	s = strings.TrimSpace(s)
	var family, given string
	if f, g, ok := strings.Cut(s, " "); ok {
		family, given = f, strings.ReplaceAll(strings.TrimSpace(g), " ", "")
	} else {
		family, given = splitKoreanName(s)
	}
	out := capitalise(RomanizeHangul(family, RRName))
	if given != "" {
		out += " " + capitalise(RomanizeHangul(given, RRName))
	}
	return out
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
