package screen

// indoWords are common Indonesian words that are not English words (Malay
// shares most of them, and Malay reads as Indonesian, which is close
// enough for the messages and the pay guess). They tell an Indonesian ad
// ("lowongan kerja, gaji 15 juta per bulan") from English, which is written
// in the same letters without marks. None is longer than maxIndoWord, so
// each packs into one wordKey.
var indoWords = []string{
	"yang", "dan", "di", "ke", "dari", "untuk", "dengan", "ini", "itu", "tidak",
	"ada", "akan", "atau", "juga", "kerja", "bekerja", "pekerja", "gaji", "bisa", "kami",
	"anda", "saya", "dalam", "pada", "sebagai", "oleh", "karena", "sudah", "belum", "tanpa",
	"hubungi", "lowongan", "bulan", "hari", "juta", "ribu", "tahun", "orang", "baru", "banyak",
	"semua", "mau", "aja", "gak", "nggak", "lagi", "cuma", "hanya", "dapat", "tempat",
	"tinggal", "makan", "gratis", "langsung", "segera", "syarat", "usia", "kepada", "melalui", "adalah",
	"telah", "bahwa", "mereka", "kita", "harus", "jika", "kalau", "sangat", "setelah", "secara",
	"seperti", "lebih", "bagi", "para", "tiket", "pesawat", "kamu", "ingin", "minggu", "sebulan",
	"bulanan", "upah", "uang", "biaya", "tugas", "mudah", "dicari", "butuh", "hingga", "sampai",
	"tenaga", "luar", "negeri", "pergi", "dibayar", "tanggung", "sekarang", "terima", "kasih", "nanti",
	"aku", "rumah", "jangan", "beli", "tapi", "sama", "udah", "lupa", "kenapa", "gimana",
	"apa", "siapa", "mana", "kapan", "besok", "pulang", "kantor", "sini", "terus", "dong",
}

// maxIndoWord is the longest word wordKey packs whole.
const maxIndoWord = 8

func init() {
	for _, w := range indoWords {
		if len(w) <= maxIndoWord {
			latinWords[wordKey([]byte(w))] |= wordID
		}
	}
}
