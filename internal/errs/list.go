package errs

import (
	"fmt"
	"strconv"
	"strings"
)

// maxListed bounds how many accepted values OneOf lists.
const maxListed = 8

// OneOf describes a set of accepted values for an error message: `one of
// "north", "south"` (text quoted and clipped, other values as fmt prints
// them), the first eight of a longer list followed by "…", or "any value"
// for an empty list, which accepts everything.
func OneOf[T any](accepted []T) string {
	if len(accepted) == 0 {
		return "any value"
	}
	var b strings.Builder
	b.WriteString("one of ")
	for i, v := range accepted {
		if i == maxListed {
			b.WriteString(", …")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if s, ok := any(v).(string); ok {
			b.WriteString(strconv.Quote(Clip(s)))
		} else {
			fmt.Fprint(&b, v)
		}
	}
	return b.String()
}
