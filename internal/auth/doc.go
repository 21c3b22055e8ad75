// Package auth holds counterscam's trust rules: password hashing, API
// tokens and session identifiers, CSRF tokens, TOTP second factors, the
// log-in throttle, the role/permission table and the TLP 2.0 read rule.
//
// The package is pure: it keeps no state, opens no files or sockets and
// reads no clock (callers pass the time in). Randomness comes from
// crypto/rand. The store keeps what these functions return (hashes,
// secrets, failure counts); the services and the HTTP layer decide when
// to call them.
//
// Secrets handed to a person or a machine (API tokens, session IDs) are
// stored only as hashes, so a copy of the database does not let anyone
// sign in.
package auth
