package selector

func parseCrypto(raw string, o Options) (Selector, error) {
	return Selector{}, invalid(Crypto, raw, "not implemented yet")
}
