package screen

// The words and signs the amount parser knows. They are code, not ruleset
// data, because the parser's grammar depends on them; add a currency here
// and its rate in rules/rates.tsv.

// tok is one word or sign with the value it stands for. attached tokens
// count only directly after the number ("3000U", "15.000.000đ", "3k").
type tok struct {
	s        string
	v        string
	attached bool
}

// currencySuffix: written after the number.
var currencySuffix = []tok{
	{"usdt", "USD", false}, {"usd", "USD", false}, {"us$", "USD", false}, {"$", "USD", false},
	{"u", "USD", true}, {"dollars", "USD", false}, {"dollar", "USD", false}, {"bucks", "USD", false},
	{"달러", "USD", false}, {"불", "USD", true}, {"美元", "USD", false}, {"美金", "USD", false},
	{"刀", "USD", true}, {"ដុល្លារ", "USD", false}, {"ดอลลาร์", "USD", false}, {"đô la", "USD", false},
	{"đô", "USD", false},
	{"원", "KRW", false}, {"krw", "KRW", false}, {"won", "KRW", false}, {"₩", "KRW", false},
	{"人民币", "CNY", false}, {"元", "CNY", false}, {"块钱", "CNY", false}, {"块", "CNY", false},
	{"rmb", "CNY", false}, {"cny", "CNY", false}, {"yuan", "CNY", false},
	{"บาท", "THB", false}, {"thb", "THB", false}, {"baht", "THB", false}, {"฿", "THB", false},
	{"đồng", "VND", false}, {"vnđ", "VND", false}, {"vnd", "VND", false}, {"₫", "VND", false},
	{"đ", "VND", true}, {"dong", "VND", false},
	{"រៀល", "KHR", false}, {"៛", "KHR", false}, {"khr", "KHR", false}, {"riel", "KHR", false},
	{"£", "GBP", false}, {"gbp", "GBP", false}, {"pounds", "GBP", false},
	{"€", "EUR", false}, {"eur", "EUR", false}, {"euros", "EUR", false}, {"euro", "EUR", false},
	{"myr", "MYR", false}, {"ringgit", "MYR", false}, {"php", "PHP", false}, {"pesos", "PHP", false},
	{"₱", "PHP", false}, {"idr", "IDR", false}, {"rupiah", "IDR", false}, {"kyat", "MMK", false},
	{"mmk", "MMK", false}, {"kip", "LAK", false}, {"lak", "LAK", false}, {"₭", "LAK", false},
	{"円", "JPY", false}, {"jpy", "JPY", false}, {"yen", "JPY", false}, {"inr", "INR", false},
	{"rupees", "INR", false}, {"₹", "INR", false},
	{"新台幣", "TWD", false}, {"新台币", "TWD", false}, {"台幣", "TWD", false}, {"台币", "TWD", false},
	{"ntd", "TWD", false}, {"twd", "TWD", false}, {"港元", "HKD", false}, {"港幣", "HKD", false},
	{"港币", "HKD", false}, {"hkd", "HKD", false}, {"澳門元", "MOP", false}, {"澳门元", "MOP", false},
	{"葡幣", "MOP", false}, {"mop", "MOP", false},
	// the currency named with its country ("1,800,000 Korean Won")
	{"korean won", "KRW", false}, {"south korean won", "KRW", false}, {"thai baht", "THB", false},
	{"us dollars", "USD", false}, {"us dollar", "USD", false}, {"u.s. dollars", "USD", false},
	{"american dollars", "USD", false}, {"vietnamese dong", "VND", false},
	{"cambodian riel", "KHR", false}, {"chinese yuan", "CNY", false}, {"philippine pesos", "PHP", false},
	{"malaysian ringgit", "MYR", false}, {"japanese yen", "JPY", false},
	// Indonesian: "1.000 dolar", "1.200 dolar AS", "dolar Amerika"
	{"dolar", "USD", false}, {"dolar as", "USD", false}, {"dolar amerika", "USD", false},
	{"dolar amerika serikat", "USD", false}, {"dollar as", "USD", false},
}

// currencyPrefix: written before the number.
var currencyPrefix = []tok{
	{"nt$", "TWD", false}, {"hk$", "HKD", false}, {"mop$", "MOP", false}, {"us$", "USD", false}, {"usdt", "USD", false}, {"usd", "USD", false}, {"$", "USD", false},
	{"₩", "KRW", false}, {"krw", "KRW", false}, {"฿", "THB", false}, {"thb", "THB", false},
	{"₫", "VND", false}, {"vnd", "VND", false}, {"¥", "CNY", false}, {"￥", "CNY", false},
	{"rmb", "CNY", false}, {"cny", "CNY", false}, {"៛", "KHR", false}, {"khr", "KHR", false},
	{"£", "GBP", false}, {"gbp", "GBP", false}, {"€", "EUR", false}, {"eur", "EUR", false},
	{"rm", "MYR", false}, {"myr", "MYR", false}, {"₱", "PHP", false}, {"php", "PHP", false},
	{"rp", "IDR", false}, {"rp.", "IDR", false}, {"idr", "IDR", false}, {"₹", "INR", false}, {"rs", "INR", false},
	{"inr", "INR", false}, {"mmk", "MMK", false}, {"lak", "LAK", false}, {"₭", "LAK", false},
	{"jpy", "JPY", false}, {"ntd", "TWD", false}, {"twd", "TWD", false}, {"hkd", "HKD", false},
}

// Multipliers written after a number. East Asian ones compose ("1억 2천만").
var (
	smallCJK = map[rune]float64{'十': 10, '百': 100, '千': 1000, '십': 10, '백': 100, '천': 1000}
	bigCJK   = map[rune]float64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8, '만': 1e4, '억': 1e8}
	digitCJK = map[rune]float64{
		'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
		'일': 1, '이': 2, '삼': 3, '사': 4, '오': 5, '육': 6, '칠': 7, '팔': 8, '구': 9,
	}
	// wordMultipliers may follow after one space; attached ones must touch the number.
	wordMultipliers = []tok{
		{"k", "1e3", true}, {"w", "1e4", true}, {"tr", "1e6", false}, {"triệu", "1e6", false},
		{"trieu", "1e6", false}, {"million", "1e6", false}, {"millions", "1e6", false},
		{"mil", "1e6", false}, {"nghìn", "1e3", false}, {"ngàn", "1e3", false}, {"nghin", "1e3", false},
		{"ngan", "1e3", false}, {"tỷ", "1e9", false}, {"tỉ", "1e9", false}, {"billion", "1e9", false},
		{"thousand", "1e3", false}, {"grand", "1e3", false},
		{"lakh", "1e5", false}, {"lakhs", "1e5", false}, {"crore", "1e7", false}, {"củ", "1e6", false},
		{"พัน", "1e3", false}, {"หมื่น", "1e4", false}, {"แสน", "1e5", false}, {"ล้าน", "1e6", false},
		{"ពាន់", "1e3", false}, {"ម៉ឺន", "1e4", false}, {"សែន", "1e5", false}, {"លាន", "1e6", false},
		// Indonesian (and Malay): "15 juta", "15jt", "500 ribu", "500rb", "1 miliar"
		{"juta", "1e6", false}, {"jt", "1e6", false}, {"jta", "1e6", false}, {"ribu", "1e3", false},
		{"rb", "1e3", false}, {"rebu", "1e3", false}, {"miliar", "1e9", false}, {"milyar", "1e9", false},
	}
)

// periodSuffix: what follows an amount to say how often it is paid.
var periodSuffix = []tok{
	// month
	{"/month", "month", false}, {"/mo", "month", false}, {"/mth", "month", false}, {"/m", "month", false},
	{"per month", "month", false}, {"a month", "month", false}, {"each month", "month", false},
	{"every month", "month", false}, {"monthly", "month", false}, {"/월", "month", false},
	{"월", "month", false}, {"매월", "month", false}, {"한달", "month", false}, {"한 달", "month", false},
	{"/月", "month", false}, {"每月", "month", false}, {"一个月", "month", false}, {"每个月", "month", false},
	{"一個月", "month", false}, {"每個月", "month", false},
	{"/tháng", "month", false}, {"mỗi tháng", "month", false}, {"một tháng", "month", false},
	{"1 tháng", "month", false}, {"/ tháng", "month", false}, {"tháng", "month", false},
	{"/thang", "month", false}, {"/ thang", "month", false}, {"moi thang", "month", false},
	{"mot thang", "month", false}, {"1 thang", "month", false}, {"thang", "month", false},
	{"/bulan", "month", false}, {"/ bulan", "month", false}, {"/bln", "month", false},
	{"per bulan", "month", false}, {"perbulan", "month", false}, {"per bln", "month", false},
	{"sebulan", "month", false}, {"setiap bulan", "month", false}, {"tiap bulan", "month", false},
	{"/เดือน", "month", false}, {"ต่อเดือน", "month", false}, {"เดือน", "month", false},
	{"/ខែ", "month", false}, {"ក្នុងមួយខែ", "month", false}, {"ក្នុង១ខែ", "month", false},
	{"ក្នុង ១ ខែ", "month", false}, {"មួយខែ", "month", false}, {"ខែ", "month", false},
	// day
	{"/day", "day", false}, {"per day", "day", false}, {"a day", "day", false}, {"each day", "day", false},
	{"daily", "day", false}, {"/일", "day", false}, {"하루", "day", false}, {"/日", "day", false},
	{"/天", "day", false}, {"每天", "day", false}, {"一天", "day", false}, {"/ngày", "day", false},
	{"/ ngày", "day", false}, {"mỗi ngày", "day", false}, {"một ngày", "day", false}, {"1 ngày", "day", false},
	{"/วัน", "day", false}, {"ต่อวัน", "day", false}, {"/ថ្ងៃ", "day", false},
	{"ក្នុងមួយថ្ងៃ", "day", false},
	{"/ngay", "day", false}, {"/ ngay", "day", false}, {"moi ngay", "day", false},
	{"mot ngay", "day", false}, {"1 ngay", "day", false},
	{"/hari", "day", false}, {"/ hari", "day", false}, {"per hari", "day", false},
	{"perhari", "day", false}, {"sehari", "day", false}, {"setiap hari", "day", false},
	{"tiap hari", "day", false},
	// week
	{"/week", "week", false}, {"per week", "week", false}, {"a week", "week", false},
	{"weekly", "week", false}, {"/wk", "week", false}, {"/주", "week", false}, {"/周", "week", false},
	{"每周", "week", false}, {"每週", "week", false}, {"/週", "week", false}, {"/tuần", "week", false}, {"mỗi tuần", "week", false},
	{"/สัปดาห์", "week", false}, {"ต่อสัปดาห์", "week", false}, {"/សប្តាហ៍", "week", false},
	{"/tuan", "week", false}, {"moi tuan", "week", false},
	{"/minggu", "week", false}, {"per minggu", "week", false}, {"perminggu", "week", false},
	{"seminggu", "week", false}, {"setiap minggu", "week", false},
	// year
	{"/year", "year", false}, {"per year", "year", false}, {"a year", "year", false},
	{"/yr", "year", false}, {"per annum", "year", false}, {"p.a.", "year", false},
	{"annually", "year", false}, {"yearly", "year", false}, {"/년", "year", false},
	{"/年", "year", false}, {"每年", "year", false}, {"/năm", "year", false}, {"mỗi năm", "year", false},
	{"/ปี", "year", false}, {"ต่อปี", "year", false}, {"/ឆ្នាំ", "year", false},
	{"ក្នុងមួយឆ្នាំ", "year", false},
	{"/tahun", "year", false}, {"/thn", "year", false}, {"per tahun", "year", false},
	{"pertahun", "year", false}, {"setahun", "year", false},
	// hour
	{"/hour", "hour", false}, {"per hour", "hour", false}, {"an hour", "hour", false},
	{"/hr", "hour", false}, {"/h", "hour", false}, {"hourly", "hour", false}, {"/시간", "hour", false},
	{"시간당", "hour", false}, {"/小时", "hour", false}, {"每小时", "hour", false},
	{"/giờ", "hour", false}, {"/ชั่วโมง", "hour", false}, {"ต่อชั่วโมง", "hour", false},
	{"/ម៉ោង", "hour", false},
	{"/jam", "hour", false}, {"per jam", "hour", false}, {"perjam", "hour", false},
}

// payPrefix: words before an amount that make it pay, some with a period.
// v is "pay" or "pay:<period>".
var payPrefix = []tok{
	{"월급", "pay:month", false}, {"월 급여", "pay:month", false}, {"월수입", "pay:month", false},
	{"월 수입", "pay:month", false}, {"월평균", "pay:month", false}, {"월", "pay:month", false},
	{"매월", "pay:month", false}, {"月薪", "pay:month", false}, {"月入", "pay:month", false},
	{"月收入", "pay:month", false}, {"月工资", "pay:month", false}, {"每月", "pay:month", false},
	{"一个月", "pay:month", false}, {"每个月", "pay:month", false}, {"주급", "pay:week", false},
	{"luong thang", "pay:month", false}, {"luong cung", "pay:month", false},
	{"monthly salary", "pay:month", false}, {"monthly", "pay:month", false},
	{"per month", "pay:month", false}, {"lương tháng", "pay:month", false},
	{"lương cứng", "pay:month", false}, {"เงินเดือน", "pay:month", false},
	// Vietnamese pay named by its kind: first-month, starting and base pay are monthly
	{"lương tháng đầu", "pay:month", false}, {"lương khởi điểm", "pay:month", false},
	{"lương cơ bản", "pay:month", false}, {"luong thang dau", "pay:month", false},
	{"luong khoi diem", "pay:month", false}, {"luong co ban", "pay:month", false},
	{"เดือนละ", "pay:month", false}, {"ប្រាក់ខែ", "pay:month", false},
	{"일당", "pay:day", false}, {"일급", "pay:day", false}, {"하루", "pay:day", false},
	{"日薪", "pay:day", false}, {"日入", "pay:day", false}, {"日结", "pay:day", false},
	{"每天", "pay:day", false}, {"daily", "pay:day", false}, {"per day", "pay:day", false},
	{"วันละ", "pay:day", false}, {"ค่าแรงวันละ", "pay:day", false},
	{"연봉", "pay:year", false}, {"年薪", "pay:year", false}, {"年收入", "pay:year", false},
	{"annual salary", "pay:year", false}, {"annual", "pay:year", false}, {"lương năm", "pay:year", false},
	{"시급", "pay:hour", false}, {"时薪", "pay:hour", false}, {"時薪", "pay:hour", false}, {"hourly", "pay:hour", false},
	{"周薪", "pay:week", false}, {"週薪", "pay:week", false}, {"一個月", "pay:month", false}, {"每個月", "pay:month", false},
	{"工資", "pay", false}, {"薪資", "pay", false}, {"賺", "pay", false},
	{"compensation", "pay", false}, {"remuneration", "pay", false}, {"paying", "pay", false},
	{"ค่าตอบแทน", "pay", false}, {"ค่าแรง", "pay", false}, {"페이", "pay", false},
	{"salary", "pay", false}, {"pay", "pay", false}, {"paid", "pay", false}, {"wage", "pay", false},
	{"wages", "pay", false}, {"earn", "pay", false}, {"pays", "pay", false}, {"earns", "pay", false}, {"earning", "pay", false},
	{"earnings", "pay", false}, {"income", "pay", false}, {"make", "pay", false},
	{"급여", "pay", false}, {"수입", "pay", false}, {"수익", "pay", false}, {"보수", "pay", false},
	{"工资", "pay", false}, {"薪资", "pay", false}, {"薪水", "pay", false}, {"收入", "pay", false},
	{"底薪", "pay", false}, {"高薪", "pay", false}, {"赚", "pay", false}, {"lương", "pay", false},
	{"thu nhập", "pay", false}, {"kiếm", "pay", false}, {"luong", "pay", false},
	{"thu nhap", "pay", false}, {"kiem", "pay", false}, {"mức lương", "pay", false}, {"muc luong", "pay", false}, {"รายได้", "pay", false},
	{"ค่าจ้าง", "pay", false}, {"ได้เงิน", "pay", false}, {"ប្រាក់ចំណូល", "pay", false},
	{"ចំណូល", "pay", false}, {"ប្រាក់ឈ្នួល", "pay", false}, {"រកបាន", "pay", false},
	// Indonesian: gaji (salary), upah (wage), penghasilan and pendapatan
	// (income), with the kinds that name their period
	{"gaji", "pay", false}, {"gajinya", "pay", false}, {"bergaji", "pay", false}, {"digaji", "pay", false},
	{"upah", "pay", false}, {"upahnya", "pay", false}, {"penghasilan", "pay", false},
	{"pendapatan", "pay", false}, {"dibayar", "pay", false}, {"menghasilkan", "pay", false},
	{"bayaran", "pay", false}, {"imbalan", "pay", false}, {"komisi", "pay", false},
	{"gaji pokok", "pay:month", false}, {"gaji bulanan", "pay:month", false},
	{"gaji per bulan", "pay:month", false}, {"gaji perbulan", "pay:month", false},
	{"gaji sebulan", "pay:month", false}, {"per bulan", "pay:month", false},
	{"perbulan", "pay:month", false}, {"sebulan", "pay:month", false},
	{"gaji harian", "pay:day", false}, {"upah harian", "pay:day", false},
	{"per hari", "pay:day", false}, {"perhari", "pay:day", false}, {"sehari", "pay:day", false},
	{"gaji mingguan", "pay:week", false}, {"gaji per jam", "pay:hour", false},
}

// paySuffix: words after an amount that make it pay (see payWordAfter).
var paySuffix = []string{
	"薪资", "薪資", "工资", "工資", "月薪", "底薪", "薪水", "收入", "报酬", "報酬",
	"salary", "wages", "wage",
}

// fillers sit between a pay word and its amount ("salary: up to $3,000").
var fillers = []string{
	"up to", "at least", "more than", "from", "over", "about", "around", "approx.", "approx",
	"of", "is", "only", "최대", "최소", "평균", "기본", "약", "约", "高达", "可达", "过", "至少", "超过",
	"từ", "khoảng", "lên tới", "lên đến", "tới", "đến", "trên", "ถึง", "ประมาณ", "สูงสุด",
	"tu", "khoang", "len toi", "len den", "toi", "den", "tren", "easily", "just",
	// Korean particles after the pay word ("월급은 600만원", "주급이 100만원")
	"은", "는", "이", "가", "도", "쉽게", "페이",
	// Chinese verbs and adverbs between the pay word and the sum ("薪资就有8000", "一个月轻轻松松2、3万")
	"就有", "就能", "能拿到", "可以拿到", "能拿", "可拿", "轻轻松松", "轻松", "就",
	"រហូតដល់", "ដល់", "ប្រហែល", "ពី",
	// Indonesian ("gaji mulai dari Rp 5 juta", "bisa mencapai 30 juta")
	"sebesar", "hingga", "sampai", "sampai dengan", "mulai", "mulai dari", "dari", "antara",
	"minimal", "minimum", "lebih dari", "sekitar", "kurang lebih", "mencapai", "bisa", "yaitu",
	"ialah", "adalah", "hanya", "rata-rata", "kisaran", "di kisaran", "berkisar", "langsung",
}

// rangeJoin joins the two ends of a range ("$2,000-5,000", "500~1000만원").
var rangeJoin = []string{"-", "–", "—", "~", "〜", "～", "to", "đến", "tới", "den", "toi", "至", "到", "、", "ถึง", "ដល់",
	"hingga", "sampai dengan", "sampai", "s/d", "s.d."}
