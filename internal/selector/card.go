package selector

func parseCard(raw string, o Options) (Selector, error) {
	return Selector{}, invalid(Card, raw, "not implemented yet")
}
