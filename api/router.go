package api

import (
	"net/http"
	"reflect"
	"strings"

	"grip/httpx"
)

// handlerFunc is an API handler: it writes a response or returns an error,
// which one adapter (httpx.Handle) turns into a JSON problem.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// operation documents one route in the OpenAPI description. The description
// is generated from the registered routes, so a route cannot be served
// without being documented.
type operation struct {
	// ID is the OpenAPI operationId, lowerCamelCase ("getDocument").
	ID string
	// Tag groups operations in the description ("organisaties", "analyses").
	Tag string
	// Summary is one Dutch line; Description may say more.
	Summary     string
	Description string
	// Response is a value of the type written on success (status 200); its
	// JSON schema is generated from the Go type with reflection.
	Response any
	// Query lists the query parameters the route reads.
	Query []param
}

// param documents a query parameter.
type param struct {
	Name        string
	Description string
	// Type is the JSON schema type: "string" or "integer".
	Type string
	// Enum lists the allowed values, if any.
	Enum []string
}

// route is a registered route: its method, pattern and documentation.
type route struct {
	Method  string
	Pattern string // path pattern as http.ServeMux reads it, with {wildcards}
	Op      operation
	resp    reflect.Type
}

// router registers API routes on a ServeMux and remembers them for the
// OpenAPI description and for 405 answers. It is filled once in New and only
// read afterwards.
type router struct {
	mux     *http.ServeMux
	srv     *server
	routes  []route
	methods map[string][]string // pattern -> methods registered on it
}

func newRouter(s *server) *router {
	return &router{mux: http.NewServeMux(), srv: s, methods: map[string][]string{}}
}

// get registers a read-only route. pattern is the full path below the
// server root, e.g. "/api/v1/organisations/{org}/checks". GET routes also
// answer HEAD.
func (rt *router) get(pattern string, h handlerFunc, op operation) {
	rt.handle(http.MethodGet, pattern, h, op)
}

// handle registers a route for one method. Other methods on the same path
// get 405 with an Allow header and a JSON body.
func (rt *router) handle(method, pattern string, h handlerFunc, op operation) {
	if !strings.HasPrefix(pattern, "/api/v1/") {
		panic("api: route outside /api/v1/: " + pattern) // a programming error, found at start-up by every test
	}
	var t reflect.Type
	if op.Response != nil {
		t = reflect.TypeOf(op.Response)
	}
	rt.routes = append(rt.routes, route{Method: method, Pattern: pattern, Op: op, resp: t})
	if _, seen := rt.methods[pattern]; !seen {
		rt.mux.Handle(pattern, rt.notAllowed(pattern))
	}
	rt.methods[pattern] = append(rt.methods[pattern], method)
	if method == http.MethodGet {
		rt.methods[pattern] = append(rt.methods[pattern], http.MethodHead)
	}
	rt.mux.Handle(method+" "+pattern, httpx.Handle(rt.srv.log, httpx.HandlerFunc(h)))
}

// notAllowed answers a method that has no route on pattern.
func (rt *router) notAllowed(pattern string) http.Handler {
	return httpx.Handle(rt.srv.log, func(w http.ResponseWriter, r *http.Request) error {
		allowed := strings.Join(rt.methods[pattern], ", ")
		w.Header().Set("Allow", allowed)
		return httpx.MethodNotAllowed(r.Method, allowed)
	})
}
