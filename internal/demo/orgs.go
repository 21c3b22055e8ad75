package demo

// Org is an organisation of the demo scene: every report's origin is one.
type Org struct {
	Name, Country, Kind string
	Title               string   // what it stands for, to print
	Partners            []string // organisations it shares AMBER with
}

// Orgs are the scene's organisations: the police of each victim country
// (the Korean and Cambodian units name each other as partners, as their
// joint task force does) and a bank that screens accounts.
var Orgs = []Org{
	{Name: "KNPA", Country: "KR", Kind: "police", Title: "Korean National Police Agency, Korea Task Force", Partners: []string{"CNP"}},
	{Name: "CNP", Country: "KH", Kind: "police", Title: "Cambodian National Police, anti-scam unit", Partners: []string{"KNPA"}},
	{Name: "RTP", Country: "TH", Kind: "police", Title: "Royal Thai Police"},
	{Name: "MPS-VN", Country: "VN", Kind: "police", Title: "Ministry of Public Security, Viet Nam"},
	{Name: "MPS-CN", Country: "CN", Kind: "police", Title: "Ministry of Public Security, China"},
	{Name: "DEMO-BANK", Country: "KR", Kind: "bank", Title: "a Korean bank screening mule accounts"},
}
