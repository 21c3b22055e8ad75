package selector

// phoneEngine will hold precompiled phone metadata.
type phoneEngine struct{}

func (e *phoneEngine) read(digits []byte, intl bool, region string) (Selector, bool) {
	return readPhone(digits, intl, region, nil)
}
