package engagement

import "fmt"

// The package's enumerations are typed ints that start at 1, so that the zero
// value is invalid, with a table of lowercase names indexed by value (index 0
// unused). The helpers below give each of them the same String, IsValid,
// MarshalText, UnmarshalText and Parse behaviour. The tables are package-level
// arrays that nothing ever writes.

// enumValid reports whether v indexes a name in names.
func enumValid[E ~int](v E, names []string) bool {
	return v > 0 && int(v) < len(names)
}

// enumString returns v's name, or "Type(n)" for an undeclared value.
func enumString[E ~int](v E, names []string, typ string) string {
	if !enumValid(v, names) {
		return fmt.Sprintf("%s(%d)", typ, int(v))
	}
	return names[v]
}

// enumMarshal returns v's name, or an error wrapping ErrInvalid for an
// undeclared value.
func enumMarshal[E ~int](v E, names []string, typ string) ([]byte, error) {
	if !enumValid(v, names) {
		return nil, fieldErr(typ, fmt.Sprint(int(v)), ErrInvalid)
	}
	return []byte(names[v]), nil
}

// enumParse returns the value named s, or an error wrapping ErrInvalid that
// quotes s.
func enumParse[E ~int](s string, names []string, typ string) (E, error) {
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return E(i), nil
		}
	}
	return 0, fieldErr(typ, s, ErrInvalid)
}

// enumUnmarshal parses text into *v, leaving *v unchanged on error.
func enumUnmarshal[E ~int](v *E, text []byte, names []string, typ string) error {
	x, err := enumParse[E](string(text), names, typ)
	if err != nil {
		return err
	}
	*v = x
	return nil
}
