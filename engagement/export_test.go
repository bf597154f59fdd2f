package engagement

// Misuse is the panic message of a Process used without its mutex.
const Misuse = misuse

// HoldWrite takes p's in-use guard as a change would, until release is
// called: a test hook that makes an overlapping call deterministic.
func HoldWrite(p *Process) (release func()) {
	p.use.BeginWrite(misuse)
	return p.use.EndWrite
}
