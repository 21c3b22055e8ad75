// Command floor is the public check benchmark's third reference: a
// net/http server that reads each request's body and answers a fixed,
// typical check answer, doing nothing else. What it reaches is the most
// any handler on Go's net/http can reach on the machine under the same
// wrk load, so that counterscam's distance from it is the cost of the
// check itself and its distance from Redis that of HTTP.
//
//	go run ./bench/check/floor -addr 127.0.0.1:8081
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

const answer = `{"query":"010-1234-5678","status":"not_listed","reports":0,"sources":0,"advice":"Not listed. That is not proof it is safe: scammers change numbers and accounts often. Check who you are dealing with through an official channel before you pay or travel.","selector":{"kind":"phone","value":"+821012345678","display":"+82 10-1234-5678","id":"6f1c1a52-4d1e-5b7a-9d0e-0d9f4d0c8a11"}}` + "\n"

func main() {
	addr := flag.String("addr", "127.0.0.1:8081", "listen address")
	flag.Parse()
	body := []byte(answer)
	srv := &http.Server{Addr: *addr, ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, io.LimitReader(r.Body, 16<<10))
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(body)
	})}
	fmt.Println("floor: serving on", *addr)
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}
