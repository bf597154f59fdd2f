package riverside

import (
	"bytes"
	_ "embed"
	"time"

	"github.com/civitas-go/civitas/engagement"
	"github.com/civitas-go/civitas/engagement/sortition"
	"github.com/civitas-go/civitas/metrics"
	"github.com/google/uuid"
)

// AssemblyPool is the pool of volunteers for the river-front assembly: 200
// people who answered the council's invitation letters, described by sex,
// age, area and education (columns id,household,sex,age,area,education).
// As in every real pool, more of them are older, female and hold a degree
// than the population. examples/assembly reads it as its built-in sample.
//
//go:embed assembly_pool.csv
var AssemblyPool []byte

// AssemblyQuotas are the assembly's quotas for 20 seats, around the
// population's shares (columns feature,value,min,max).
//
//go:embed assembly_quotas.csv
var AssemblyQuotas []byte

// AssemblyRandomness is the public randomness the council named before
// the draw: the winning numbers of the national lottery of 10 January
// 2026, unknown to anyone when the lottery's panels were published.
const AssemblyRandomness = "2026-01-10 Riverton lottery: 03 11 24 35 42 47"

// AssemblySeats is the number of seats of the assembly.
const AssemblySeats = 20

// assemblyPopulation is Riverside's population aged 16 or over by sex, the
// census figures the panel is compared with.
var assemblyPopulation = []metrics.GroupCount{{Group: "female", Count: 21_140}, {Group: "male", Count: 20_310}}

// assemblyID returns a fixed ID of the assembly.
func assemblyID(n byte) uuid.UUID { return uuid.UUID{0: 0xa5, 15: n} }

// Assembly is the river-front citizens' assembly: the pool, the fair
// distribution over the panels that meet the quotas, the lottery of panels
// published before the draw, the draw, and the engagement process whose
// citizens' assembly activity the selected members are registered for.
type Assembly struct {
	Pool         *sortition.Pool
	Spec         sortition.Spec
	Distribution *sortition.Distribution
	Lottery      *sortition.Lottery
	Draw         sortition.Draw
	Process      *engagement.Process
	// Sessions is the citizens' assembly activity of Process.
	Sessions uuid.UUID
	// BySex compares the panel with the population by sex, as published.
	BySex metrics.Representativeness
}

// NewAssembly selects the assembly by leximin (Flanigan et al., Nature
// 2021), rounds the distribution to a lottery of 1,000 panels, draws one
// with AssemblyRandomness and registers its members for the sessions of
// the council's process.
func NewAssembly() (*Assembly, error) {
	pool, err := sortition.ReadPool(bytes.NewReader(AssemblyPool))
	if err != nil {
		return nil, err
	}
	quotas, err := sortition.ReadQuotas(bytes.NewReader(AssemblyQuotas))
	if err != nil {
		return nil, err
	}
	a := &Assembly{Pool: pool, Spec: sortition.Spec{PanelSize: AssemblySeats, Quotas: quotas}, Sessions: assemblyID(2)}
	if a.Distribution, err = sortition.Fair(pool, a.Spec, sortition.AlgorithmLeximin); err != nil {
		return nil, err
	}
	if a.Lottery, err = a.Distribution.Round(sortition.DefaultLotterySize); err != nil {
		return nil, err
	}
	if a.Draw, err = a.Lottery.Draw(AssemblyRandomness); err != nil {
		return nil, err
	}
	if a.BySex, err = sortition.Representativeness(pool, a.Draw.Panel, "sex",
		metrics.RepresentativenessSpec{Population: assemblyPopulation}); err != nil {
		return nil, err
	}
	authority, err := engagement.NewAuthority(CouncilID(), CouncilName, CouncilID())
	if err != nil {
		return nil, err
	}
	day := func(month time.Month, d int) time.Time { return time.Date(2026, month, d, 10, 0, 0, 0, time.UTC) }
	if a.Process, err = engagement.NewProcess(engagement.ProcessSpec{ID: assemblyID(1), Title: "River-front citizens' assembly",
		Question: "How should Riverside live with the river's floods?", Authority: authority, Level: engagement.LevelCollaborate,
		Rules: engagement.Rules{NoticeDays: 14, ResponseDays: 60, AnswerBeforeDeciding: true}}, day(time.January, 2)); err != nil {
		return nil, err
	}
	return a, run(
		func() error {
			return a.Process.AddActivity(engagement.ActivitySpec{ID: a.Sessions, Title: "Assembly sessions, four weekends",
				Method: engagement.MethodCitizensAssembly, Start: day(time.February, 7), End: day(time.March, 1),
				Place: "Riverside Town Hall", RegistrationRequired: true}, day(time.January, 2))
		},
		func() error { return a.Process.Announce(day(time.January, 3)) },
		func() error {
			return sortition.Register(a.Process, a.Sessions, pool, a.Draw.Panel,
				sortition.ParticipantMap{Namespace: assemblyID(3), Sex: "sex", Area: "area", Resident: true}, day(time.January, 12))
		},
	)
}
