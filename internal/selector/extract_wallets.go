package selector

// Wallets and IBANs: letter-and-digit segments of word runs with the
// shape of an address or an IBAN, validated by their checksums.

// segments reads the letter-and-digit segments of a run that may be wallet
// addresses or IBANs.
func (sc *scanner) segments(r *run) bool {
	s := r.s
	matched := false
	for k := 0; k < len(s); {
		if !isAlnum(s[k]) {
			k++
			continue
		}
		a := k
		for k < len(s) && isAlnum(s[k]) {
			k++
		}
		if k-a < 4 {
			continue
		}
		start, end := r.at(a), r.at(k)
		if end-start != k-a || sc.isCovered(start) && !sc.walletInLink(start) {
			continue // folded characters: wallets and IBANs are ASCII
		}
		if kind := walletShape(s[a:k]); kind != "" {
			if kind == "cash" && a >= 12 && equalFoldASCII(s[a-12:a], "bitcoincash:") {
				start = r.at(a - 12)
			}
			if _, ok := sc.try(Crypto, start, end, Options{}); ok {
				sc.cover(start, end)
				matched = true
			}
			continue
		}
		if isIBANStart(s[a:k]) {
			matched = sc.iban(r, a, k) || matched
		}
	}
	return matched
}

// walletInLink reports whether the covered position p is inside the
// run's URL, where a wallet in the path (an explorer's address page)
// still counts.
func (sc *scanner) walletInLink(p int) bool {
	return p >= sc.urlStart && p < sc.urlEnd
}

// walletShape says whether a segment has the length and alphabet of a
// wallet address, before any checksum is computed: "evm", "bech32",
// "cash", "b58" or "".
func walletShape(w string) string {
	n := len(w)
	switch {
	case n == 42 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X'):
		for i := 2; i < n; i++ {
			if !isHexOrColon(w[i]) || w[i] == ':' {
				return ""
			}
		}
		return "evm"
	case n >= 14 && n <= 90 && (equalFoldASCII(w[:3], "bc1") || equalFoldASCII(w[:4], "ltc1")):
		return "bech32"
	case n == 42 && (w[0] == 'q' || w[0] == 'p'):
		return "cash"
	case n >= 25 && n <= 36, n == 95, n == 106:
		for i := 0; i < n; i++ {
			if asciiClass[w[i]]&clB58 == 0 {
				return ""
			}
		}
		return "b58"
	}
	return ""
}

// isIBANStart reports whether w starts like an IBAN: two capital letters
// and two check digits.
func isIBANStart(w string) bool {
	return len(w) >= 4 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z' && isDigit(w[2]) && isDigit(w[3])
}

// maxIBAN is the longest IBAN (ISO 13616 allows 34 characters).
const maxIBAN = 34

// iban reads an IBAN starting at the segment s[a:k]: written in one piece
// (DE89370400440532013000) or in groups of four (DE89 3704 0044 0532 0130
// 00).
func (sc *scanner) iban(r *run, a, k int) bool {
	s := r.s
	if k-a >= 15 && k-a <= maxIBAN {
		start, end := r.at(a), r.at(k)
		if _, ok := sc.try(BankAccount, start, end, Options{}); ok {
			sc.cover(start, end)
			return true
		}
		return false
	}
	if k-a != 4 || k != len(s) || r.pos != nil {
		return false
	}
	// Grouped: read the next groups from the text.
	text := sc.text
	var ends [9]int
	groups := 0
	total := 4
	p := r.end
	for groups < len(ends) && p+1 < len(text) && text[p] == ' ' {
		q := p + 1
		for q < len(text) && q-p <= 4 && (isDigit(text[q]) || (text[q] >= 'A' && text[q] <= 'Z')) {
			q++
		}
		if q == p+1 || q-p > 5 || (q < len(text) && isAlnum(text[q])) || total+q-p-1 > maxIBAN {
			break
		}
		total += q - p - 1
		ends[groups] = q
		groups++
		p = q
	}
	start := r.at(a)
	for g := groups - 1; g >= 0 && g >= groups-3; g-- {
		if ends[g]-start < 15 {
			break
		}
		if _, ok := sc.try(BankAccount, start, ends[g], Options{}); ok {
			sc.cover(start, ends[g])
			sc.digitCursor = max(sc.digitCursor, ends[g])
			return true
		}
	}
	return false
}
