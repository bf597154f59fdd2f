package participation

import "fmt"

// This file holds the one implementation behind every enum of the package:
// each enum is a typed int from iota+1 (so the zero value is invalid) with a
// table of lowercase names indexed by value, and its String, MarshalText,
// UnmarshalText, ParseX and IsValid methods delegate here.

// enumValid reports whether v indexes a name in names (index 0 is unused).
func enumValid[T ~int](v T, names []string) bool {
	return v > 0 && int(v) < len(names)
}

// enumString returns v's name, or "Type(n)" for an undeclared value.
func enumString[T ~int](v T, typ string, names []string) string {
	if !enumValid(v, names) {
		return fmt.Sprintf("%s(%d)", typ, int(v))
	}
	return names[v]
}

// enumMarshal returns v's name, or an error wrapping ErrInvalidValue for an
// undeclared value.
func enumMarshal[T ~int](v T, typ string, names []string) ([]byte, error) {
	if !enumValid(v, names) {
		return nil, fmt.Errorf("%w: %s(%d)", ErrInvalidValue, typ, int(v))
	}
	return []byte(names[v]), nil
}

// enumParse returns the value named s, or an error wrapping ErrInvalidValue
// that quotes s.
func enumParse[T ~int](s, typ string, names []string) (T, error) {
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return T(i), nil
		}
	}
	return 0, fmt.Errorf("%w: %s %q", ErrInvalidValue, typ, s)
}

// enumUnmarshal parses text into *v, leaving *v unchanged on error.
func enumUnmarshal[T ~int](v *T, text []byte, typ string, names []string) error {
	got, err := enumParse[T](string(text), typ, names)
	if err != nil {
		return err
	}
	*v = got
	return nil
}

// enumValues returns every declared value in order.
func enumValues[T ~int](names []string) []T {
	out := make([]T, 0, len(names)-1)
	for i := 1; i < len(names); i++ {
		out = append(out, T(i))
	}
	return out
}
