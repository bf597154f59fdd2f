package participation

// Misuse is the panic message of an Initiative used without its mutex.
const Misuse = misuse

// HoldWrite takes in's in-use guard as a change would, until release is
// called: a test hook that makes an overlapping call deterministic.
func HoldWrite(in *Initiative) (release func()) {
	in.use.BeginWrite(misuse)
	return in.use.EndWrite
}

// HoldGroup takes g's in-use guard as a change would, until release is
// called.
func HoldGroup(g *Group) (release func()) {
	g.use.BeginWrite(misuseGroup)
	return g.use.EndWrite
}

// MisuseGroup is the panic message of a Group used without its mutex.
const MisuseGroup = misuseGroup
