package lp

import (
	"math"
	"math/big"
	"math/bits"
)

// Exact verification of a floating-point basis. The simplex over the
// rationals needs the whole inverse adj/det of the basis, whose
// fraction-free computation costs n³ operations on integers of hundreds of
// bits; proving a basis optimal needs much less: the basic values x_B
// (B·x_B = b − N·x_N) and the duals y (yᵀ·B = c_B), then the signs of the
// reduced costs. Each of those two systems is solved exactly by iterative
// refinement (Wan 2006; the method of the exact LP solvers QSopt_ex and
// SoPlex): the floating-point inverse gives a correction, the residual is
// recomputed exactly in integers, scaled up, and refined again, so that the
// solution is known to as many bits as wanted; the rationals are then read
// back by continued fractions, and checked by multiplying out B·x exactly.
// A solution is only ever accepted when that exact product matches, so a
// failure of the floating-point side costs time (the exact factorisation
// takes over), never a wrong answer.

// Limits of the refinement.
const (
	refineMaxBits  = 1 << 16 // give up past this many bits of precision
	refineMaxSteps = 4000    // or this many refinement steps
	refineFirstTry = 64      // first reconstruction at this many bits
)

// basisSystem is the basis matrix B in sparse integer form, with the
// floating-point inverse of the same basis.
type basisSystem struct {
	n     int
	rows  [][]int32 // per basis position: the rows of the column's entries
	vals  [][]int64 // and their coefficients
	binv  [][]float64
	zBits int // |z| < 2^zBits keeps every product sum B·z within an int64
}

// newBasisSystem returns the system of the floating-point basis, or false
// when a coefficient is too large for the int64 products.
func (m *Model) newBasisSystem() (*basisSystem, bool) {
	fs := m.fl
	n := len(fs.basis)
	bs := &basisSystem{n: n, rows: make([][]int32, n), vals: make([][]int64, n), binv: fs.binv}
	rowNnz := make([]int, n)
	var maxCoef uint64
	maxNnz := 1
	for p, k := range fs.basis {
		for _, e := range m.cols[k].entries {
			if !e.coef.IsInt64() {
				return nil, false
			}
			c := e.coef.Int64()
			bs.rows[p] = append(bs.rows[p], int32(e.row))
			bs.vals[p] = append(bs.vals[p], c)
			if a := uint64(max(c, -c)); a > maxCoef {
				maxCoef = a
			}
			rowNnz[e.row]++
			maxNnz = max(maxNnz, rowNnz[e.row])
		}
		maxNnz = max(maxNnz, len(bs.rows[p]))
	}
	bs.zBits = 62 - bits.Len64(maxCoef) - bits.Len(uint(maxNnz))
	return bs, bs.zBits >= 16
}

// mul sets out = B·z (transposed: out = Bᵀ·z).
func (bs *basisSystem) mul(z, out []int64, transposed bool) {
	clear(out)
	for p := range bs.n {
		rows, vals := bs.rows[p], bs.vals[p]
		if transposed {
			var s int64
			for t, r := range rows {
				s += vals[t] * z[r]
			}
			out[p] = s
			continue
		}
		if z[p] == 0 {
			continue
		}
		for t, r := range rows {
			out[r] += vals[t] * z[p]
		}
	}
}

// mulBig sets out = B·z (transposed: out = Bᵀ·z) in big integers.
func (bs *basisSystem) mulBig(z, out []big.Int, transposed bool) {
	var t big.Int
	for i := range out {
		out[i].SetInt64(0)
	}
	for p := range bs.n {
		for j, r := range bs.rows[p] {
			t.SetInt64(bs.vals[p][j])
			if transposed {
				t.Mul(&t, &z[r])
				out[p].Add(&out[p], &t)
			} else {
				t.Mul(&t, &z[p])
				out[r].Add(&out[r], &t)
			}
		}
	}
}

// solveFloat sets out = B⁻¹·in (transposed: out = B⁻ᵀ·in) in floating
// point.
func (bs *basisSystem) solveFloat(in, out []float64, transposed bool) {
	clear(out)
	for p := range bs.n {
		row := bs.binv[p][:bs.n]
		if transposed {
			if in[p] == 0 {
				continue
			}
			f := in[p]
			for j, x := range row {
				out[j] += f * x
			}
			continue
		}
		s := 0.0
		for j, x := range row {
			s += x * in[j]
		}
		out[p] = s
	}
}

// maxBits returns the largest bit length of the entries of v.
func maxBits(v []big.Int) int {
	b := 0
	for i := range v {
		b = max(b, v[i].BitLen())
	}
	return b
}

// solveExact solves B·x = rhs (transposed: Bᵀ·x = rhs) exactly for an
// integer rhs, by iterative refinement, and returns the solution as
// integer numerators over a positive common denominator, or false when the
// refinement does not converge within its limits.
func (bs *basisSystem) solveExact(rhs []big.Int, transposed bool) ([]big.Int, *big.Int, bool) {
	n := bs.n
	// Invariant: B·acc + res = 2^S·rhs.
	res := make([]big.Int, n)
	for i := range res {
		res[i].Set(&rhs[i])
	}
	acc := make([]big.Int, n)
	S := 0
	sAcc := 40 // bits a step may gain; halved when a step gains nothing
	rf, xf := make([]float64, n), make([]float64, n)
	z, bz := make([]int64, n), make([]int64, n)
	nextTry := refineFirstTry
	var t big.Int
	for range refineMaxSteps {
		rb := maxBits(res)
		if rb == 0 {
			return acc, new(big.Int).Lsh(bigOne, uint(S)), true
		}
		e := max(0, rb-60)
		for i := range res {
			t.Rsh(&res[i], uint(e))
			rf[i] = float64(t.Int64())
		}
		bs.solveFloat(rf, xf, transposed)
		xm := 0.0
		for _, x := range xf {
			xm = max(xm, math.Abs(x))
		}
		if xm == 0 || math.IsNaN(xm) || math.IsInf(xm, 0) {
			return nil, nil, false
		}
		_, xbits := math.Frexp(xm) // xm < 2^xbits
		// acc/2^S is x within about 2^(xbits+e−S).
		prec := S - e - xbits
		if prec > refineMaxBits {
			return nil, nil, false
		}
		if prec >= nextTry {
			if num, den, ok := bs.reconstruct(acc, S, xbits+e+1, prec, rhs, transposed); ok {
				return num, den, true
			}
			nextTry += nextTry / 2
		}
		s := min(sAcc, bs.zBits-xbits)
		for i, x := range xf {
			z[i] = int64(math.Round(math.Ldexp(x, s)))
		}
		bs.mul(z, bz, transposed)
		sigma := s - e
		for i := range res {
			if sigma >= 0 {
				acc[i].Lsh(&acc[i], uint(sigma))
				acc[i].Add(&acc[i], t.SetInt64(z[i]))
				res[i].Lsh(&res[i], uint(sigma))
				res[i].Sub(&res[i], t.SetInt64(bz[i]))
			} else {
				t.SetInt64(z[i])
				acc[i].Add(&acc[i], t.Lsh(&t, uint(-sigma)))
				t.SetInt64(bz[i])
				res[i].Sub(&res[i], t.Lsh(&t, uint(-sigma)))
			}
		}
		if sigma >= 0 {
			S += sigma
		}
		if gain := rb + max(sigma, 0) - maxBits(res); gain < 1 {
			if sAcc /= 2; sAcc < 4 {
				return nil, nil, false
			}
		}
	}
	return nil, nil, false
}

// reconstruct reads the rationals approximated by acc/2^S, each within
// 2^tolBits/2^S, as numerators over one common denominator, by continued
// fractions, and returns them when B·x = rhs holds exactly.
func (bs *basisSystem) reconstruct(acc []big.Int, S, tolBits, prec int, rhs []big.Int, transposed bool) ([]big.Int, *big.Int, bool) {
	n := bs.n
	one := new(big.Int).Lsh(bigOne, uint(S)) // 2^S
	q := big.NewInt(1)
	num := make([]big.Int, n)
	var a, r, d, tol, t1, t2 big.Int
	// tolerance of a numerator a = q·acc_i against r·2^S: q·2^tolBits.
	tolFor := func(k *big.Int) *big.Int {
		tol.Mul(q, k)
		if tolBits >= 0 {
			return tol.Lsh(&tol, uint(tolBits))
		}
		return tol.Rsh(&tol, uint(-tolBits))
	}
	for i := range acc {
		a.Mul(q, &acc[i])
		// Nearest integer r to a/2^S.
		r.Add(&a, t1.Rsh(one, 1))
		r.Rsh(&r, uint(S))
		d.Lsh(&r, uint(S))
		d.Sub(&a, &d)
		if d.CmpAbs(tolFor(bigOne)) <= 0 {
			num[i].Set(&r)
			continue
		}
		k, ok := convergent(&a, one, S, tolFor, prec/2+8)
		if !ok {
			return nil, nil, false
		}
		q.Mul(q, k)
		for j := 0; j < i; j++ {
			num[j].Mul(&num[j], k)
		}
		a.Mul(q, &acc[i])
		r.Add(&a, t2.Rsh(one, 1))
		num[i].Rsh(&r, uint(S))
	}
	// Check B·num = q·rhs exactly.
	out := make([]big.Int, n)
	bs.mulBig(num, out, transposed)
	for i := range out {
		t1.Mul(q, &rhs[i])
		if out[i].Cmp(&t1) != 0 {
			return nil, nil, false
		}
	}
	return num, q, true
}

// convergent returns the denominator k of the first convergent h/k of
// a/2^S with |k·a − h·2^S| ≤ tol(k), and false when it would exceed
// 2^maxBits.
func convergent(a, pow *big.Int, S int, tol func(k *big.Int) *big.Int, maxBits int) (*big.Int, bool) {
	x := new(big.Int).Abs(a)
	y := new(big.Int).Set(pow)
	h0, h1 := big.NewInt(0), big.NewInt(1)
	k0, k1 := big.NewInt(1), big.NewInt(0)
	var qt, rm, t, d big.Int
	for y.Sign() != 0 {
		qt.QuoRem(x, y, &rm)
		x.Set(y)
		y.Set(&rm)
		h := new(big.Int).Mul(&qt, h1)
		h.Add(h, h0)
		k := new(big.Int).Mul(&qt, k1)
		k.Add(k, k0)
		if k.BitLen() > maxBits {
			return nil, false
		}
		d.Mul(k, a)
		t.Lsh(h, uint(S))
		if a.Sign() < 0 {
			d.Add(&d, &t)
		} else {
			d.Sub(&d, &t)
		}
		if d.CmpAbs(tol(k)) <= 0 {
			return k, true
		}
		h0, h1 = h1, h
		k0, k1 = k1, k
	}
	return nil, false
}

// verifyFloat tries to prove the floating-point simplex's final basis
// optimal exactly, and records the exact solution (values, objective,
// duals) when it does. It changes nothing of the exact simplex's state:
// on false, the caller falls back to the exact factorisation.
func (m *Model) verifyFloat() bool {
	fs := m.fl
	if !m.floatRefactorise() {
		return false
	}
	bs, ok := m.newBasisSystem()
	if !ok {
		return false
	}
	n := bs.n
	// The primal: R = rd·(b − N·x_N), an integer vector.
	R := make([]big.Int, n)
	rd := m.scaledRHS(fs.pos, m.floatNonbasic, R)
	X, qx, ok := bs.solveExact(R, false)
	if !ok {
		return false
	}
	den := new(big.Int).Mul(qx, rd)
	// Primal feasibility of the basic values X_p/den.
	var t1, t2 big.Int
	within := func(x *big.Int, den *big.Int, c *column) bool {
		t1.Mul(x, c.lo.Denom())
		t2.Mul(c.lo.Num(), den)
		if t1.Cmp(&t2) < 0 {
			return false
		}
		if c.hi != nil {
			t1.Mul(x, c.hi.Denom())
			t2.Mul(c.hi.Num(), den)
			if t1.Cmp(&t2) > 0 {
				return false
			}
		}
		return true
	}
	for p, k := range fs.basis {
		if !within(&X[p], den, &m.cols[k]) {
			return false
		}
	}
	// The duals: Bᵀ·Y = C, C = cDen·c_B.
	objs := make([]big.Rat, len(m.cols))
	for k := range m.cols {
		objs[k].Set(&m.cols[k].obj)
	}
	cDen := lcmDenoms(objs)
	cInt := make([]big.Int, len(m.cols))
	for k := range m.cols {
		cInt[k].Mul(objs[k].Num(), cDen)
		cInt[k].Quo(&cInt[k], objs[k].Denom())
	}
	C := make([]big.Int, n)
	for p, k := range fs.basis {
		C[p].Set(&cInt[k])
	}
	Y, qy, ok := bs.solveExact(C, true)
	if !ok {
		return false
	}
	// Dual feasibility: reduced cost c_k·qy − Y·a_k of the right sign for
	// every nonbasic column that can move.
	var rc, p big.Int
	for k := range m.cols {
		if fs.pos[k] >= 0 {
			continue
		}
		c := &m.cols[k]
		if c.hi != nil && c.hi.Cmp(&c.lo) == 0 {
			continue
		}
		rc.Mul(&cInt[k], qy)
		for _, e := range c.entries {
			p.Mul(&Y[e.row], &e.coef)
			rc.Sub(&rc, &p)
		}
		if s := rc.Sign(); (s > 0 && !fs.up[k]) || (s < 0 && fs.up[k]) {
			return false
		}
	}
	// Proved: record the solution.
	m.recordValues(fs.pos, func(p int) *big.Rat { return new(big.Rat).SetFrac(&X[p], den) }, m.floatNonbasic)
	m.dualDen.Mul(qy, cDen)
	m.dualNum = Y
	m.duals = make([]big.Rat, n)
	for i := range Y {
		m.duals[i].SetFrac(&Y[i], &m.dualDen)
	}
	m.status = StatusOptimal
	return true
}

// floatNonbasic returns the exact value of nonbasic column k in the
// floating-point basis: its upper bound when it sits there, else its lower.
func (m *Model) floatNonbasic(k int) *big.Rat {
	c := &m.cols[k]
	if m.fl.up[k] && c.hi != nil {
		return c.hi
	}
	return &c.lo
}

// lcmDenoms returns the least common multiple of the denominators of v.
func lcmDenoms(v []big.Rat) *big.Int {
	l := big.NewInt(1)
	var g big.Int
	for i := range v {
		d := v[i].Denom()
		if d.Cmp(bigOne) == 0 {
			continue
		}
		g.GCD(nil, nil, l, d)
		l.Mul(l, d)
		l.Quo(l, &g)
	}
	return l
}
