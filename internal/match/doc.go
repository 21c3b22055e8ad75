// Package match reconciles and de-duplicates person records across scripts
// and spellings: a partner country's arrest or deportation list (Latin names
// as the other side spelled them, dates of birth, passport numbers) against
// the persons counterscam holds (Hangul names with their passport spelling,
// possibly partial dates of birth).
//
// It is pure: no I/O beyond its embedded pinyin table, no storage, no
// mutable package state. Casework and storage build on it.
//
// # Names
//
// Every Name yields one or more readings (family + given name) in folded
// Latin letters:
//
//   - Hangul is romanised syllable by syllable as passports do
//     (RomanizeHangul with RRName; RRStandard applies the sound changes of
//     the Revised Romanization for other text);
//   - Han characters become toneless pinyin (table generated from CLDR);
//   - Khmer and Thai go through small transliteration tables;
//   - Latin is folded (case, diacritics, hyphens, spaces between given-name
//     syllables); the family name is the first or last word, decided by the
//     Korean surname table, else both readings are kept.
//
// Korean family names resolve to a surname entry with its passport
// variants (Park/Pak/Bak = 박, Lee/Yi/Rhee/I = 이 ...). Skeleton reduces a
// name to a phonetic key (vowel classes, consonant voicing pairs, silent h
// and r), and NameKeys combines both: "Park Minho", "PAK MIN HO", "Bak
// Min-Ho", "Minho Park" and "박민호" share the key "#박|MiNHo".
//
// # Scoring
//
// Compare(a, b) returns a Score: Weight is a Fellegi-Sunter sum of log2
// likelihood ratios, one Feature per piece of evidence with its weight and
// a sentence ("family name: 박 ~ PAK (same family name, passport variant
// of 박)", "date of birth: same year and month, day missing", "passport:
// equal"). Value = 1/(1+2^-(Weight-WeightCentre)) lies in 0..1. Classes:
//
//	Match     Value >= 0.9  (Weight >= 17.2)
//	Possible  Value >= 0.5  (Weight >= 14)   a person should look
//	NonMatch  below
//
// Main weights: family name equal log2(0.95/share) (Kim ~ +2.1, a rare
// name up to +10), passport variant log2(0.9/share); given name equal up
// to +10, same sound up to +7, Korean given names that differ in a
// syllable -5; date of birth equal +10, equal as far as known +3.5 (year)
// or +6 (year and month), day and month swapped +6, one digit off +5,
// different -6; same document number +15, one character off +7; sex
// differs -4; nationality differs -2.5; extra attributes equal
// log2(0.9/share of that value) up to +12, near +2, different -2.7.
//
// # Search
//
// NewIndex blocks persons on name keys, name + date or year of birth,
// date of birth, document numbers and extra attributes; Index.Best(p, k)
// scores only the candidates, with the population's own name and value
// frequencies. Dedupe compares each record with its candidates once and
// clusters the Match pairs. Stored human decisions (WithDecisions) always
// win: a pair judged different is never returned nor clustered, a pair
// judged the same always is.
package match
