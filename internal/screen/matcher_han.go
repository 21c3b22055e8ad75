package screen

// hanPairs lists traditional Chinese characters (Taiwan, Hong Kong, Macau)
// with their simplified forms, two runes a pair, for the characters the
// rules use: folding them makes every Chinese phrase in zh.rules match
// text in either script ("月入過萬" as "月入过万"). Only the common
// one-to-one cases: a simplified character that stands for several
// traditional ones (干 for 乾, 幹 and 干) is only reached from them here,
// never unfolded, so nothing is lost.
const hanPairs = "" +
	"過过萬万經经驗验輕轻鬆松賺赚錢钱機机費费報报銷销們们資资單单簡简無无" +
	"學学歷历門门檻槛發发財财來来這这個个為为時时間间員员務务線线網网絡络" +
	"詐诈騙骗園园區区緬缅馬马額额貸贷應应請请電电話话飛飞紙纸簽签證证護护" +
	"東东準准點点長长輸输讓让實实體体專专業业職职與与後后裡里裏里還还邊边" +
	"處处現现將将對对會会種种說说遠远運运進进達达關关陸陆際际華华灣湾國国" +
	"語语譯译賭赌場场廳厅銀银戶户帳账號号聯联繫系係系誤误寶宝幣币虛虚擬拟" +
	"營营產产廠厂級级優优勞劳動动約约飯饭館馆樓楼車车歲岁齡龄憑凭幫帮辦办" +
	"買买賣卖換换轉转匯汇帶带兩两億亿僅仅週周總总團团隊队組组織织傳传統统" +
	"計计認认識识課课訓训練练師师導导問问題题貨货價价獎奖紅红罰罚債债務务" +
	"險险穩稳薦荐選选擇择險险額额屬属許许記记錄录據据標标準准須须簡简歡欢" +
	"談谈讀读寫写聽听見见視视覺觉親亲愛爱麗丽媽妈爺爷孫孙兒儿員员歐欧僑侨" +
	"館馆飲饮鐘钟鐵铁陽阳陰阴寧宁齊齐滿满開开關关輔辅導导氣气島岛灣湾緊紧" +
	"雙双廣广負负債债償偿預预莊庄膽胆猶犹"

// hanFold maps each traditional character of hanPairs to its simplified form.
var hanFold = func() map[rune]rune {
	rs := []rune(hanPairs)
	m := make(map[rune]rune, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] != rs[i+1] {
			m[rs[i]] = rs[i+1]
		}
	}
	return m
}()
