package sortition

// NumClasses returns the number of classes of interchangeable respondents
// of pool under spec.
func NumClasses(pool *Pool, spec Spec) int {
	in, err := newInstance(pool, spec)
	if err != nil {
		return -1
	}
	return len(in.classes)
}
