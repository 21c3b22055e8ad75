package ui

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var staticFS embed.FS

// assets are the embedded static files, each served under a name holding
// a hash of its content ("app.css" as "/static/app.1a2b3c4d5e6f.css"), so
// browsers may keep them for good: a changed file gets a new URL.
type assets struct {
	byName map[string]*asset // "app.css" -> the asset
	byURL  map[string]*asset // "app.1a2b3c4d5e6f.css" -> the asset
}

type asset struct {
	url   string // "/static/app.1a2b3c4d5e6f.css"
	ctype string
	data  []byte
	gz    []byte // gzipped, when that is smaller
}

func loadAssets() (*assets, error) {
	as := &assets{byName: map[string]*asset{}, byURL: map[string]*asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:6]) + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "text/plain; charset=utf-8"
		}
		a := &asset{url: "/static/" + hashed, ctype: ctype, data: data}
		if strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") || strings.Contains(ctype, "json") || strings.Contains(ctype, "svg") {
			var b bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
			zw.Write(data)
			zw.Close()
			if b.Len() < len(data) {
				a.gz = b.Bytes()
			}
		}
		as.byName[name] = a
		as.byURL[hashed] = a
		return nil
	})
	return as, err
}

// url is the fingerprinted URL of a static file; templates call it, and a
// name that is not embedded fails the render.
func (as *assets) url(name string) (string, error) {
	a, ok := as.byName[name]
	if !ok {
		return "", &missingAssetError{name}
	}
	return a.url, nil
}

type missingAssetError struct{ name string }

func (e *missingAssetError) Error() string { return "no static file " + e.name }

// serve answers /static/{file}: only fingerprinted names, cached for a year.
func (as *assets) serve(w http.ResponseWriter, r *http.Request) {
	a, ok := as.byURL[r.PathValue("file")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Vary", "Accept-Encoding")
	body := a.data
	if a.gz != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = a.gz
	}
	w.Write(body)
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}
