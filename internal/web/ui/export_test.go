package ui

// ReadMessages lets the external tests read a language's catalogue as
// the server merges it.
var ReadMessages = readMessages

// SetNetworksFetch changes how many networks the list page asks the store
// for, until the returned function puts it back.
func SetNetworksFetch(n int) (restore func()) {
	old := networksFetch
	networksFetch = n
	return func() { networksFetch = old }
}

// SetListLimits changes how many reports a selector's page and a search
// page list, until the returned function puts them back.
func SetListLimits(n int) (restore func()) {
	sel, search := selectorReportsShown, searchLimit
	selectorReportsShown, searchLimit = n, n
	return func() { selectorReportsShown, searchLimit = sel, search }
}
