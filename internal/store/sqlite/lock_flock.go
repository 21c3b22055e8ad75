//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package sqlite

import (
	"errors"
	"os"
	"syscall"
)

// dirLock is an advisory lock (flock) on a data directory: held
// exclusively while a store is built in it (NewBuild), shared while Open
// creates one. It is the directory's, not the database file's: SQLite's
// own locks on the file are POSIX locks, which closing any other
// descriptor of the file would release.
type dirLock struct{ f *os.File }

var (
	errLocked  = errors.New("directory locked by another process")
	errNoLocks = errors.New("no directory locks on this system")
)

// lockDir takes the lock without waiting: errLocked if another process
// holds it in a conflicting mode, errNoLocks if the directory cannot be
// locked at all (it cannot be opened for reading, or its file system has
// no flock): then no store is built aside and Open works as without locks.
func lockDir(dir string, exclusive bool) (dirLock, error) {
	f, err := os.Open(dir)
	if err != nil {
		return dirLock{}, errNoLocks
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return dirLock{}, errLocked
		}
		return dirLock{}, errNoLocks
	}
	return dirLock{f: f}, nil
}

func (l dirLock) unlock() {
	if l.f != nil {
		l.f.Close() // closing the descriptor releases the lock
	}
}
