// Package httpx is grip's shared HTTP plumbing: request ids, the access log,
// panic recovery, security headers, JSON responses and the one place where
// grip's error codes become HTTP statuses. It knows nothing of pages or
// routes; the api and site packages build on it.
package httpx

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"grip"
)

// Status maps a grip error code to its HTTP status. This is the only place
// where that mapping is made; unknown codes are internal errors.
func Status(code string) int {
	switch code {
	case grip.ENotFound:
		return http.StatusNotFound
	case grip.EInvalid:
		return http.StatusBadRequest
	case grip.EConflict:
		return http.StatusConflict
	case grip.EUnauthorized:
		return http.StatusUnauthorized
	case grip.EForbidden:
		return http.StatusForbidden
	}
	return http.StatusInternalServerError
}

// HTTPError is an error whose HTTP status is not one of grip's error codes,
// such as 405 Method Not Allowed. Its message is shown to the client.
type HTTPError struct {
	Status  int
	Code    string // machine-readable, snake_case ("method_not_allowed")
	Message string // Dutch, safe to show
}

// Error returns the message, which is safe to show to the client.
func (e *HTTPError) Error() string { return e.Message }

// MethodNotAllowed is the error for a request whose method has no route on
// its path. The caller sets the Allow header.
func MethodNotAllowed(method, allowed string) *HTTPError {
	return &HTTPError{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed",
		Message: "methode " + method + " is hier niet toegestaan; toegestaan: " + allowed}
}

// Problem is the JSON body of every error response:
//
//	{"error":{"code":"not_found","message":"...","request_id":"..."}}
type Problem struct {
	Error ProblemDetail `json:"error"`
}

// ProblemDetail says what went wrong. Message is Dutch and never holds
// internal details: for internal errors it is "interne fout", and the
// request id leads to the log entry with the details.
type ProblemDetail struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"request_id,omitempty"`
}

// Describe returns the status and the problem to show for err. Errors that
// are neither *grip.Error nor *HTTPError are internal: their text is not shown.
func Describe(r *http.Request, err error) (int, Problem) {
	p := Problem{Error: ProblemDetail{RequestID: RequestID(r.Context())}}
	var he *HTTPError
	if errors.As(err, &he) {
		p.Error.Code, p.Error.Message = he.Code, he.Message
		return he.Status, p
	}
	code := grip.ErrorCode(err)
	p.Error.Code, p.Error.Message = code, grip.ErrorMessage(err)
	status := Status(code)
	if status == http.StatusInternalServerError {
		p.Error.Code, p.Error.Message = grip.EInternal, "interne fout"
	}
	return status, p
}

// WriteError answers err as a JSON problem. Internal errors are logged with
// the request id and their full text; the client sees only "interne fout".
func WriteError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	status, p := Describe(r, err)
	if status >= http.StatusInternalServerError {
		log.ErrorContext(r.Context(), "interne fout", "request_id", p.Error.RequestID,
			"method", r.Method, "path", r.URL.Path, "err", err)
	}
	WriteJSON(w, status, p)
}

// WriteJSON writes v as JSON with the status. The body is encoded before
// anything is written, so an encoding failure still gives a clean 500.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		b = []byte(`{"error":{"code":"internal","message":"interne fout"}}`)
		status = http.StatusInternalServerError
	}
	b = append(b, '\n')
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(b) // the client went away; nothing to do
}

// HandlerFunc is an HTTP handler that returns its error instead of writing it.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Handle adapts h to http.Handler: a returned error is answered by WriteError.
// Handlers must return before writing anything when they fail.
func Handle(log *slog.Logger, h HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			WriteError(w, r, log, err)
		}
	})
}
