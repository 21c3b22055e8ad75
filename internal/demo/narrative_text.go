package demo

import (
	"fmt"
	"strings"
)

// language of a victim's narrative, by country; some write in English.
var languageOf = map[string]string{"KR": "ko", "KH": "km", "TH": "th", "VN": "vi", "CN": "zh"}

// phrases are narrative sentences by language. "intro.<scam type>" opens a
// narrative; the others name one selector (%s, with spaces around it so
// that text extraction can find it) or the loss. help_phone, help_site and
// exchange name shared infrastructure that links nothing. A ".2" key says
// the same of a second selector of the class. A missing phrase falls
// back to English.
var phrases = map[string]map[string]string{
	"en": {
		"intro.romance":           "I met someone on social media who became my online partner and then asked for money.",
		"intro.crypto_investment": "I was invited to invest in crypto on a platform that promised high returns.",
		"intro.gambling":          "I played on an online casino site and could not withdraw my winnings.",
		"intro.job_lure":          "I saw a job advert promising a high salary abroad with no experience needed.",
		"intro.voice_phishing":    "A caller claiming to be a prosecutor said my bank account was involved in a crime.",
		"intro.impersonation":     "Someone posing as a financial regulator told me to move my savings to a safe account.",
		"intro.sextortion":        "After a video call they threatened to share a recording unless I paid.",
		"intro.loan":              "I applied for a loan through an app and was asked to pay fees first.",
		"intro.shopping":          "I paid for goods online and never received them.",
		"intro.other":             "I was cheated online.",
		"phone":                   "They contacted me from %s and kept calling.",
		"handle":                  "We chatted on Telegram with %s every day.",
		"recruit":                 "The recruiter %s offered me a well-paid job in Cambodia.",
		"recruit.2":               "I could also reach them on %s later.",
		"wallet":                  "I sent the crypto to the wallet %s as instructed.",
		"phone.2":                 "Later they also called from %s .",
		"account.2":               "Later I was told to pay into %s instead.",
		"wallet.2":                "Later they gave me another address, %s , to use.",
		"handle.2":                "Another account, %s , joined the chat.",
		"account":                 "I transferred money to the account %s as instructed.",
		"card":                    "I transferred money to the card %s as instructed.",
		"site":                    "They had me register on %s to start.",
		"help_phone":              "I also called %s for help.",
		"help_site":               "I looked for information on %s later.",
		"exchange":                "I bought the USDT on an exchange; its address was %s .",
		"loss":                    "In total I lost %s.",
	},
	"ko": {
		"intro.romance":           "SNS에서 알게 된 사람과 연인처럼 지내다가 여러 번 돈을 요구받았습니다.",
		"intro.crypto_investment": "코인 투자 리딩방에서 고수익을 보장한다며 투자를 권유받았습니다.",
		"intro.gambling":          "온라인 카지노 사이트에서 충전 후 환전을 거부당했습니다.",
		"intro.job_lure":          "캄보디아에서 간단한 컴퓨터 업무로 월 천만 원을 준다는 구인 광고를 보았습니다.",
		"intro.voice_phishing":    "검찰청 수사관이라는 사람이 전화해 제 계좌가 범죄에 연루되었다고 했습니다.",
		"intro.impersonation":     "금융감독원 직원을 사칭하며 안전계좌로 돈을 옮기라고 했습니다.",
		"intro.sextortion":        "영상통화 후 영상을 유포하겠다는 협박을 받았습니다.",
		"intro.loan":              "저금리 대출을 해준다며 수수료를 먼저 요구했습니다.",
		"intro.shopping":          "중고거래로 물건을 샀는데 받지 못했습니다.",
		"intro.other":             "온라인에서 사기를 당했습니다.",
		"phone":                   "처음에는 %s 번호로 연락이 왔습니다.",
		"handle":                  "텔레그램 %s 계정과 대화했습니다.",
		"recruit":                 "%s 에게서 캄보디아 고수익 일자리를 소개받았습니다.",
		"recruit.2":               "%s 로도 연락할 수 있었습니다.",
		"wallet":                  "안내에 따라 %s 주소로 코인을 보냈습니다.",
		"phone.2":                 "이후 %s 번호로도 연락이 왔습니다.",
		"account.2":               "이후에는 %s 계좌로도 보냈습니다.",
		"wallet.2":                "이후 %s 주소로도 보냈습니다.",
		"handle.2":                "%s 계정도 대화에 참여했습니다.",
		"account":                 "%s 계좌로 송금했습니다.",
		"card":                    "%s 카드로 돈을 보냈습니다.",
		"site":                    "%s 사이트에 가입하라고 했습니다.",
		"help_phone":              "%s 에 전화해 도움을 요청했습니다.",
		"help_site":               "나중에 %s 에서 정보를 찾아보았습니다.",
		"exchange":                "USDT는 거래소 주소 %s 에서 구매해 보냈습니다.",
		"loss":                    "피해 금액은 %s 입니다.",
	},
	"km": {
		"intro.romance":           "ខ្ញុំបានស្គាល់មនុស្សម្នាក់តាមបណ្តាញសង្គម ហើយគាត់សុំលុយខ្ញុំជាច្រើនដង។",
		"intro.crypto_investment": "មានគេណែនាំឲ្យខ្ញុំវិនិយោគលើគ្រីបតូ ដោយសន្យាថានឹងទទួលបានប្រាក់ចំណេញខ្ពស់។",
		"intro.gambling":          "ខ្ញុំបានលេងល្បែងនៅលើគេហទំព័រកាស៊ីណូអនឡាញ ហើយគេមិនព្រមឲ្យដកប្រាក់។",
		"intro.job_lure":          "ខ្ញុំឃើញការផ្សាយការងារប្រាក់ខែខ្ពស់ ដែលមិនត្រូវការបទពិសោធន៍។",
		"intro.sextortion":        "បន្ទាប់ពីការហៅវីដេអូ គេគំរាមចែកចាយវីដេអូរបស់ខ្ញុំ ប្រសិនបើខ្ញុំមិនបង់លុយ។",
		"intro.loan":              "ខ្ញុំបានស្នើសុំកម្ចីតាមកម្មវិធីទូរស័ព្ទ ប៉ុន្តែគេទាមទារឲ្យបង់ថ្លៃសេវាជាមុន។",
		"intro.shopping":          "ខ្ញុំបានទិញទំនិញតាមអនឡាញ ប៉ុន្តែមិនបានទទួលទំនិញទេ។",
		"intro.other":             "ខ្ញុំត្រូវគេបោកប្រាស់តាមអនឡាញ។",
		"phone":                   "មានគេទូរស័ព្ទមកខ្ញុំពីលេខ %s ជាច្រើនដង។",
		"handle":                  "គេបានឆាតជាមួយខ្ញុំតាម Telegram %s រាល់ថ្ងៃ។",
		"recruit":                 "អ្នកជ្រើសរើស %s បានផ្តល់ការងារប្រាក់ខែខ្ពស់ឲ្យខ្ញុំ។",
		"recruit.2":               "ខ្ញុំក៏អាចទាក់ទងគេតាម %s ផងដែរ។",
		"wallet":                  "ខ្ញុំបានផ្ញើគ្រីបតូទៅអាសយដ្ឋាន %s តាមការណែនាំ។",
		"phone.2":                 "ក្រោយមកគេក៏ទូរស័ព្ទពីលេខ %s ដែរ។",
		"account.2":               "ក្រោយមកគេឲ្យខ្ញុំផ្ទេរទៅ %s វិញ។",
		"wallet.2":                "ក្រោយមកគេឲ្យអាសយដ្ឋានថ្មី %s មកខ្ញុំ។",
		"handle.2":                "គណនី %s ក៏បានចូលរួមឆាតដែរ។",
		"account":                 "ខ្ញុំបានផ្ទេរប្រាក់ទៅគណនី %s តាមការណែនាំ។",
		"card":                    "ខ្ញុំបានផ្ទេរប្រាក់ទៅកាត %s តាមការណែនាំ។",
		"site":                    "គេឲ្យខ្ញុំចុះឈ្មោះនៅគេហទំព័រ %s ជាមុនសិន។",
		"help_phone":              "ខ្ញុំក៏បានទូរស័ព្ទទៅ %s ដើម្បីសុំជំនួយ។",
		"help_site":               "ក្រោយមកខ្ញុំបានស្វែងរកព័ត៌មាននៅ %s ។",
		"exchange":                "ខ្ញុំបានទិញ USDT នៅផ្សារប្តូរប្រាក់ដែលមានអាសយដ្ឋាន %s ។",
		"loss":                    "ខ្ញុំបាត់បង់ប្រាក់សរុប %s ។",
	},
	"th": {
		"intro.romance":           "ฉันรู้จักกับคนหนึ่งทางโซเชียลมีเดีย แล้วเขาขอยืมเงินหลายครั้ง",
		"intro.crypto_investment": "มีคนชวนให้ลงทุนคริปโตโดยบอกว่าจะได้กำไรสูง",
		"intro.gambling":          "ฉันเล่นพนันออนไลน์แล้วถอนเงินไม่ได้",
		"intro.job_lure":          "เห็นประกาศรับสมัครงานรายได้สูงในต่างประเทศ ไม่ต้องมีประสบการณ์",
		"intro.sextortion":        "หลังจากวิดีโอคอล เขาขู่ว่าจะปล่อยคลิปถ้าไม่จ่ายเงิน",
		"intro.loan":              "ฉันขอสินเชื่อผ่านแอป แต่ต้องจ่ายค่าธรรมเนียมก่อน",
		"intro.shopping":          "ฉันสั่งซื้อสินค้าออนไลน์แต่ไม่ได้รับของ",
		"intro.other":             "ฉันถูกหลอกทางออนไลน์",
		"phone":                   "มีคนโทรมาจากเบอร์ %s หลายครั้ง",
		"handle":                  "คุยกันทาง Telegram %s ทุกวัน",
		"recruit":                 "ผู้จัดหางาน %s ชวนไปทำงานรายได้สูงที่กัมพูชา",
		"recruit.2":               "ติดต่อเขาได้ทาง %s ด้วย",
		"wallet":                  "ฉันโอนคริปโตไปที่กระเป๋า %s ตามที่เขาบอก",
		"phone.2":                 "ต่อมาโทรมาจากเบอร์ %s ด้วย",
		"account.2":               "ต่อมาให้โอนเข้า %s แทน",
		"wallet.2":                "ต่อมาให้ที่อยู่ใหม่ %s มา",
		"handle.2":                "บัญชี %s ก็เข้ามาคุยด้วย",
		"account":                 "ฉันโอนเงินเข้าบัญชี %s ตามที่เขาบอก",
		"card":                    "ฉันโอนเงินเข้าบัตร %s ตามที่เขาบอก",
		"site":                    "เขาให้สมัครสมาชิกที่เว็บไซต์ %s ก่อน",
		"help_phone":              "ฉันโทรไปที่ %s เพื่อขอความช่วยเหลือ",
		"help_site":               "ภายหลังฉันค้นหาข้อมูลใน %s",
		"exchange":                "ฉันซื้อ USDT จากกระดานเทรดที่มีที่อยู่ %s",
		"loss":                    "เสียเงินไปทั้งหมด %s",
	},
	"vi": {
		"intro.romance":           "Tôi quen một người trên mạng xã hội và người đó nhiều lần hỏi vay tiền.",
		"intro.crypto_investment": "Tôi được mời đầu tư tiền điện tử với lợi nhuận rất cao.",
		"intro.gambling":          "Tôi chơi cá cược trực tuyến nhưng không rút được tiền.",
		"intro.job_lure":          "Tôi thấy quảng cáo việc làm lương cao ở nước ngoài, không cần kinh nghiệm.",
		"intro.sextortion":        "Sau một cuộc gọi video, họ đe dọa phát tán video nếu tôi không trả tiền.",
		"intro.loan":              "Tôi vay tiền qua ứng dụng nhưng bị yêu cầu nộp phí trước.",
		"intro.shopping":          "Tôi mua hàng trên mạng nhưng không nhận được hàng.",
		"intro.other":             "Tôi bị lừa đảo trên mạng.",
		"phone":                   "Có người gọi cho tôi từ số %s nhiều lần.",
		"handle":                  "Họ nhắn tin với tôi qua Telegram %s hằng ngày.",
		"recruit":                 "Người tuyển dụng %s hứa trả lương cao khi làm việc ở Campuchia.",
		"recruit.2":               "Tôi cũng liên lạc được với họ qua %s nữa.",
		"wallet":                  "Tôi đã chuyển tiền mã hóa vào ví %s theo hướng dẫn.",
		"phone.2":                 "Sau đó họ còn gọi từ số %s nữa.",
		"account.2":               "Sau đó họ bảo tôi chuyển vào %s thay thế.",
		"wallet.2":                "Sau đó họ đưa địa chỉ ví mới %s cho tôi.",
		"handle.2":                "Tài khoản %s cũng tham gia trò chuyện.",
		"account":                 "Tôi đã chuyển khoản vào tài khoản %s theo yêu cầu.",
		"card":                    "Tôi đã chuyển tiền vào thẻ %s theo yêu cầu.",
		"site":                    "Họ bảo tôi đăng ký tài khoản trên trang %s trước.",
		"help_phone":              "Tôi cũng đã gọi %s để nhờ giúp đỡ.",
		"help_site":               "Sau đó tôi tìm thông tin trên %s .",
		"exchange":                "Tôi mua USDT trên sàn có địa chỉ ví %s .",
		"loss":                    "Tôi đã mất tổng cộng %s .",
	},
	"zh": {
		"intro.romance":           "我在社交软件上认识了一个人，对方多次向我借钱。",
		"intro.crypto_investment": "对方介绍我在一个平台投资虚拟货币，说收益很高。",
		"intro.gambling":          "我在网上赌博平台充值后无法提现。",
		"intro.job_lure":          "我看到一个海外高薪招聘广告，说不需要经验。",
		"intro.sextortion":        "视频聊天后，对方威胁要散布我的视频。",
		"intro.loan":              "我在手机应用上申请贷款，对方要求先交手续费。",
		"intro.shopping":          "我在网上买东西，付款后没有收到货。",
		"intro.other":             "我在网上被骗了。",
		"phone":                   "对方用电话 %s 联系我。",
		"handle":                  "对方通过 Telegram %s 跟我聊天。",
		"recruit":                 "招聘人 %s 介绍我去柬埔寨做高薪工作。",
		"recruit.2":               "也可以通过 %s 联系到对方。",
		"wallet":                  "我按要求把加密货币转到钱包地址 %s 。",
		"phone.2":                 "后来对方又用 %s 打来。",
		"account.2":               "后来又让我转到 %s 。",
		"wallet.2":                "后来对方又给了新地址 %s 。",
		"handle.2":                "另一个账号 %s 也加入了聊天。",
		"account":                 "我按要求向账户 %s 转账。",
		"card":                    "我按要求把钱转到银行卡 %s 。",
		"site":                    "对方让我在网站 %s 注册账号。",
		"help_phone":              "我也打过 %s 求助。",
		"help_site":               "后来我在 %s 上查了资料。",
		"exchange":                "我在交易所买的 USDT，地址是 %s 。",
		"loss":                    "共损失 %s 。",
	},
}

func phrase(lang, key string) string {
	if p, ok := phrases[lang][key]; ok {
		return p
	}
	return phrases["en"][key]
}

// sentenceKey picks the sentence for a selector by its class and role.
func sentenceKey(class, role string) string {
	switch {
	case role == "recruited_via" && (class == "handle" || class == "phone"):
		return "recruit"
	}
	return class
}

// narrative writes a report's account: an opening for the scam type, a
// sentence naming each selector as the report writes it, and the loss.
func narrative(lang, scamType string, named []namedSel, loss string) string {
	sep := " "
	if lang == "zh" {
		sep = ""
	}
	parts := []string{phrase(lang, "intro."+scamType)}
	said := map[string]bool{}
	for _, n := range named {
		key := sentenceKey(n.class, n.role)
		if said[key] {
			if _, ok := phrases["en"][key+".2"]; ok {
				key += ".2"
			}
		}
		said[key] = true
		parts = append(parts, fmt.Sprintf(phrase(lang, key), n.raw))
	}
	if loss != "" {
		parts = append(parts, fmt.Sprintf(phrase(lang, "loss"), loss))
	}
	return strings.Join(parts, sep)
}

// namedSel is a selector as one report names it.
type namedSel struct {
	raw, class, role string
}
