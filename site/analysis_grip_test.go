package site

import (
	"strings"
	"testing"
)

// TestGripPageStatuses: on the grip page an indicator without a direction
// shows its deviation without a judgement, a verplichte beleidsindicator is
// judged in the law's direction, and the rule explains both.
func TestGripPageStatuses(t *testing.T) {
	f := analysisFixture(t)
	twenterand := f.page(t, "/twenterand/kadernota-2020/grip").Text()
	for _, want := range []string{
		"Aantal aanvragen bijzondere bijstand: afwijking (geen oordeel): 90% boven de streefwaarde (realisatie 2018 tegen streefwaarde 2019)",
		"afwijking (geen oordeel), op koers", // the rule's order of statuses
		"grip indicators direction",
		"Personen met een bijstandsuitkering (per 1000 inwoners): onbekend; lager is beter (volgens de verplichte beleidsindicator)",
	} {
		if !strings.Contains(twenterand, want) {
			t.Errorf("Twenterand grip page lacks %q", want)
		}
	}
	if strings.Contains(twenterand, "bijzondere bijstand: uit koers") {
		t.Error("an indicator without direction is called uit koers")
	}
}
