package analysis

import (
	"context"

	"grip"
)

// Iv3Source is the part of grip.Store that comparisons read.
type Iv3Source interface {
	Iv3Figures(ctx context.Context, q grip.Iv3Query) ([]grip.Iv3Row, error)
}

// CompareStore runs Compare on the stored national figures: it reads the
// figures of all codes of the taakveld group for both bases of the year
// (begroting and jaarrekening) in one indexed query. A taakveld code that
// no year's list knows is the caller's mistake (EInvalid, see
// CheckTaakveldCode).
func CompareStore(ctx context.Context, src Iv3Source, q CompareQuery, tv grip.TaakveldCatalog) (*Comparison, error) {
	if q.Basis == "" {
		q.Basis = grip.Iv3Begroting
	}
	other := grip.Iv3Jaarrekening
	if q.Basis == grip.Iv3Jaarrekening {
		other = grip.Iv3Begroting
	}
	if err := CheckTaakveldCode(tv, q.Taakveld, q.Year); err != nil {
		return nil, err
	}
	group := TaakveldGroup(tv, q.Year, q.Taakveld)
	var rows, otherRows []grip.Iv3Row
	if len(group) > 0 {
		codes := make([]string, len(group))
		for i, t := range group {
			codes[i] = t.Code
		}
		r, err := src.Iv3Figures(ctx, grip.Iv3Query{Year: q.Year, Taakvelden: codes})
		if err != nil {
			return nil, err
		}
		for _, row := range r {
			switch row.Basis {
			case q.Basis:
				rows = append(rows, row)
			case other:
				otherRows = append(otherRows, row)
			}
		}
	}
	if len(group) > 0 && len(rows) == 0 {
		return nil, grip.Errorf(grip.ENotFound, "er zijn geen landelijke cijfers van de %s %d opgeslagen; lees ze in met grip iv3 import", q.Basis, q.Year)
	}
	return Compare(q, rows, otherRows, tv)
}
