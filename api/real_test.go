package api_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"grip"
	"grip/importer"
)

// realDocuments are the three published documents (../importer/testdata,
// see its README for their source), as the importer reads them.
var realDocuments = []string{
	"twenterand-kadernota-2020-sociaal-domein.txt",
	"hengelo-begroting-2019-programma-6-sociaal-domein.txt",
	"hulst-jaarverslag-2021-programma-06-sociaal-domein.txt",
}

// TestRealDocuments serves the three real documents: every entity answers,
// matches the OpenAPI description and carries the imported values, and no
// organisation's URL reaches another's entities.
func TestRealDocuments(t *testing.T) {
	for _, st := range stores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.open(t)
			var docs []*grip.Document
			for _, name := range realDocuments {
				data, err := os.ReadFile(filepath.Join("..", "importer", "testdata", name))
				if err != nil {
					t.Fatal(err)
				}
				res, err := importer.Read(name, data, importer.Options{Taakvelden: catalog(t)})
				if err != nil {
					t.Fatalf("importer.Read(%s): %v", name, err)
				}
				if err := db.Apply(ctx, "test", grip.Batch{Organisations: []grip.Organisation{res.Organisation},
					Documents: []*grip.Document{res.Document}}); err != nil {
					t.Fatalf("Apply %s: %v", name, err)
				}
				docs = append(docs, res.Document)
			}
			srv, _ := apiServer(t, db)
			v := newSpecValidator(t, srv)

			for _, d := range docs {
				base := "/api/v1/organisations/" + d.Organisation
				r := v.check(t, srv, base+"/documents/"+d.Slug())
				var got struct {
					Document struct {
						ID         int64       `json:"id"`
						Counts     grip.Counts `json:"counts"`
						Programmes []struct {
							Goals        json.RawMessage `json:"goals"`
							FinanceLines []struct {
								Side   grip.Side `json:"side"`
								Amount int64     `json:"amount"`
							} `json:"finance_lines"`
							Proposals []struct {
								Title   string `json:"title"`
								Amounts []struct {
									Amount int64 `json:"amount"`
								} `json:"amounts"`
							} `json:"proposals"`
						} `json:"programmes"`
					} `json:"document"`
				}
				r.decode(t, &got)
				if got.Document.ID != d.ID || got.Document.Counts != d.Counts() {
					t.Errorf("%s: id %d counts %+v, want %d %+v", d.Slug(), got.Document.ID, got.Document.Counts, d.ID, d.Counts())
				}
				// Money and titles as imported.
				var saldo, proposals, wantProposals grip.Cents
				var titles, wantTitles []string
				for i, p := range got.Document.Programmes {
					for _, l := range p.FinanceLines {
						saldo += grip.FinanceLine{Side: l.Side, Amount: grip.Cents(l.Amount)}.Net()
					}
					for _, x := range p.Proposals {
						titles = append(titles, x.Title)
						for _, a := range x.Amounts {
							proposals += grip.Cents(a.Amount)
						}
					}
					dp := d.Programmes[i]
					if want := grip.Saldo(dp.FinanceLines); saldo != want {
						t.Errorf("%s: saldo of the finance lines %s, imported %s", d.Slug(), saldo, want)
					}
					for _, x := range dp.Proposals {
						wantTitles = append(wantTitles, x.Title)
					}
					for _, total := range grip.ProposalTotals(dp.Proposals) {
						wantProposals += total
					}
					var tree []goalNode
					if err := json.Unmarshal(p.Goals, &tree); err != nil {
						t.Fatal(err)
					}
					var gotGoals, wantGoals []string
					walkNodes(tree, func(n goalNode) { gotGoals = append(gotGoals, n.Key+" "+n.Title) })
					grip.WalkGoals(dp.Goals, func(g *grip.Goal, _ int, _ []*grip.Goal) bool {
						wantGoals = append(wantGoals, g.Key+" "+g.Title)
						return true
					})
					if strings.Join(gotGoals, "|") != strings.Join(wantGoals, "|") {
						t.Errorf("%s: goal tree %q, imported %q", d.Slug(), gotGoals, wantGoals)
					}
				}
				if proposals != wantProposals || strings.Join(titles, "|") != strings.Join(wantTitles, "|") {
					t.Errorf("%s: proposals %s %q, imported %s %q", d.Slug(), proposals, titles, wantProposals, wantTitles)
				}
				// Every entity answers and matches the description.
				for _, path := range entityPaths(d.Organisation, d) {
					if r := v.check(t, srv, path); r.status != 200 {
						t.Errorf("%s: %d %s", path, r.status, r.body)
					}
				}
				// No other organisation's URL reaches them.
				for _, other := range docs {
					if other.Organisation == d.Organisation {
						continue
					}
					for _, path := range entityPaths(d.Organisation, d) {
						crossed := strings.Replace(path, "/"+d.Organisation+"/", "/"+other.Organisation+"/", 1)
						if r := get(t, srv, crossed); r.status != 404 {
							t.Errorf("%s reached %s's data: %d %.200s", crossed, d.Organisation, r.status, r.body)
						}
					}
				}
			}
		})
	}
}

// goalNode is a goal of the API's document tree.
type goalNode struct {
	Key      string     `json:"key"`
	Title    string     `json:"title"`
	Children []goalNode `json:"children"`
}

func walkNodes(ns []goalNode, fn func(goalNode)) {
	for _, n := range ns {
		fn(n)
		walkNodes(n.Children, fn)
	}
}
