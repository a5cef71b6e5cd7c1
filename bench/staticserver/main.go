// Command staticserver serves a directory over HTTP with the standard
// library's file server: the reference bench/site.sh compares grip's
// website against (the same pages saved to disk, served as files).
package main

import (
	"flag"
	"log"
	"net/http"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8282", "address to listen on (loopback)")
	dir := flag.String("dir", ".", "directory to serve")
	flag.Parse()
	log.Fatal(http.ListenAndServe(*addr, http.FileServer(http.Dir(*dir))))
}
