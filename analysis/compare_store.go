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
// figures of each code of the taakveld group for both bases of the year
// (begroting and jaarrekening), one indexed query per code.
func CompareStore(ctx context.Context, src Iv3Source, q CompareQuery, tv grip.TaakveldCatalog) (*Comparison, error) {
	if q.Basis == "" {
		q.Basis = grip.Iv3Begroting
	}
	other := grip.Iv3Jaarrekening
	if q.Basis == grip.Iv3Jaarrekening {
		other = grip.Iv3Begroting
	}
	group := TaakveldGroup(tv, q.Year, q.Taakveld)
	var rows, otherRows []grip.Iv3Row
	for _, t := range group {
		// Both bases of the year in one query.
		r, err := src.Iv3Figures(ctx, grip.Iv3Query{Year: q.Year, Taakveld: t.Code})
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
