package api

import (
	"grip"
)

// The API's JSON is written from these view structs, not from the domain
// types: the domain keeps IDs out of its exchange format (json:"-"), and the
// API's shape must stay stable when the domain grows. Field tags `doc` become
// descriptions in the OpenAPI document. Lists are always present ([] when
// empty); optional scalars are left out when empty.

type indexView struct {
	Name          string `json:"name" doc:"naam van de API"`
	Version       string `json:"version" doc:"versie van de API"`
	OpenAPI       string `json:"openapi" doc:"pad van de OpenAPI-beschrijving"`
	Organisations string `json:"organisations" doc:"pad van de lijst van organisaties"`
}

type organisationView struct {
	Code        string       `json:"code" doc:"CBS-code (GM1700) of code van de regio"`
	Name        string       `json:"name"`
	Kind        grip.OrgKind `json:"kind"`
	Slug        string       `json:"slug" doc:"naam in URL's (twenterand)"`
	Province    string       `json:"province,omitempty"`
	Inhabitants int64        `json:"inhabitants,omitempty" doc:"aantal inwoners"`
	SizeClass   string       `json:"size_class,omitempty" doc:"CBS-grootteklasse"`
	Region      string       `json:"region,omitempty" doc:"code van de regio waartoe de gemeente behoort"`
	LevelNames  []string     `json:"level_names" doc:"namen van de niveaus van de doelenboom, van boven af; ontbrekende niveaus heten thema, doel, subdoel"`
	// VarianceThreshold is in cents.
	VarianceThreshold int64 `json:"variance_threshold" doc:"bedrag in eurocent waarboven de raad een toelichting op een afwijking vraagt; 0 = geen drempel"`
}

type organisationList struct {
	Organisations []organisationView `json:"organisations"`
}

type organisationResponse struct {
	Organisation organisationView `json:"organisation"`
}

type countsView struct {
	Themes          int `json:"themes"`
	Goals           int `json:"goals"`
	Subgoals        int `json:"subgoals"`
	Activities      int `json:"activities"`
	ActivityLinks   int `json:"activity_links"`
	Proposals       int `json:"proposals"`
	Developments    int `json:"developments"`
	Indicators      int `json:"indicators"`
	Measurements    int `json:"measurements"`
	FinanceLines    int `json:"finance_lines"`
	VarianceLines   int `json:"variance_lines"`
	ProgressEntries int `json:"progress_entries"`
	Reserves        int `json:"reserves"`
}

type documentSummary struct {
	ID           int64               `json:"id"`
	Organisation string              `json:"organisation" doc:"code van de organisatie"`
	Kind         grip.DocumentKind   `json:"kind"`
	KindLabel    string              `json:"kind_label" doc:"Nederlandse naam van de soort"`
	Year         int                 `json:"year"`
	Slug         string              `json:"slug" doc:"soort-jaar, ook bruikbaar in de URL in plaats van het id (kadernota-2020)"`
	Title        string              `json:"title"`
	Status       grip.DocumentStatus `json:"status,omitempty"`
	Counts       countsView          `json:"counts"`
}

type documentList struct {
	Organisation organisationView  `json:"organisation"`
	Documents    []documentSummary `json:"documents"`
}

// documentRef names the document an entity belongs to.
type documentRef struct {
	ID    int64             `json:"id"`
	Kind  grip.DocumentKind `json:"kind"`
	Year  int               `json:"year"`
	Slug  string            `json:"slug"`
	Title string            `json:"title"`
}

type documentView struct {
	ID           int64               `json:"id"`
	Organisation string              `json:"organisation"`
	Kind         grip.DocumentKind   `json:"kind"`
	KindLabel    string              `json:"kind_label"`
	Year         int                 `json:"year"`
	Slug         string              `json:"slug"`
	Title        string              `json:"title"`
	Status       grip.DocumentStatus `json:"status,omitempty"`
	PublishedOn  string              `json:"published_on,omitempty" doc:"datum van publicatie, JJJJ-MM-DD"`
	AdoptedOn    string              `json:"adopted_on,omitempty" doc:"datum van vaststelling, JJJJ-MM-DD"`
	Iv3Year      int                 `json:"iv3_year" doc:"boekjaar van de Iv3-takenlijst waar de taakvelden bij horen"`
	Source       *sourceView         `json:"source,omitempty"`
	Counts       countsView          `json:"counts"`
	Programmes   []programmeView     `json:"programmes"`
}

type documentResponse struct {
	Document documentView `json:"document"`
}

type sourceView struct {
	FileName string           `json:"file_name"`
	SHA256   string           `json:"sha256,omitempty"`
	Format   string           `json:"format,omitempty"`
	Notes    []sourceNoteView `json:"notes" doc:"wat de importeur niet kon plaatsen of moest raden"`
}

type sourceNoteView struct {
	Line     int           `json:"line,omitempty"`
	Severity grip.Severity `json:"severity"`
	Message  string        `json:"message"`
	Text     string        `json:"text,omitempty"`
}

type sectionView struct {
	Kind    grip.SectionKind `json:"kind"`
	Heading string           `json:"heading,omitempty"`
	Body    string           `json:"body"`
	Line    int              `json:"line,omitempty" doc:"regel in het bronbestand"`
}

type partnerView struct {
	Name string `json:"name"`
	Text string `json:"text,omitempty"`
}

// programmeRef names the programme an entity belongs to.
type programmeRef struct {
	ID     int64  `json:"id"`
	Key    string `json:"key"`
	Number string `json:"number,omitempty"`
	Title  string `json:"title"`
	Slug   string `json:"slug"`
}

type programmeView struct {
	ID               int64              `json:"id"`
	Key              string             `json:"key"`
	Number           string             `json:"number,omitempty"`
	Title            string             `json:"title"`
	Slug             string             `json:"slug"`
	PortfolioHolders []string           `json:"portfolio_holders" doc:"portefeuillehouders (wethouders)"`
	MainObjective    string             `json:"main_objective,omitempty" doc:"hoofddoelstelling"`
	Principles       []string           `json:"principles" doc:"uitgangspunten"`
	PolicyNotes      []string           `json:"policy_notes" doc:"beleidsnota's"`
	Partners         []partnerView      `json:"partners" doc:"verbonden partijen"`
	Sections         []sectionView      `json:"sections"`
	Goals            []goalView         `json:"goals" doc:"de wortels van de doelenboom"`
	Activities       []activityView     `json:"activities"`
	Proposals        []proposalView     `json:"proposals"`
	Developments     []developmentView  `json:"developments"`
	Indicators       []indicatorView    `json:"indicators"`
	FinanceLines     []financeLineView  `json:"finance_lines"`
	VarianceLines    []varianceLineView `json:"variance_lines"`
	Progress         []progressView     `json:"progress"`
	Reserves         []reserveView      `json:"reserves"`
}

type goalView struct {
	ID       int64         `json:"id"`
	Key      string        `json:"key"`
	Title    string        `json:"title"`
	Slug     string        `json:"slug"`
	Depth    int           `json:"depth" doc:"0 voor een thema, 1 voor een doel, 2 en dieper voor subdoelen"`
	Level    string        `json:"level" doc:"naam van het niveau bij deze organisatie (doelenboom, doel, subdoel)"`
	Sections []sectionView `json:"sections"`
	Children []goalView    `json:"children"`
	Line     int           `json:"line,omitempty"`
}

// goalRef names a goal, e.g. one an activity serves.
type goalRef struct {
	ID    int64  `json:"id"`
	Key   string `json:"key"`
	Title string `json:"title"`
	Slug  string `json:"slug"`
	Depth int    `json:"depth"`
	Level string `json:"level"`
}

// entityRef names an entity of a programme by id, key and title.
type entityRef struct {
	ID    int64  `json:"id"`
	Key   string `json:"key"`
	Title string `json:"title"`
}

type activityView struct {
	ID          int64    `json:"id"`
	Key         string   `json:"key"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	GoalKeys    []string `json:"goal_keys" doc:"sleutels van de doelen waar de activiteit aan bijdraagt"`
	Line        int      `json:"line,omitempty"`
}

type developmentView struct {
	ID       int64    `json:"id"`
	Key      string   `json:"key"`
	Title    string   `json:"title"`
	Text     string   `json:"text,omitempty"`
	GoalKeys []string `json:"goal_keys"`
	Line     int      `json:"line,omitempty"`
}

type proposalView struct {
	ID             int64                `json:"id"`
	Key            string               `json:"key"`
	Title          string               `json:"title"`
	Text           string               `json:"text,omitempty"`
	Recurrence     grip.Recurrence      `json:"recurrence,omitempty" doc:"i = incidenteel, s = structureel, i/s = beide"`
	Amounts        []proposalAmountView `json:"amounts"`
	Funding        string               `json:"funding,omitempty" doc:"dekking zoals gedrukt"`
	FundingReserve string               `json:"funding_reserve,omitempty" doc:"sleutel van de reserve die het voorstel dekt"`
	Decision       string               `json:"decision,omitempty" doc:"besluit van de raad"`
	GoalKeys       []string             `json:"goal_keys"`
	Line           int                  `json:"line,omitempty"`
}

type proposalAmountView struct {
	Year        int             `json:"year"`
	Amount      int64           `json:"amount" doc:"bedrag in eurocent"`
	Recurrence  grip.Recurrence `json:"recurrence,omitempty"`
	FromReserve int64           `json:"from_reserve,omitempty" doc:"deel uit de reserve, in eurocent"`
	Note        string          `json:"note,omitempty"`
}

type indicatorView struct {
	ID           int64             `json:"id"`
	Key          string            `json:"key"`
	Name         string            `json:"name"`
	Group        string            `json:"group,omitempty"`
	Unit         grip.Unit         `json:"unit,omitempty"`
	Source       string            `json:"source,omitempty" doc:"bron"`
	Mandatory    bool              `json:"mandatory" doc:"verplichte beleidsindicator (BBV)"`
	Direction    grip.Direction    `json:"direction,omitempty"`
	GoalKeys     []string          `json:"goal_keys"`
	Measurements []measurementView `json:"measurements"`
	Line         int               `json:"line,omitempty"`
}

type measurementView struct {
	Year     int                  `json:"year"`
	Kind     grip.MeasurementKind `json:"kind"`
	Value    *float64             `json:"value,omitempty" doc:"het getal, als de cel er een bevat (47.5 voor 47,5%)"`
	Word     string               `json:"word,omitempty" doc:"het woord, als de cel een woord bevat (gereed, n.n.b.)"`
	Raw      string               `json:"raw,omitempty" doc:"de cel zoals gedrukt"`
	AsOf     string               `json:"as_of,omitempty" doc:"peildatum"`
	Footnote string               `json:"footnote,omitempty"`
	Line     int                  `json:"line,omitempty"`
}

type financeLineView struct {
	ID       int64           `json:"id"`
	Key      string          `json:"key"`
	Taakveld string          `json:"taakveld" doc:"Iv3-taakveldcode van het boekjaar iv3_year van het document"`
	Label    string          `json:"label,omitempty"`
	Side     grip.Side       `json:"side"`
	Stage    grip.MoneyStage `json:"stage"`
	Year     int             `json:"year"`
	Amount   int64           `json:"amount" doc:"bedrag in eurocent; lasten en baten zijn beide positief"`
	GoalKeys []string        `json:"goal_keys"`
	Line     int             `json:"line,omitempty"`
}

type varianceLineView struct {
	ID          int64     `json:"id"`
	Key         string    `json:"key"`
	Title       string    `json:"title"`
	GoalKey     string    `json:"goal_key,omitempty"`
	Taakveld    string    `json:"taakveld,omitempty"`
	Side        grip.Side `json:"side,omitempty"`
	Amount      int64     `json:"amount" doc:"realisatie min begroting na wijziging in eurocent; positief = voordeel"`
	VN          string    `json:"vn,omitempty" doc:"V (voordeel) of N (nadeel)"`
	Total       bool      `json:"total" doc:"de totaalregel van het programma"`
	Explanation string    `json:"explanation,omitempty"`
	Line        int       `json:"line,omitempty"`
}

type progressView struct {
	ID          int64               `json:"id"`
	Key         string              `json:"key"`
	GoalKey     string              `json:"goal_key,omitempty"`
	ActivityKey string              `json:"activity_key,omitempty"`
	Title       string              `json:"title,omitempty"`
	Status      grip.ProgressStatus `json:"status,omitempty"`
	Plan        string              `json:"plan,omitempty"`
	Realisation string              `json:"realisation,omitempty"`
	Planning    string              `json:"planning,omitempty"`
	Indicator   string              `json:"indicator,omitempty"`
	Resources   string              `json:"resources,omitempty"`
	Risks       string              `json:"risks,omitempty"`
	Line        int                 `json:"line,omitempty"`
}

type reserveView struct {
	ID          int64                 `json:"id"`
	Key         string                `json:"key"`
	Name        string                `json:"name"`
	BalanceYear int                   `json:"balance_year,omitempty"`
	Balance     int64                 `json:"balance" doc:"stand aan het begin van balance_year, in eurocent"`
	Mutations   []reserveMutationView `json:"mutations"`
	Line        int                   `json:"line,omitempty"`
}

type reserveMutationView struct {
	Year        int    `json:"year"`
	Amount      int64  `json:"amount" doc:"toevoeging (positief) of onttrekking (negatief) in eurocent"`
	Description string `json:"description,omitempty"`
	ProposalKey string `json:"proposal_key,omitempty"`
}

// Entity responses: the entity with the document and programme it belongs
// to, and the goals it is linked to resolved to references.

type programmeResponse struct {
	Document  documentRef   `json:"document"`
	Programme programmeView `json:"programme"`
}

type goalResponse struct {
	Document  documentRef  `json:"document"`
	Programme programmeRef `json:"programme"`
	Goal      goalView     `json:"goal"`
	Ancestors []goalRef    `json:"ancestors" doc:"de doelen boven dit doel, van de wortel af"`
	Links     goalLinks    `json:"links" doc:"wat aan dit doel gekoppeld is"`
}

type goalLinks struct {
	Activities    []entityRef `json:"activities"`
	Proposals     []entityRef `json:"proposals"`
	Developments  []entityRef `json:"developments"`
	Indicators    []entityRef `json:"indicators"`
	FinanceLines  []entityRef `json:"finance_lines"`
	VarianceLines []entityRef `json:"variance_lines"`
	Progress      []entityRef `json:"progress"`
}

type activityResponse struct {
	Document  documentRef  `json:"document"`
	Programme programmeRef `json:"programme"`
	Activity  activityView `json:"activity"`
	Goals     []goalRef    `json:"goals"`
}

type proposalResponse struct {
	Document  documentRef  `json:"document"`
	Programme programmeRef `json:"programme"`
	Proposal  proposalView `json:"proposal"`
	Goals     []goalRef    `json:"goals"`
	Reserve   *entityRef   `json:"reserve,omitempty" doc:"de reserve die het voorstel dekt"`
}

type developmentResponse struct {
	Document    documentRef     `json:"document"`
	Programme   programmeRef    `json:"programme"`
	Development developmentView `json:"development"`
	Goals       []goalRef       `json:"goals"`
}

type indicatorResponse struct {
	Document  documentRef   `json:"document"`
	Programme programmeRef  `json:"programme"`
	Indicator indicatorView `json:"indicator"`
	Goals     []goalRef     `json:"goals"`
}

type financeLineResponse struct {
	Document    documentRef     `json:"document"`
	Programme   programmeRef    `json:"programme"`
	FinanceLine financeLineView `json:"finance_line"`
	Goals       []goalRef       `json:"goals"`
}

type varianceLineResponse struct {
	Document     documentRef      `json:"document"`
	Programme    programmeRef     `json:"programme"`
	VarianceLine varianceLineView `json:"variance_line"`
	Goals        []goalRef        `json:"goals"`
}

type progressResponse struct {
	Document  documentRef  `json:"document"`
	Programme programmeRef `json:"programme"`
	Progress  progressView `json:"progress"`
	Goals     []goalRef    `json:"goals"`
	Activity  *entityRef   `json:"activity,omitempty"`
}

type reserveResponse struct {
	Document  documentRef  `json:"document"`
	Programme programmeRef `json:"programme"`
	Reserve   reserveView  `json:"reserve"`
	Proposals []entityRef  `json:"proposals" doc:"voorstellen die uit deze reserve gedekt worden"`
}

type healthView struct {
	Status        string `json:"status" doc:"ok of fout"`
	SchemaVersion int    `json:"schema_version,omitempty"`
}
