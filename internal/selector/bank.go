package selector

func parseBankAccount(raw string, o Options) (Selector, error) {
	return Selector{}, invalid(BankAccount, raw, "not implemented yet")
}
