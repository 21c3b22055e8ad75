// Package casework is counterscam's people-and-repatriation service: the
// nationals a consular officer follows from "missing" or "arrested" to a
// seat on a repatriation flight and a hand-over at home, and everything
// around them.
//
//   - Persons: names in several scripts (Hangul, the passport's Latin,
//     Khmer, Han) with aliases and nicknames, partial dates of birth,
//     identity documents and what became of them, selectors (phones,
//     handles, accounts, normalised by package selector so that a person
//     links to the intelligence graph), languages, next of kin. Personal
//     data carries its origin, TLP 2.0 label, legal basis and purpose, and
//     every read is audited.
//   - Roles per case, several at once and over time: nothing forces a
//     choice between victim and suspect.
//   - Intakes: missing or confined person reports, in a triage queue
//     (danger now first); their selectors join the intelligence graph at
//     once as a report.
//   - Consular cases: a state machine (CanTransition, Next) with every
//     change recorded, impossible ones refused with a reason, and
//     deadlines with an overdue list.
//   - Screenings (ILO indicators, HTCDS methods of control, decision,
//     non-punishment recommendation) kept apart from charge evidence and
//     shown side by side to prosecutors only (GetDossier).
//   - Compounds with their raids, travel advisory zones.
//   - Flights and manifests, with counts computed from the rows, CSV
//     export and arrival outcomes.
//   - Reconciliation of partners' arrest and deportation lists with
//     package match, respecting stored same/not-same decisions.
//   - Referrals to support organisations with only the consented fields,
//     and an HTCDS export of victim cases.
//
// Every method takes the trust.Principal who acts. A record the principal
// may not read answers store.ErrNotFound; a role that may not act,
// trust.ErrForbidden; bad input, *FieldError; a refused change of state,
// *TransitionError; a change that lost a race, ErrConflict.
package casework
