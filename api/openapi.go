package api

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"unicode"

	"grip"
	"grip/httpx"
)

// The OpenAPI 3.1 description is generated at start-up from the registered
// routes and the Go types they answer with (reflection over json tags), so
// code and description cannot drift apart. Maps are used for objects:
// encoding/json writes their keys sorted, which makes the output stable.

type object = map[string]any

// openAPIDocument builds the description of routes as JSON.
func openAPIDocument(routes []route) ([]byte, error) {
	g := &schemaGen{schemas: object{}, enums: enumValues()}
	problem := g.schema(reflect.TypeFor[httpx.Problem]())
	errResp := func(desc string) object {
		return object{"description": desc, "content": object{"application/json": object{"schema": problem}}}
	}
	paths := object{}
	ids := map[string]bool{}
	for _, rt := range routes {
		if ids[rt.Op.ID] {
			return nil, fmt.Errorf("openapi: operationId %q twice", rt.Op.ID)
		}
		ids[rt.Op.ID] = true
		path := strings.TrimSuffix(rt.Pattern, "{$}")
		var params []any
		for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
			params = append(params, object{"name": m[1], "in": "path", "required": true,
				"description": pathParamDoc(m[1]), "schema": object{"type": "string"}})
		}
		for _, q := range rt.Op.Query {
			s := object{"type": q.Type}
			if len(q.Enum) > 0 {
				s["enum"] = q.Enum
			}
			params = append(params, object{"name": q.Name, "in": "query", "required": false,
				"description": q.Description, "schema": s})
		}
		okSchema := object{"type": "object"}
		if rt.resp != nil {
			okSchema = g.schema(rt.resp)
		}
		op := object{
			"operationId": rt.Op.ID,
			"summary":     rt.Op.Summary,
			"responses": object{
				"200": object{"description": "gelukt", "content": object{"application/json": object{"schema": okSchema}}},
				"400": errResp("ongeldige parameter"),
				"404": errResp("niet gevonden"),
				"405": errResp("methode niet toegestaan (alleen GET en HEAD)"),
				"500": errResp("interne fout; de request_id verwijst naar het log"),
			},
		}
		if rt.Op.Tag != "" {
			op["tags"] = []string{rt.Op.Tag}
		}
		if rt.Op.Description != "" {
			op["description"] = rt.Op.Description
		}
		if params != nil {
			op["parameters"] = params
		}
		item, _ := paths[path].(object)
		if item == nil {
			item = object{}
			paths[path] = item
		}
		item[strings.ToLower(rt.Method)] = op
	}
	doc := object{
		"openapi": "3.1.0",
		"info": object{
			"title":   "grip API",
			"version": "1",
			"description": "Alleen-lezen JSON-API van grip: organisaties, hun documenten (kadernota, begroting, " +
				"rapportages, jaarverslag) en alles daarin. Elke route onder /api/v1/organisations/{org}/ " +
				"ziet alleen gegevens van die organisatie. Bedragen zijn gehele eurocenten. " +
				"Elke GET-route antwoordt ook op HEAD. Fouten: {\"error\":{\"code\",\"message\",\"request_id\"}}.",
		},
		"paths":      paths,
		"components": object{"schemas": g.schemas},
	}
	return json.MarshalIndent(doc, "", "  ")
}

var pathParam = regexp.MustCompile(`\{(\w+)\}`)

func pathParamDoc(name string) string {
	switch name {
	case "org":
		return "CBS-code (GM1700) of slug (twenterand) van de organisatie"
	case "doc":
		return "id van het document, of soort-jaar (kadernota-2020)"
	case "id":
		return "id van het onderdeel (een positief geheel getal)"
	}
	return name
}

// enumValues lists the allowed values of the domain's string types.
func enumValues() map[reflect.Type][]string {
	m := map[reflect.Type][]string{}
	add := func(t reflect.Type, vs ...string) { m[t] = vs }
	add(reflect.TypeFor[grip.DocumentKind](), kindNames()...)
	add(reflect.TypeFor[grip.DocumentStatus](), string(grip.StatusConcept), string(grip.StatusAangeboden), string(grip.StatusVastgesteld))
	add(reflect.TypeFor[grip.OrgKind](), string(grip.OrgGemeente), string(grip.OrgRegio))
	add(reflect.TypeFor[grip.Side](), string(grip.Lasten), string(grip.Baten), string(grip.SaldoSide))
	add(reflect.TypeFor[grip.MoneyStage](), string(grip.StagePrimitief), string(grip.StageNaWijziging),
		string(grip.StageRealisatie), string(grip.StageMeerjarenraming))
	add(reflect.TypeFor[grip.Recurrence](), string(grip.Incidenteel), string(grip.Structureel), string(grip.Mixed))
	add(reflect.TypeFor[grip.ProgressStatus](), string(grip.ProgressOnTrack), string(grip.ProgressAttention),
		string(grip.ProgressOffTrack), string(grip.ProgressDone))
	add(reflect.TypeFor[grip.Unit](), string(grip.UnitCount), string(grip.UnitPercentage), string(grip.UnitPer1000),
		string(grip.UnitPer10000), string(grip.UnitEuro), string(grip.UnitText))
	add(reflect.TypeFor[grip.Direction](), string(grip.HigherIsBetter), string(grip.LowerIsBetter))
	add(reflect.TypeFor[grip.MeasurementKind](), string(grip.Realised), string(grip.Planned))
	add(reflect.TypeFor[grip.Severity](), string(grip.SeverityInfo), string(grip.SeverityWarning), string(grip.SeverityError))
	add(reflect.TypeFor[grip.SectionKind](), string(grip.SectionIntro), string(grip.SectionPerspective),
		string(grip.SectionEffect), string(grip.SectionAchieve), string(grip.SectionDo), string(grip.SectionCost),
		string(grip.SectionAchieved), string(grip.SectionDone), string(grip.SectionCostActual), string(grip.SectionIST),
		string(grip.SectionSOLL), string(grip.SectionTrends), string(grip.SectionConclusion), string(grip.SectionOther))
	return m
}

// schemaGen turns Go types into JSON schemas; named structs become
// components referenced with $ref.
type schemaGen struct {
	schemas object
	enums   map[reflect.Type][]string
}

// schemaName is the component name of a named struct: "goalView" -> "Goal",
// "documentList" -> "DocumentList".
func schemaName(t reflect.Type) string {
	n := strings.TrimSuffix(t.Name(), "View")
	r := []rune(n)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func (g *schemaGen) schema(t reflect.Type) object {
	if vs, ok := g.enums[t]; ok {
		return object{"type": "string", "enum": vs}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schema(t.Elem())
	case reflect.Slice, reflect.Array:
		return object{"type": "array", "items": g.schema(t.Elem())}
	case reflect.String:
		return object{"type": "string"}
	case reflect.Bool:
		return object{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		s := object{"type": "integer"}
		if t.Size() == 8 {
			s["format"] = "int64"
		}
		return s
	case reflect.Float32, reflect.Float64:
		return object{"type": "number"}
	case reflect.Struct:
		name := schemaName(t)
		ref := object{"$ref": "#/components/schemas/" + name}
		if _, done := g.schemas[name]; done {
			return ref
		}
		g.schemas[name] = object{} // placeholder: recursive types (goal children) refer to it
		props := object{}
		required := []string{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			key, opts, _ := strings.Cut(tag, ",")
			if key == "" {
				key = f.Name
			}
			p := g.schema(f.Type)
			if d := f.Tag.Get("doc"); d != "" {
				if _, isRef := p["$ref"]; isRef {
					// 3.1 allows siblings of $ref; keep the ref itself untouched.
					p = object{"$ref": p["$ref"], "description": d}
				} else {
					p["description"] = d
				}
			}
			props[key] = p
			if !strings.Contains(opts, "omitempty") {
				required = append(required, key)
			}
		}
		g.schemas[name] = object{"type": "object", "properties": props, "required": required,
			"additionalProperties": false}
		return ref
	}
	panic("openapi: no schema for " + t.String()) // a programming error, found at start-up by every test
}
