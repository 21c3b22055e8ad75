package selector

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// bankEntry is one bank (or licensed payment institution) that scam
// reports name. Code is the bank's standard code in its country: the
// 3-digit KFTC code in Korea, the Bank of Thailand's 3-digit code, the
// CNAPS bank code in China, and a short upper-case name in Cambodia and
// Vietnam, where reports name banks by their short names.
type bankEntry struct {
	Country string
	Code    string
	Name    string   // English
	Local   string   // in the country's script, where it differs
	Aliases []string // how people write it: short names, old names, abbreviations
}

// bankDirectory lists the banks counterscam recognises by name. Any bank
// code is accepted in the canonical "CC:CODE:DIGITS" form; this list only
// decides which names are understood in free input.
var bankDirectory = []bankEntry{
	// Korea: KFTC (금융결제원) bank codes.
	{"KR", "002", "KDB Korea Development Bank", "KDB산업은행", []string{"산업", "산업은행", "KDB", "KDB산업", "Korea Development Bank"}},
	{"KR", "003", "IBK Industrial Bank of Korea", "IBK기업은행", []string{"기업", "기업은행", "IBK", "IBK기업", "Industrial Bank of Korea"}},
	{"KR", "004", "KB Kookmin Bank", "KB국민은행", []string{"국민", "국민은행", "KB", "KB국민", "Kookmin", "KB Kookmin"}},
	{"KR", "007", "Suhyup Bank", "수협은행", []string{"수협", "Sh수협", "수협중앙회", "Suhyup"}},
	{"KR", "011", "NongHyup Bank", "NH농협은행", []string{"농협", "농협은행", "NH", "NH농협", "NongHyup"}},
	{"KR", "012", "Local Nonghyup and Livestock Cooperatives", "지역농축협", []string{"지역농협", "단위농협", "농축협", "지역농축협"}},
	{"KR", "020", "Woori Bank", "우리은행", []string{"우리", "Woori"}},
	{"KR", "023", "SC First Bank Korea", "SC제일은행", []string{"SC제일", "제일", "SC", "Standard Chartered", "SC First"}},
	{"KR", "027", "Citibank Korea", "한국씨티은행", []string{"씨티", "한국씨티", "Citi", "Citibank", "Citibank Korea"}},
	{"KR", "031", "iM Bank (formerly Daegu Bank)", "iM뱅크", []string{"대구", "대구은행", "DGB", "DGB대구", "iM", "iM뱅크", "Daegu"}},
	{"KR", "032", "Busan Bank", "부산은행", []string{"부산", "BNK부산", "Busan"}},
	{"KR", "034", "Kwangju Bank", "광주은행", []string{"광주", "Kwangju", "Gwangju"}},
	{"KR", "035", "Jeju Bank", "제주은행", []string{"제주", "Jeju"}},
	{"KR", "037", "Jeonbuk Bank", "전북은행", []string{"전북", "JB전북", "Jeonbuk"}},
	{"KR", "039", "Kyongnam Bank", "경남은행", []string{"경남", "BNK경남", "Kyongnam", "Gyeongnam"}},
	{"KR", "045", "MG Saemaul Geumgo", "새마을금고", []string{"새마을", "새마을금고", "MG새마을금고", "MG", "Saemaul"}},
	{"KR", "048", "Shinhyup Credit Union", "신협", []string{"신협", "신용협동조합", "Shinhyup"}},
	{"KR", "064", "Korea Forestry Cooperatives", "산림조합", []string{"산림조합"}},
	{"KR", "071", "Korea Post", "우체국", []string{"우체국", "우체국예금", "Korea Post", "Post Office", "epost"}},
	{"KR", "081", "Hana Bank", "하나은행", []string{"하나", "KEB하나", "Hana", "KEB Hana"}},
	{"KR", "088", "Shinhan Bank", "신한은행", []string{"신한", "Shinhan"}},
	{"KR", "089", "K Bank", "케이뱅크", []string{"케이뱅크", "케이", "K Bank", "Kbank"}},
	{"KR", "090", "KakaoBank", "카카오뱅크", []string{"카카오뱅크", "카카오", "카뱅", "Kakao Bank"}},
	{"KR", "092", "Toss Bank", "토스뱅크", []string{"토스뱅크", "토스", "Toss Bank", "Toss"}},

	// Cambodia: short names as codes.
	{"KH", "ABA", "ABA Bank", "", []string{"ABA", "Advanced Bank of Asia"}},
	{"KH", "ACLEDA", "ACLEDA Bank", "", []string{"ACLEDA"}},
	{"KH", "WING", "Wing Bank", "", []string{"Wing", "Wing Money"}},
	{"KH", "CANADIA", "Canadia Bank", "", []string{"Canadia"}},
	{"KH", "PPCB", "Phnom Penh Commercial Bank", "", []string{"PPCB", "PPC Bank", "Phnom Penh Commercial"}},
	{"KH", "PRINCE", "Prince Bank", "", []string{"Prince", "Prince Bank"}},
	{"KH", "HUIONE", "Huione Pay", "", []string{"Huione", "Huione Pay", "汇旺"}},
	{"KH", "FTB", "Foreign Trade Bank of Cambodia", "", []string{"FTB", "Foreign Trade Bank"}},
	{"KH", "SATHAPANA", "Sathapana Bank", "", []string{"Sathapana"}},
	{"KH", "AMK", "AMK Bank", "", []string{"AMK"}},
	{"KH", "VATTANAC", "Vattanac Bank", "", []string{"Vattanac"}},
	{"KH", "HATTHA", "Hattha Bank", "", []string{"Hattha", "Hattha Kaksekar"}},
	{"KH", "CHIPMONG", "Chip Mong Bank", "", []string{"Chip Mong", "Chipmong"}},
	{"KH", "CPBANK", "Cambodia Post Bank", "", []string{"CP Bank", "Cambodia Post Bank"}},
	{"KH", "JTRB", "J Trust Royal Bank", "", []string{"J Trust Royal", "JTRB"}},

	// Thailand: Bank of Thailand codes.
	{"TH", "002", "Bangkok Bank", "ธนาคารกรุงเทพ", []string{"BBL", "Bangkok Bank", "กรุงเทพ"}},
	{"TH", "004", "Kasikornbank", "ธนาคารกสิกรไทย", []string{"KBank", "Kasikorn", "Kasikornbank", "กสิกรไทย", "กสิกร"}},
	{"TH", "006", "Krungthai Bank", "ธนาคารกรุงไทย", []string{"KTB", "Krungthai", "Krung Thai", "กรุงไทย"}},
	{"TH", "011", "TMBThanachart Bank", "ธนาคารทหารไทยธนชาต", []string{"TTB", "TMB", "TMBThanachart", "ทหารไทยธนชาต"}},
	{"TH", "014", "Siam Commercial Bank", "ธนาคารไทยพาณิชย์", []string{"SCB", "Siam Commercial", "ไทยพาณิชย์"}},
	{"TH", "025", "Bank of Ayudhya (Krungsri)", "ธนาคารกรุงศรีอยุธยา", []string{"BAY", "Krungsri", "Bank of Ayudhya", "กรุงศรี", "กรุงศรีอยุธยา"}},
	{"TH", "030", "Government Savings Bank", "ธนาคารออมสิน", []string{"GSB", "Government Savings Bank", "ออมสิน"}},

	// Vietnam: short names as codes; the Vietnamese names, with and
	// without their marks, as victims write them ("Ngân hàng TMCP Quân
	// đội").
	{"VN", "VCB", "Vietcombank", "", []string{"Vietcombank", "VCB", "Ngoại thương", "Ngoại thương Việt Nam", "Ngoai thuong"}},
	{"VN", "ICB", "VietinBank", "", []string{"VietinBank", "Vietin", "CTG", "ICB", "Công thương", "Công thương Việt Nam", "Cong thuong"}},
	{"VN", "BIDV", "BIDV", "", []string{"BIDV", "Đầu tư và Phát triển", "Đầu tư và Phát triển Việt Nam", "Dau tu va Phat trien"}},
	{"VN", "VBA", "Agribank", "", []string{"Agribank", "VBA", "Nông nghiệp và Phát triển Nông thôn", "Nông nghiệp và Phát triển Nông thôn Việt Nam", "Nong nghiep va Phat trien Nong thon"}},
	{"VN", "TCB", "Techcombank", "", []string{"Techcombank", "TCB", "Kỹ thương", "Kỹ thương Việt Nam", "Ky thuong"}},
	{"VN", "MB", "MB Bank", "", []string{"MB", "MB Bank", "Military Bank", "Quân đội", "Quan doi"}},
	{"VN", "ACB", "Asia Commercial Bank", "", []string{"ACB", "Asia Commercial Bank", "Á Châu", "A Chau"}},
	{"VN", "VPB", "VPBank", "", []string{"VPBank", "VPB", "Việt Nam Thịnh Vượng", "Viet Nam Thinh Vuong"}},
	{"VN", "STB", "Sacombank", "", []string{"Sacombank", "STB", "Sài Gòn Thương Tín", "Sai Gon Thuong Tin"}},

	// China: CNAPS bank codes.
	{"CN", "102", "Industrial and Commercial Bank of China", "中国工商银行", []string{"ICBC", "工商银行", "中国工商银行", "工行"}},
	{"CN", "103", "Agricultural Bank of China", "中国农业银行", []string{"ABC", "农业银行", "中国农业银行", "农行", "Agricultural Bank of China"}},
	{"CN", "104", "Bank of China", "中国银行", []string{"BOC", "中国银行", "中行", "Bank of China"}},
	{"CN", "105", "China Construction Bank", "中国建设银行", []string{"CCB", "建设银行", "中国建设银行", "建行", "China Construction Bank"}},
	{"CN", "301", "Bank of Communications", "交通银行", []string{"BOCOM", "交通银行", "交行", "Bank of Communications"}},
	{"CN", "308", "China Merchants Bank", "招商银行", []string{"CMB", "招商银行", "招行", "China Merchants Bank"}},
	{"CN", "403", "Postal Savings Bank of China", "中国邮政储蓄银行", []string{"PSBC", "邮储银行", "邮政储蓄银行", "中国邮政储蓄银行", "Postal Savings Bank of China"}},
}

// bankByAlias maps a normalised name to the directory entries it may mean
// (more than one when countries share an abbreviation, e.g. "KBank").
// bankByCode maps "CC:CODE" to its entry. Both are built once and never
// change.
var bankByAlias, bankByCode = func() (map[string][]int, map[string]int) {
	byAlias := make(map[string][]int)
	byCode := make(map[string]int)
	for i, e := range bankDirectory {
		byCode[e.Country+":"+e.Code] = i
		// The display form too ("Shinhan Bank (신한은행)"), which people
		// copy from the check's answers.
		names := append([]string{e.Name, e.Local, e.display()}, e.Aliases...)
		for _, n := range names {
			k := bankNormName(n)
			if len(k) < 2 {
				continue
			}
			if !bankContainsInt(byAlias[k], i) {
				byAlias[k] = append(byAlias[k], i)
			}
		}
	}
	return byAlias, byCode
}()

func bankContainsInt(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

// Words around a bank's name that do not change which bank it is.
var (
	bankNamePrefixes = []string{"주식회사", "ธนาคาร", "ngânhàng", "nganhang", "tmcp", "ធនាគារ"}
	bankNameSuffixes = []string{"은행", "뱅크", "银行", "bank", "plc", "ltd", "limited", "coltd", "corporation", "corp"}
)

// bankNormName lower-cases a bank name, keeps only its letters and digits,
// and drops generic words ("은행", "Bank", "PLC", "ธนาคาร"...) while at least
// two characters of name remain.
func bankNormName(s string) string {
	if len(s) > 200 {
		return ""
	}
	// Vietnamese typed with combining marks ("a" and U+0302) is the
	// same name as with precomposed letters.
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	k := b.String()
	for changed := true; changed; {
		changed = false
		for _, p := range bankNamePrefixes {
			if rest, ok := strings.CutPrefix(k, p); ok && len([]rune(rest)) >= 2 {
				k, changed = rest, true
			}
		}
		for _, p := range bankNameSuffixes {
			if rest, ok := strings.CutSuffix(k, p); ok && len([]rune(rest)) >= 2 {
				k, changed = rest, true
			}
		}
	}
	return k
}

// LookupBank finds a bank by any of its names in the directory ("국민은행",
// "KB", "Shinhan", "ABA Bank", "กสิกรไทย", "工商银行"...). It returns the
// bank's country, code and a display name. A name that several countries'
// banks share (such as "KBank") is not resolved: ok is false; use
// LookupBankIn with a region.
func LookupBank(name string) (country, code, displayName string, ok bool) {
	return LookupBankIn(name, "")
}

// LookupBankIn is LookupBank preferring banks of region (ISO 3166-1
// alpha-2) when a name is shared.
func LookupBankIn(name, region string) (country, code, displayName string, ok bool) {
	e, ok := bankLookup(name, region)
	if !ok {
		return "", "", "", false
	}
	return e.Country, e.Code, e.display(), true
}

func bankLookup(name, region string) (bankEntry, bool) {
	k := bankNormName(name)
	if k == "" {
		return bankEntry{}, false
	}
	idx := bankByAlias[k]
	switch {
	case len(idx) == 1:
		return bankDirectory[idx[0]], true
	case len(idx) > 1 && region != "":
		region = strings.ToUpper(region)
		for _, i := range idx {
			if bankDirectory[i].Country == region {
				return bankDirectory[i], true
			}
		}
	}
	return bankEntry{}, false
}

// bankByCountryCode returns the directory entry for a country and code.
func bankByCountryCode(country, code string) (bankEntry, bool) {
	i, ok := bankByCode[country+":"+code]
	if !ok {
		return bankEntry{}, false
	}
	return bankDirectory[i], true
}

// display is "English name (local name)", or the English name alone.
func (e bankEntry) display() string {
	if e.Local == "" {
		return e.Name
	}
	return e.Name + " (" + e.Local + ")"
}

// BankName returns the display name of the bank with code in country
// ("KB Kookmin Bank (KB국민은행)" for KR, 004), or "" when the directory
// does not list it.
func BankName(country, code string) string {
	if e, ok := bankByCountryCode(country, code); ok {
		return e.display()
	}
	return ""
}

// BankCodes returns the country and code of every bank in the directory,
// in its order ("KR", "004"; "KH", "ABA"; ...).
func BankCodes() [][2]string {
	out := make([][2]string, len(bankDirectory))
	for i, e := range bankDirectory {
		out[i] = [2]string{e.Country, e.Code}
	}
	return out
}
