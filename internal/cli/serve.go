package cli

import (
	"context"
	"counterscam/internal/web/proxy"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/intel"
	"counterscam/internal/screen"
	"counterscam/internal/trust"
	"counterscam/internal/web/api"
	"counterscam/internal/web/ui"
)

func init() {
	register(&command{name: "serve", summary: "serve the JSON API (and pages) over a store", run: runServe})
}

func runServe(e *env) error {
	fs := newFlags(e, "serve", "serve [--data DIR | --db DSN] [--addr HOST:PORT] [--trusted-proxies LIST] [--secure-cookies]")
	var sf storeFlags
	sf.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	rate := fs.Float64("check-rate", 20, "public checks a second per client address")
	proxies := fs.String("trusted-proxies", "", "reverse proxies in front (addresses or CIDR prefixes, comma-separated) whose X-Forwarded-For names the client")
	secureCookies := fs.Bool("secure-cookies", false, "mark cookies Secure (with the __Host- prefix) though requests arrive over plain HTTP: for a proxy in front that ends TLS")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the serving to this file")
	memProfile := fs.String("memprofile", "", "write a heap profile to this file when the serving stops")
	if _, err := parseFlags(fs, e.args); err != nil {
		return err
	}
	trusted, err := proxy.Parse(*proxies)
	if err != nil {
		return usageError{err.Error()}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	svc, st, err := sf.service(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if *memProfile != "" {
		defer func() {
			writeHeapProfile(*memProfile)
			runtime.KeepAlive(svc) // what it holds is what is measured
		}()
	}
	ts, err := trust.New(st, trust.Options{})
	if err != nil {
		return err
	}
	return serveUntilDone(e, svc, ts, serveConfig{addr: *addr, rate: *rate, trusted: trusted, secureCookies: *secureCookies})
}

// serveConfig is how serveUntilDone serves.
type serveConfig struct {
	addr string
	rate float64 // public checks a second per client address
	// trusted are the proxies whose X-Forwarded-For names the client.
	trusted proxy.Trusted
	// secureCookies marks cookies Secure behind a proxy that ends TLS.
	secureCookies bool
}

// serveUntilDone serves svc on c.addr until the context ends, then shuts
// down gracefully.
func serveUntilDone(e *env, svc *intel.Service, ts *trust.Service, c serveConfig) error {
	if err := svc.Warm(e.ctx); err != nil {
		return err
	}
	start := time.Now()
	if err := svc.WarmChecks(e.ctx); err != nil {
		return err
	}
	listed, _ := svc.CheckIndexStats()
	fmt.Fprintf(e.stdout, "counterscam: check index: %d listed selectors, built in %s\n", listed, time.Since(start).Round(time.Millisecond))
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	scr, err := newScreener("", screen.DefaultMaxBytes, screen.LookupFunc(svc.ListingStatus))
	if err != nil {
		return err
	}
	cw := casework.New(svc.Store(), svc, casework.Config{})
	pages, err := ui.New(svc, ts, ui.Options{CheckRate: c.rate, Logger: log, Screener: scr, Casework: cw, SecureCookies: c.secureCookies})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.New(svc, ts, api.Options{CheckRate: c.rate, Logger: log, Screener: scr}))
	mux.Handle("/", pages)
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           c.trusted.Handler(mux),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(e.stdout, "counterscam: serving on http://%s/ (pages at /, API under /api/v1; Ctrl-C to stop)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-e.ctx.Done():
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if err := pages.Close(ctx); err != nil {
		return err
	}
	if listed, answers := svc.CheckIndexStats(); answers > 0 {
		fmt.Fprintf(e.stdout, "counterscam: check index: %d answers from it (%d listed selectors)\n", answers, listed)
	}
	if hits, misses := svc.CheckCacheStats(); hits+misses > 0 {
		fmt.Fprintf(e.stdout, "counterscam: check cache: %d hits, %d misses (%.1f%% hits)\n", hits, misses, 100*float64(hits)/float64(hits+misses))
	}
	fmt.Fprintln(e.stdout, "counterscam: stopped")
	return nil
}

// writeHeapProfile writes the live heap's profile to path (after a
// collection, so that it counts what is live), or says why it could not.
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err == nil {
		runtime.GC()
		err = pprof.WriteHeapProfile(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "counterscam: heap profile: %v\n", err)
	}
}
