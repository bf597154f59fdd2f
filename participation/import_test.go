package participation_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civitas-go/civitas/participation"
	"github.com/civitas-go/civitas/stakeholder"
)

func TestImport(t *testing.T) {
	in := openInitiative(t, 4)
	require.NoError(t, in.Sign(id(1), adult, participation.SigningMethodOnline, at(2)))
	young := stakeholder.Profile{AgeBand: stakeholder.AgeBandUnder16, Resident: true}
	rows := []participation.OfflineSignature{
		{Person: id(2), Profile: adult, At: at(3)},   // row 1: accepted
		{Person: id(1), Profile: adult, At: at(3)},   // row 2: signed online already
		{Person: id(3), Profile: young, At: at(3)},   // row 3: under 16
		{Person: id(4), Profile: adult, At: at(200)}, // row 4: after the window
		{Person: id(2), Profile: adult, At: at(4)},   // row 5: twice in the batch
		{Person: id(5), Profile: adult, At: at(4)},   // row 6: accepted
	}
	rep := in.Import(rows)

	assert.Equal(t, 6, rep.Rows)
	assert.Equal(t, 2, rep.Accepted)
	require.Len(t, rep.Rejected, 4)
	assert.Equal(t, rep.Rows, rep.Accepted+len(rep.Rejected))
	want := []struct {
		row    int
		person uuid.UUID
		err    error
	}{{2, id(1), participation.ErrAlreadySigned}, {3, id(3), participation.ErrTooYoung}, {4, id(4), participation.ErrOutsideWindow}, {5, id(2), participation.ErrAlreadySigned}}
	for i, w := range want {
		assert.Equal(t, w.row, rep.Rejected[i].Row)
		assert.Equal(t, w.person, rep.Rejected[i].Person)
		require.ErrorIs(t, rep.Rejected[i], w.err)
		assert.Contains(t, rep.Rejected[i].Error(), "row ")
	}
	assert.Equal(t, 3, in.Count())
	s, ok := in.Signed(id(5))
	require.True(t, ok)
	assert.Equal(t, participation.SigningMethodOffline, s.Channel)
	assert.Equal(t, 75, in.Milestone(), "3 of 4 supports")
}

func TestImportNotAccepted(t *testing.T) {
	in := newInitiative(t, 0)
	r := rules(4)
	r.Channels = []participation.SigningMethod{participation.SigningMethodOnline}
	require.NoError(t, in.SetRules(r))
	require.NoError(t, in.Open(at(1)))
	rep := in.Import([]participation.OfflineSignature{{Person: id(1), Profile: adult, At: at(2)}, {Person: id(2), Profile: adult, At: at(2)}})
	assert.Equal(t, 0, rep.Accepted)
	require.Len(t, rep.Rejected, 2)
	for _, r := range rep.Rejected {
		require.ErrorIs(t, r, participation.ErrChannelNotAccepted)
	}
}

const sheetHeader = "person,signed_at,age_band,sex,area,resident\n"

func TestImportCSV(t *testing.T) {
	in := openInitiative(t, 10)
	sheet := sheetHeader +
		"00000000-0000-0000-0000-000000000001,2025-05-01T12:00:00Z,25-34,f,north,true\n" + // 1 accepted
		"00000000-0000-0000-0000-000000000002,2025-05-01T12:00:00+02:00,,,,false\n" + // 2 unknown age: too young for 16+
		"not-a-uuid,2025-05-01T12:00:00Z,25-34,f,north,true\n" + // 3 bad ID
		"00000000-0000-0000-0000-000000000003,yesterday,25-34,f,north,true\n" + // 4 bad time
		"00000000-0000-0000-0000-000000000004,2025-05-01T12:00:00Z,25to34,f,north,true\n" + // 5 bad band
		"00000000-0000-0000-0000-000000000005,2025-05-01T12:00:00Z,25-34,f,north,maybe\n" + // 6 bad residency
		"00000000-0000-0000-0000-000000000006,2025-05-01T12:00:00Z,25-34\n" + // 7 short row
		"00000000-0000-0000-0000-000000000007,2025-05-01T12:00:00Z,25-34,f, north,true\n" + // 8 padded area
		"00000000-0000-0000-0000-000000000008,2025-05-01T12:00:00Z,25-34,\"f\"x,north,true\n" + // 9 bad quote
		"\"00000000-0000-0000-0000-000000000009\",2025-05-01T12:00:00.5Z,75+,\"m\",\"north\",TRUE\n" + // 10 accepted
		"00000000-0000-0000-0000-000000000001,2025-05-01T13:00:00Z,25-34,f,north,true\n" // 11 duplicate
	rep, err := in.ImportCSV(strings.NewReader(sheet))
	require.NoError(t, err)

	assert.Equal(t, 11, rep.Rows)
	assert.Equal(t, 2, rep.Accepted)
	// Sheet rows: the header is row 1, data row k is row k+1.
	wantRows := map[int]error{
		3: participation.ErrAgeUnknown, 4: participation.ErrMalformedRow, 5: participation.ErrMalformedRow,
		6: participation.ErrMalformedRow, 7: participation.ErrMalformedRow, 8: participation.ErrMalformedRow,
		9: participation.ErrMalformedRow, 10: participation.ErrMalformedRow, 12: participation.ErrAlreadySigned,
	}
	require.Len(t, rep.Rejected, len(wantRows))
	for _, r := range rep.Rejected {
		require.ErrorIs(t, r, wantRows[r.Row], "row %d", r.Row)
	}
	assert.Equal(t, id(4), rep.Rejected[3].Person, "a row read as far as its ID names it")
	assert.Equal(t, uuid.Nil, rep.Rejected[1].Person, "a row with a bad ID names no one")
	s, ok := in.Signed(id(9))
	require.True(t, ok)
	assert.Equal(t, stakeholder.Profile{AgeBand: stakeholder.AgeBand75Plus, Sex: "m", Area: "north", Resident: true}, s.Profile)
	assert.Equal(t, time.Date(2025, 5, 1, 12, 0, 0, 5e8, time.UTC), s.At)
}

func TestImportCSVHeader(t *testing.T) {
	for name, sheet := range map[string]string{
		"empty":         "",
		"wrong columns": "id,when\n",
		"bad quoting":   "\"person,signed_at\n",
	} {
		t.Run(name, func(t *testing.T) {
			in := openInitiative(t, 10)
			rep, err := in.ImportCSV(strings.NewReader(sheet))
			require.ErrorIs(t, err, participation.ErrHeader)
			assert.Equal(t, participation.ImportReport{}, rep)
		})
	}
	assert.Equal(t, strings.TrimSpace(sheetHeader), strings.Join(participation.SheetHeader(), ","))
}

// failingReader returns its data, then an I/O error.
type failingReader struct{ data string }

var errDisk = errors.New("disk on fire")

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, errDisk
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestImportCSVReadError(t *testing.T) {
	in := openInitiative(t, 10)
	_, err := in.ImportCSV(&failingReader{})
	require.ErrorIs(t, err, errDisk)

	sheet := sheetHeader + "00000000-0000-0000-0000-000000000001,2025-05-01T12:00:00Z,25-34,f,north,true\n"
	rep, err := in.ImportCSV(&failingReader{data: sheet})
	require.ErrorIs(t, err, errDisk)
	assert.Equal(t, 1, rep.Rows)
	assert.Equal(t, 1, rep.Accepted)
}

// FuzzImportCSV: whatever the sheet, importing never panics and accounts
// for every row: accepted + rejected = rows, the count grows by the number
// accepted, and rejected rows are numbered in increasing order.
func FuzzImportCSV(f *testing.F) {
	f.Add(sheetHeader + "00000000-0000-0000-0000-000000000001,2025-05-01T12:00:00Z,25-34,f,north,true\n")
	f.Add(sheetHeader + "00000000-0000-0000-0000-000000000001,2025-05-01T12:00:00Z,25-34,f,north,true\n00000000-0000-0000-0000-000000000001,2025-05-01T12:00:00Z,,,,false\n")
	f.Add(sheetHeader + "\"a\nb\",x\n\"unterminated")
	f.Add(sheetHeader + "a,\"b\"c,d\n,,,,,\n")
	f.Add("person\n")
	f.Add("\uFEFFPerson,SIGNED_AT,age band,sex,area,resident\r\n\r\n00000000-0000-0000-0000-000000000001,2025-05-01,,f,north,true\r\n")
	f.Fuzz(func(t *testing.T, sheet string) {
		in := openInitiative(t, 5)
		rep, err := in.ImportCSV(strings.NewReader(sheet))
		if err != nil {
			require.ErrorIs(t, err, participation.ErrHeader)
			require.Zero(t, in.Count())
			return
		}
		require.Equal(t, rep.Rows, rep.Accepted+len(rep.Rejected))
		require.Equal(t, rep.Accepted, in.Count())
		for i, r := range rep.Rejected {
			require.Error(t, r.Err)
			require.GreaterOrEqual(t, r.Row, 2, "the header is row 1")
			if i > 0 {
				require.Greater(t, r.Row, rep.Rejected[i-1].Row)
			}
		}
	})
}

// FuzzImport: a batch built from arbitrary bytes (9 bytes a row: person,
// age band, sex, area, residency, hour) never panics and loses no row.
func FuzzImport(f *testing.F) {
	f.Add([]byte{1, 4, 0, 0, 1, 5, 0, 0, 0, 1, 4, 0, 0, 1, 5, 0, 0, 0})
	f.Add([]byte{0, 200, 1, 2, 0, 255, 255, 255, 255})
	f.Fuzz(func(t *testing.T, data []byte) {
		in := openInitiative(t, 5)
		areas := []string{"", "north", " padded", "south"}
		var rows []participation.OfflineSignature
		for len(data) >= 9 {
			r := data[:9]
			data = data[9:]
			rows = append(rows, participation.OfflineSignature{
				Person: id(uint64(r[0] % 8)),
				Profile: stakeholder.Profile{
					AgeBand: stakeholder.AgeBand(int(r[1]%12) - 1), Sex: string(rune('a' + r[2]%3)),
					Area: areas[r[3]%4], Resident: r[4]%2 == 0,
				},
				At: day0.Add(time.Duration(int16(uint16(r[5])<<8|uint16(r[6]))) * time.Hour).Add(time.Duration(r[7]) * time.Minute),
			})
		}
		rep := in.Import(rows)
		require.Equal(t, len(rows), rep.Rows)
		require.Equal(t, rep.Rows, rep.Accepted+len(rep.Rejected))
		require.Equal(t, rep.Accepted, in.Count())
	})
}
