package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// serveFor runs serve with args until the test ends and returns its base
// URL, read from the line serve prints when it listens.
func serveFor(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- runServe(&env{ctx: ctx, args: args, stdin: strings.NewReader(""), stdout: pw, stderr: io.Discard})
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		go io.Copy(io.Discard, pr)
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if _, rest, ok := strings.Cut(sc.Text(), "serving on "); ok {
			go io.Copy(io.Discard, pr)
			return strings.TrimSuffix(strings.Fields(rest)[0], "/")
		}
	}
	t.Fatalf("serve did not start: %v", sc.Err())
	return ""
}

// TestServeSecureCookies: behind a proxy that ends TLS, serve
// --secure-cookies marks the sign-in page's cookie Secure with the __Host-
// prefix though the request came over plain HTTP; without it the cookie
// is neither.
func TestServeSecureCookies(t *testing.T) {
	for _, secure := range []bool{true, false} {
		args := []string{"--data", t.TempDir(), "--addr", "127.0.0.1:0"}
		if secure {
			args = append(args, "--secure-cookies")
		}
		base := serveFor(t, args...)
		resp, err := http.Get(base + "/login")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		var names []string
		allSecure := true
		for _, ck := range resp.Cookies() {
			names = append(names, ck.Name)
			allSecure = allSecure && ck.Secure
		}
		if len(names) == 0 {
			t.Fatalf("secure=%v: the sign-in page set no cookie", secure)
		}
		hasHost := strings.Contains(strings.Join(names, " "), "__Host-")
		if secure && (!allSecure || !hasHost) {
			t.Errorf("with --secure-cookies: cookies %v, all Secure %v; want Secure __Host- cookies", names, allSecure)
		}
		if !secure && (hasHost || allSecure) {
			t.Errorf("without --secure-cookies, over plain HTTP: cookies %v, all Secure %v", names, allSecure)
		}
	}
}
