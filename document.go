package grip

import "fmt"

// DocumentKind is the kind of document in the P&C cycle.
type DocumentKind string

// The documents of the yearly cycle, in their order.
const (
	KindKadernota    DocumentKind = "kadernota"
	KindBegroting    DocumentKind = "begroting"
	KindTussentijds  DocumentKind = "tussentijdse-rapportage"
	KindJaarverslag  DocumentKind = "jaarverslag"
	KindJaarrekening DocumentKind = "jaarrekening"
)

// DocumentKinds lists the kinds in the order of the cycle.
func DocumentKinds() []DocumentKind {
	return []DocumentKind{KindKadernota, KindBegroting, KindTussentijds, KindJaarverslag, KindJaarrekening}
}

// Label is the Dutch name of the kind, as a reader would write it.
func (k DocumentKind) Label() string {
	switch k {
	case KindKadernota:
		return "Kadernota"
	case KindBegroting:
		return "Programmabegroting"
	case KindTussentijds:
		return "Tussentijdse rapportage"
	case KindJaarverslag:
		return "Jaarverslag"
	case KindJaarrekening:
		return "Jaarrekening"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k DocumentKind) Valid() bool {
	for _, v := range DocumentKinds() {
		if k == v {
			return true
		}
	}
	return false
}

// DocumentStatus is where a document is in its own life.
type DocumentStatus string

// Document statuses. After adoption (vastgesteld) a document is fixed.
const (
	StatusConcept     DocumentStatus = "concept"
	StatusAangeboden  DocumentStatus = "aangeboden"
	StatusVastgesteld DocumentStatus = "vastgesteld"
)

// Valid reports whether s is a known status (empty counts as concept).
func (s DocumentStatus) Valid() bool {
	switch s {
	case "", StatusConcept, StatusAangeboden, StatusVastgesteld:
		return true
	}
	return false
}

// Document is one published document of one organisation: its kind and year
// identify it within the organisation (importing it again replaces it).
type Document struct {
	// ID is assigned by the store; it is not part of the exchange format.
	ID           int64          `json:"-"`
	Organisation string         `json:"organisation"`
	Kind         DocumentKind   `json:"kind"`
	Year         int            `json:"year"`
	Title        string         `json:"title"`
	Status       DocumentStatus `json:"status,omitempty"`
	// Dates as YYYY-MM-DD, empty when unknown.
	PublishedOn string `json:"published_on,omitempty"`
	AdoptedOn   string `json:"adopted_on,omitempty"`
	// Iv3Year is the boekjaar whose taakveld list the finance lines use;
	// zero means Year.
	Iv3Year int `json:"iv3_year,omitempty"`
	// Source says where the document came from when it was imported.
	Source     *Source     `json:"source,omitempty"`
	Programmes []Programme `json:"programmes"`
}

// Slug is the URL name of the document within its organisation: "kadernota-2020".
func (d *Document) Slug() string { return fmt.Sprintf("%s-%d", d.Kind, d.Year) }

// TaakveldYear is the boekjaar of the Iv3 list the document's codes belong to.
func (d *Document) TaakveldYear() int {
	if d.Iv3Year != 0 {
		return d.Iv3Year
	}
	return d.Year
}

// Source records the file a document was imported from.
type Source struct {
	FileName string `json:"file_name"`
	SHA256   string `json:"sha256,omitempty"`
	Format   string `json:"format,omitempty"` // text, html, docx, json
	// Notes are what the importer could not place or had to guess.
	Notes []SourceNote `json:"notes,omitempty"`
}

// SourceNote is one remark of the importer about a passage of the source.
type SourceNote struct {
	Line     int      `json:"line,omitempty"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Text     string   `json:"text,omitempty"`
}

// Severity grades findings of importers and checks.
type Severity string

// Severities, from harmless to blocking.
const (
	SeverityInfo    Severity = "info"
	SeverityWarning Severity = "warning"
	SeverityError   Severity = "error"
)

// Section is a titled text of a programme or goal, such as "Inleiding",
// "Inhoudelijk perspectief", "Beoogd maatschappelijk effect", IST or SOLL.
type Section struct {
	Kind    SectionKind `json:"kind"`
	Heading string      `json:"heading,omitempty"`
	Body    string      `json:"body"`
	Line    int         `json:"line,omitempty"`
}

// SectionKind says what a text answers.
type SectionKind string

// Section kinds. Other gemeenten' headings map onto these.
const (
	SectionIntro       SectionKind = "inleiding"
	SectionPerspective SectionKind = "inhoudelijk-perspectief"
	SectionEffect      SectionKind = "maatschappelijk-effect" // beoogd maatschappelijk effect
	SectionAchieve     SectionKind = "wat-willen-we-bereiken"
	SectionDo          SectionKind = "wat-gaan-we-doen"
	SectionCost        SectionKind = "wat-mag-het-kosten"
	SectionAchieved    SectionKind = "wat-hebben-we-bereikt"
	SectionDone        SectionKind = "wat-hebben-we-gedaan"
	SectionCostActual  SectionKind = "wat-heeft-het-gekost"
	SectionIST         SectionKind = "ist"
	SectionSOLL        SectionKind = "soll"
	SectionTrends      SectionKind = "trends-en-ontwikkelingen"
	SectionConclusion  SectionKind = "conclusie"
	SectionOther       SectionKind = "overig"
)

// Programme is one programme of a document ("Programma 6 Sociaal domein"),
// holding its goal tree and everything linked to it.
type Programme struct {
	ID     int64  `json:"-"`
	Key    string `json:"key"`
	Number string `json:"number,omitempty"`
	Title  string `json:"title"`
	// PortfolioHolders are the wethouders (portefeuillehouders).
	PortfolioHolders []string `json:"portfolio_holders,omitempty"`
	// Sectors are the sectors of the organisation involved ("Betrokken
	// sector(en)": "Sociaal").
	Sectors []string `json:"sectors,omitempty"`
	// OfficialContacts are the civil servants to contact ("Aanspreekpunt
	// ambtelijk").
	OfficialContacts []string `json:"official_contacts,omitempty"`
	// MainObjective is the hoofddoelstelling.
	MainObjective string `json:"main_objective,omitempty"`
	// Principles are the uitgangspunten.
	Principles []string `json:"principles,omitempty"`
	// PolicyNotes are the relevant beleidsnota's.
	PolicyNotes []string `json:"policy_notes,omitempty"`
	// Partners are the verbonden partijen.
	Partners []Partner `json:"partners,omitempty"`
	Sections []Section `json:"sections,omitempty"`
	// Goals are the roots of the goal tree (themes: doelenboom, ambitie, speerpunt).
	Goals         []Goal          `json:"goals,omitempty"`
	Activities    []Activity      `json:"activities,omitempty"`
	Proposals     []Proposal      `json:"proposals,omitempty"`
	Developments  []Development   `json:"developments,omitempty"`
	Indicators    []Indicator     `json:"indicators,omitempty"`
	FinanceLines  []FinanceLine   `json:"finance_lines,omitempty"`
	VarianceLines []VarianceLine  `json:"variance_lines,omitempty"`
	Progress      []ProgressEntry `json:"progress,omitempty"`
	Reserves      []Reserve       `json:"reserves,omitempty"`
	// Totals are the totals the document prints for its finance lines
	// (optional; checks compare them with the lines).
	Totals []PrintedTotal `json:"totals,omitempty"`
}

// Slug is the URL name of the programme: "sociaal-domein".
func (p *Programme) Slug() string { return Slugify(p.Title) }

// Partner is a verbonden partij (a body the gemeente takes part in).
type Partner struct {
	Name string `json:"name"`
	Text string `json:"text,omitempty"`
}
