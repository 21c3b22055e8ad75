//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package sqlite

import "errors"

// dirLock: no directory locks here, so no store is built aside
// (ErrNoBuild) and Open creates one as it always did.
type dirLock struct{}

var (
	errLocked  = errors.New("directory locked by another process")
	errNoLocks = errors.New("no directory locks on this system")
)

func lockDir(string, bool) (dirLock, error) { return dirLock{}, errNoLocks }

func (dirLock) unlock() {}
