package selector

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bank accounts in free text: a number right after a bank's name
// ("신한 110-123-456789", "ABA Bank 000 123 456", "ธนาคารกสิกรไทย
// 123-4-56789-0"), or after an account word that a bank's name came
// before ("국민은행으로 보내세요. 계좌 123-456-789012"). When the name and
// the number stand together, the match spans both, so that the parser
// reads the bank's code; otherwise the number is read with the named
// bank's country (or Hints.Region) and the code is unknown.

// bankNameGap is how far (in bytes) before a number a bank's name may end
// for the two to be read together.
const bankNameGap = 24

// namedBankAccount tries the digit run text[first:last], which starts at
// p (p may be a bracket before first), as an account of the bank named
// right before it.
func (sc *scanner) namedBankAccount(p, first, last int) bool {
	ns, country, ok := sc.bankBefore(p)
	if !ok {
		return false
	}
	if _, ok := sc.try(BankAccount, ns, last, Options{Region: sc.h.Region}); ok {
		return true
	}
	_, ok = sc.try(BankAccount, first, last, Options{Region: country})
	return ok
}

// ctxBankAccount tries the digit run as the account that an account word
// announced.
func (sc *scanner) ctxBankAccount(p, first, last, digits int) bool {
	c := &sc.ctx
	if c.bWeak && digits < 8 {
		return false // "account 123456" in English is rarely an account number
	}
	if c.bNameEnd > 0 && p-c.bNameEnd <= bankNameGap {
		if _, ok := sc.try(BankAccount, c.bNameStart, last, Options{Region: sc.h.Region}); ok {
			return true
		}
	}
	region := c.bRegion
	if region == "" {
		region = sc.h.Region
	}
	if region == "" {
		return false
	}
	_, ok := sc.try(BankAccount, first, last, Options{Region: region})
	return ok
}

// bankFillers are words that may stand between a bank's name and the
// account number ("KB 계좌번호 123...", "Vietcombank STK 0123...").
var bankFillers = []string{
	"계좌", "계좌번호", "번호", "입금계좌", "account", "acct", "acc", "no", "number", "stk", "tk",
	"账号", "帐号", "账户", "卡号", "银行卡", "บัญชี", "เลขที่บัญชี", "เลขบัญชี", "គណនី", "លេខគណនី",
}

func isBankFiller(w string) bool {
	for _, f := range bankFillers {
		if equalFoldASCII(w, f) {
			return true
		}
	}
	return false
}

// bankBefore looks for a bank's name before the digit run at text[p],
// across separators and filler words, and returns where it starts and the
// bank's country.
func (sc *scanner) bankBefore(p int) (start int, country string, ok bool) {
	text := sc.text
	i := p
	for hop := 0; hop < 3; hop++ {
		k := skipSeparatorsBack(text, i)
		if p-k > bankNameGap+16 {
			return 0, "", false
		}
		ws := nameStartBefore(text, k)
		if ws == k {
			return 0, "", false
		}
		if start, country, ok := sc.bankNameEndingAt(k); ok {
			return start, country, true
		}
		if !isBankFiller(text[ws:k]) {
			return 0, "", false
		}
		i = ws
	}
	return 0, "", false
}

// skipSeparatorsBack steps back over up to three spaces, colons, hyphens
// and equals signs before text[i].
func skipSeparatorsBack(text string, i int) int {
	for n := 0; i > 0 && n < 3; n++ {
		c := byteBefore(text, i)
		if c != ' ' && c != ':' && c != '-' && c != '=' && c != '#' {
			break
		}
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	return i
}

// maxBankName bounds the name looked at before a number.
const maxBankName = 48

// nameStartBefore returns where the letters that end at text[e] start.
func nameStartBefore(text string, e int) int {
	k := e
	for k > 0 && e-k < maxBankName {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		if !isNameRune(r) {
			break
		}
		k -= size
	}
	return k
}

func isNameRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlpha(byte(r))
	}
	return unicode.IsLetter(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

// bankNameEndingAt looks up the bank named by the letters that end at
// text[e]: the whole word ("국민은행", "ธนาคารกสิกรไทย", "Vietcombank"), the
// word with the one before it ("ABA Bank", "KB국민은행"), or, for scripts
// written without spaces, its tail ("请转账到中国工商银行" names 中国工商银行).
func (sc *scanner) bankNameEndingAt(e int) (start int, country string, ok bool) {
	text := sc.text
	ws := nameStartBefore(text, e)
	if ws == e {
		return 0, "", false
	}
	region := sc.h.Region
	if country, ok := lookupBank(text[ws:e], region); ok {
		// "KB국민은행": an ASCII word glued before a Hangul name.
		if ws > 0 && isAlpha(text[ws-1]) {
			if ws2 := nameStartBefore(text, ws); ws2 < ws {
				if c2, ok := lookupBank(text[ws2:e], region); ok {
					return ws2, c2, true
				}
			}
		}
		return ws, country, true
	}
	// The word before, across one space: "ABA Bank", "Bangkok Bank".
	if ws > 1 && text[ws-1] == ' ' {
		if ws2 := nameStartBefore(text, ws-1); ws2 < ws-1 {
			if country, ok := lookupBank(text[ws2:e], region); ok {
				return ws2, country, true
			}
		}
	}
	// A glued ASCII prefix: "KB국민은행" when "국민은행" alone is unknown.
	if ws > 0 && text[ws] >= utf8.RuneSelf && isAlpha(text[ws-1]) {
		if ws2 := nameStartBefore(text, ws); ws2 < ws {
			if country, ok := lookupBank(text[ws2:e], region); ok {
				return ws2, country, true
			}
		}
	}
	if text[ws] < utf8.RuneSelf || !hasBankSuffix(text[ws:e]) {
		return 0, "", false
	}
	// Tails of a word in a script without spaces, shortest first: the
	// name is what comes right before the number.
	k := e
	for tries := 0; tries < 8; tries++ {
		_, size := utf8.DecodeLastRuneInString(text[ws:k])
		k -= size
		if k <= ws {
			break
		}
		if tries == 0 {
			continue // one rune is no name
		}
		if country, ok := lookupBank(text[k:e], region); ok {
			return k, country, true
		}
	}
	return 0, "", false
}

// mayBeBank says cheaply whether LookupBankIn could know the name w: for
// ASCII, its letters in lower case (without a final "bank") must be a
// known alias; otherwise its last letter must end some bank's name.
func mayBeBank(w string) bool {
	if len(w) == 0 || len(w) > maxBankName+8 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	if last >= utf8.RuneSelf {
		return bankLastRunes[unicode.ToLower(last)]
	}
	var buf [maxBankName + 8]byte
	k := 0
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf {
			return true // mixed scripts: let the directory decide
		} else if isAlnum(c) {
			buf[k] = lower(c)
			k++
		}
	}
	key := buf[:k]
	if k >= 6 && string(key[k-4:]) == "bank" {
		key = key[:k-4]
	}
	_, ok := bankByAlias[string(key)]
	return ok
}

// bankLastRunes are the last letters of the non-ASCII bank names and
// aliases of the directory, and of the generic words that end them.
var bankLastRunes = func() map[rune]bool {
	m := map[rune]bool{}
	add := func(n string) {
		if r, _ := utf8.DecodeLastRuneInString(n); r >= utf8.RuneSelf {
			m[unicode.ToLower(r)] = true
		}
	}
	for _, e := range bankDirectory {
		add(e.Name)
		add(e.Local)
		for _, a := range e.Aliases {
			add(a)
		}
	}
	for _, s := range bankSuffixes {
		add(s)
	}
	return m
}()

// lookupBank is LookupBankIn behind the mayBeBank filter.
func lookupBank(w, region string) (country string, ok bool) {
	if !mayBeBank(w) {
		return "", false
	}
	country, _, _, ok = LookupBankIn(w, region)
	return country, ok
}

// bankSuffixes end the names of banks in scripts written without spaces.
var bankSuffixes = []string{"은행", "뱅크", "银行", "銀行", "ธนาคาร"}

func hasBankSuffix(w string) bool {
	for _, s := range bankSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
