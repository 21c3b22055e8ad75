package demo

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// syntheticColumns is the default import layout Synthetic writes.
var syntheticColumns = []string{
	"external_ref", "origin", "received_at", "scam_type", "narrative",
	"victim_country", "loss_amount", "loss_currency", "selectors", "tlp",
}

// Synthetic writes n reports as CSV in the default import layout, for
// benchmarks: about three selectors each, reused the way scam
// infrastructure is. Reports fall into communities (a new one about a
// third of the time; otherwise a recent one, or an old large one); a
// community's reports reuse its selectors, its first ones most. It streams:
// memory stays small whatever n is (two integers per community).
//
// Selector values are an injective function of a selector's number, so
// two communities never share one by accident while there are fewer than
// 60 million numbers (48 are reserved per community: n up to about 3.5
// million).
func Synthetic(seed int64, n int, w io.Writer) error {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5157))
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := csv.NewWriter(bw)
	if err := cw.Write(syntheticColumns); err != nil {
		return err
	}
	type community struct{ base, minted int32 }
	const perCommunity = 48 // selector numbers reserved per community
	var comms []community
	var next int32
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	step := 365 * 24 * time.Hour / time.Duration(max(n, 1))
	row := make([]string, len(syntheticColumns))
	var sels []string
	var ids []int32
	for i := 0; i < n; i++ {
		var c int
		switch x := rng.Float64(); {
		case len(comms) == 0 || x < 0.35:
			comms = append(comms, community{base: next})
			next += perCommunity
			c = len(comms) - 1
		case x < 0.75: // a recent community
			c = len(comms) - 1 - min(int(rng.ExpFloat64()*200), len(comms)-1)
		default: // any, the oldest most: the big long-lived operations
			u := rng.Float64()
			c = int(u * u * u * float64(len(comms)))
		}
		cm := &comms[c]
		sels, ids = sels[:0], ids[:0]
		want := 2 + rng.IntN(3)
		for try := 0; len(ids) < want && try < 2*want; try++ {
			var id int32
			if cm.minted == 0 || cm.minted < perCommunity && rng.Float64() < 0.45 {
				id = cm.base + cm.minted
				cm.minted++
			} else {
				u := rng.Float64()
				id = cm.base + int32(u*u*float64(cm.minted))
			}
			dup := false
			for _, o := range ids {
				dup = dup || o == id
			}
			if !dup {
				ids = append(ids, id)
				sels = append(sels, syntheticSelector(seed, id))
			}
		}
		h := mix(uint64(seed) ^ uint64(c)*0x9E3779B97F4A7C15)
		country := []string{"KR", "KR", "KR", "KH", "KH", "TH", "VN", "CN"}[h%8]
		scamType := []string{"romance", "crypto_investment", "crypto_investment", "gambling", "job_lure", "voice_phishing", "loan", "shopping"}[(h>>8)%8]
		origin := origins[country]
		if country == "KR" {
			// Korean reports mostly write Korean mobiles the national way.
			for j, v := range sels {
				if strings.HasPrefix(v, "+82 10-") && rng.IntN(3) > 0 {
					sels[j] = "0" + v[4:]
				}
			}
		}
		amount, cur := syntheticLoss(rng, country)
		row[0] = "SYN-" + strconv.Itoa(i+1)
		row[1] = origin
		row[2] = start.Add(time.Duration(i)*step + time.Duration(rng.Int64N(int64(max(step, 1))))).Format(time.RFC3339)
		row[3] = scamType
		row[4] = fmt.Sprintf("Synthetic report %d: %s case; the victim was contacted through %s and paid as told.", i+1, scamType, sels[0])
		row[5] = country
		row[6], row[7] = amount, cur
		row[8] = strings.Join(sels, ";")
		row[9] = "AMBER"
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

func syntheticLoss(rng *rand.Rand, country string) (string, string) {
	switch country {
	case "KR":
		return strconv.Itoa((1 + rng.IntN(5000)) * 10000), "KRW"
	case "KH":
		return fmt.Sprintf("%d.%02d", 10+rng.IntN(20000), rng.IntN(100)), "USD"
	case "TH":
		return strconv.Itoa(1000 + rng.IntN(500000)), "THB"
	case "VN":
		return strconv.Itoa((1 + rng.IntN(100000)) * 10000), "VND"
	}
	return fmt.Sprintf("%d.%d", 100+rng.IntN(100000), rng.IntN(10)), "USDT"
}

// mix is SplitMix64's finaliser: a cheap hash of a number.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	return x ^ x>>31
}

// syntheticSelector is selector number id: its kind chosen by a hash, its
// value an injective function of id within the kind (a multiplication by a
// number prime to the size of the kind's space, so values look scattered).
// Phones are international, so they read the same in every country's
// reports; national spellings are added by the caller.
func syntheticSelector(seed int64, id int32) string {
	k := uint64(id)
	scatter := func(space uint64) uint64 { return (k*1_000_003 + 7_654_321) % space }
	switch mix(uint64(seed)+k) % 10 {
	case 0, 1, 2: // Korean mobile, +82 10-XXXX-XXXX, the first X never 5
		x := scatter(7 * 10_000_000)
		d := fmt.Sprintf("%07d", x/7)
		return "+82 10-" + krMobileThird[x%7] + d[:3] + "-" + d[3:]
	case 3: // Cambodian mobile, 9-digit plan
		x := scatter(6 * 10_000_000)
		return fmt.Sprintf("+855 %s %03d %04d", khPrefix9[x%6], x/6/10000%1000, x/6%10000)
	case 4:
		return tronAddress(hashID(seed, "tron", id))
	case 5:
		return evmAddress(hashID(seed, "evm", id))
	case 6: // Korean bank account, 14 digits
		v := fmt.Sprintf("%014d", (k*99_999_999_977+31_415_926_535_897)%100_000_000_000_000)
		return "KB국민은행 " + v[:6] + "-" + v[6:8] + "-" + v[8:]
	case 7:
		return "@" + handleWords[k%20] + "_" + strconv.FormatUint(k, 36)
	case 8:
		return handleWords[k%20] + "-" + strconv.FormatUint(k, 36) + ".com"
	default: // Thai mobile
		x := scatter(100_000_000)
		return fmt.Sprintf("+66 8%d %03d %04d", x%10, x/10/10000%1000, x/10%10000)
	}
}

func hashID(seed int64, domain string, id int32) [20]byte {
	var b [12]byte
	binary.BigEndian.PutUint64(b[:8], uint64(seed))
	binary.BigEndian.PutUint32(b[8:], uint32(id))
	h := sha256.Sum256(append([]byte(domain), b[:]...))
	return [20]byte(h[:20])
}
