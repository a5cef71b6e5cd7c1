package grip

import (
	"errors"
	"fmt"
)

// Error codes. Each adapter maps them in exactly one place (HTTP status, exit
// code); the message of an Error is meant for the user and is safe to show.
const (
	ENotFound     = "not_found"
	EInvalid      = "invalid"
	EConflict     = "conflict"
	EUnauthorized = "unauthorized"
	EForbidden    = "forbidden"
	EInternal     = "internal"
)

// Error is grip's error for the user's own mistakes and for known conditions.
// Anything that is not an *Error is treated as internal: logged, never shown.
type Error struct {
	Code    string
	Message string
}

// Error returns the message, which is safe to show to the user.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err: the code of the first *Error in its
// chain, or EInternal.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	}
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the user-facing message of err, or "interne fout" for
// errors that are not *Error (their text may hold internal details).
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "interne fout"
}
