package site

import "html/template"

// View data per page. Each page type embeds Base and names its template.

// Link is a labelled URL.
type Link struct {
	Label string
	URL   string
	// Note is a short text after the link ("3 activiteiten").
	Note string
}

// TextBlock is a titled text of the document, split into paragraphs.
type TextBlock struct {
	Heading string
	Paras   []Para
}

// Para is one block of a text: a paragraph, or a list when the document
// printed its lines as "- item" or "• item".
type Para struct {
	Text  string
	Items []string
}

// TreeItem is a node of the goal tree as a nested list of links.
type TreeItem struct {
	Level    string
	Label    string
	URL      string
	Note     string
	Children []TreeItem
}

// MoneyTable is money per taakveld: lasten, baten and saldo per column
// (year and stage), with totals, and the chart of the totals.
type MoneyTable struct {
	Caption string
	Columns []MoneyColumn
	Groups  []MoneyGroup
	Totals  []MoneyRow
	// Chart shows the totals per year, ChartTaakveld lasten and baten per
	// taakveld in the document's year.
	Chart         template.HTML
	ChartTaakveld template.HTML
	// Note explains what the chart leaves out, if anything.
	Note string
}

// MoneyColumn is one year (and stage) of a money table.
type MoneyColumn struct {
	Year  int
	Stage string
}

// MoneyGroup is the rows of one taakveld.
type MoneyGroup struct {
	Code string
	Name string
	Rows []MoneyRow
}

// MoneyRow is lasten, baten or saldo over the columns.
type MoneyRow struct {
	Label string
	Cells []string
}

// ProposalTable is proposals with their money per year; totals count every
// proposal once.
type ProposalTable struct {
	Caption string
	Years   []int
	Rows    []ProposalRow
	Totals  []string
	Chart   template.HTML
}

// ProposalRow is one proposal in a table.
type ProposalRow struct {
	Link
	Recurrence string
	Funding    string
	Cells      []string
}

// DevelopmentView is an ontwikkeling.
type DevelopmentView struct {
	Title string
	Paras []Para
}

// ProgressView is voortgang on a goal or activity.
type ProgressView struct {
	Title  string
	Status string
	Blocks []TextBlock
}

// GoalRef is a goal with the chain above it, for lists of linked goals.
type GoalRef struct {
	Link
	Level string
	Trail string
}

type indexView struct {
	Base
	Organisations []Link
}

func (*indexView) templateName() string { return "index" }

type organisationView struct {
	Base
	Years []YearDocs
	Pages []Link
}

func (*organisationView) templateName() string { return "organisation" }

// YearDocs is the documents of one year.
type YearDocs struct {
	Year int
	Docs []Link
}

type documentView struct {
	Base
	Kind       string
	Year       int
	Status     string
	Published  string
	Adopted    string
	Source     string
	Programmes []ProgrammeSummary
	Pages      []Link
	// Absent names the analyses that have nothing for this document, each
	// with the reason ("Verschillenanalyse: …").
	Absent []string
}

func (*documentView) templateName() string { return "document" }

// ProgrammeSummary is a programme in the document's list.
type ProgrammeSummary struct {
	Link
	Number  string
	Themes  int
	Goals   int
	Acts    int
	Props   int
	Inds    int
	Year    int
	Lasten  string
	Baten   string
	HasYear bool
}

type programmeView struct {
	Base
	Number        string
	Holders       []string
	MainObjective string
	// ObjectiveLead is the hoofddoelstelling's first paragraph and
	// ObjectiveRest the paragraphs and lists after it, as printed.
	ObjectiveLead string
	ObjectiveRest []Para
	Intro         []TextBlock
	QAchieve      string
	QDo           string
	QCost         string
	AchieveTexts  []TextBlock
	Tree          []TreeItem
	Indicators    []Link
	DoTexts       []TextBlock
	Activities    []Link
	Proposals     *ProposalTable
	Developments  []DevelopmentView
	CostTexts     []TextBlock
	Money         *MoneyTable
	Principles    []string
	PolicyNotes   []string
	Partners      []TextBlock
	Other         []TextBlock
}

func (*programmeView) templateName() string { return "programme" }

type goalView struct {
	Base
	Level     string
	Parent    *Link
	Programme Link
	// QAchieve, QDo and QCost are the three W-questions of the document's
	// kind: the goal page answers them as the programme page does.
	QAchieve, QDo, QCost string
	// Sections are the goal's texts about what it wants to achieve; DoTexts
	// and CostTexts its texts under the other two questions.
	Sections     []TextBlock
	DoTexts      []TextBlock
	CostTexts    []TextBlock
	Children     []TreeItem
	ChildLevel   string
	Activities   []Link
	Proposals    *ProposalTable
	Indicators   []Link
	Developments []DevelopmentView
	Progress     []ProgressView
	Money        *MoneyTable
	Subtree      bool
}

func (*goalView) templateName() string { return "goal" }

type activityView struct {
	Base
	Paras     []Para
	Goals     []GoalRef
	Progress  []ProgressView
	Programme Link
}

func (*activityView) templateName() string { return "activity" }

type proposalView struct {
	Base
	Paras      []Para
	Recurrence string
	Funding    string
	Decision   string
	Table      *ProposalTable
	Notes      []string
	Goals      []GoalRef
	Programme  Link
}

func (*proposalView) templateName() string { return "proposal" }

type indicatorView struct {
	Base
	Group     string
	Unit      string
	Source    string
	Mandatory bool
	Direction string
	Chart     template.HTML
	Rows      []MeasurementRow
	Footnotes bool
	Goals     []GoalRef
	Programme Link
}

func (*indicatorView) templateName() string { return "indicator" }

// MeasurementRow is one value of an indicator as the table shows it.
type MeasurementRow struct {
	Year     int
	Kind     string
	Value    string
	AsOf     string
	Footnote string
	Raw      string
}

type searchView struct {
	Base
	Results []SearchResult
	More    int
	Asked   bool
}

func (*searchView) templateName() string { return "search" }

// SearchResult is one hit of a search.
type SearchResult struct {
	Link
	Kind     string
	Document string
	Snippet  string
}

type errorView struct {
	Base
	Message   string
	NotFound  bool
	RequestID string
	Path      string
	Org       *Link
}

func (*errorView) templateName() string { return "error" }
