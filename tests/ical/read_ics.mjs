// Read .ics files with Mozilla's ical.js (as Thunderbird and many web calendars do) and print,
// per event, what a calendar application would show: its local start and end in the event's own
// zone, and the same moments in UTC, worked out from the file's own VTIMEZONE block (ical.js
// knows no zones of its own: a zone missing from the file leaves the times "floating").
//   node read_ics.mjs file.ics [...]   ->   JSON: {"file.ics": [{uid, summary, ...}, ...], ...}
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function read(path) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const utc = (time) => time.toJSDate().toISOString();
    return {
      uid: event.uid,
      summary: event.summary,
      zone: event.startDate.zone ? event.startDate.zone.tzid : "none",  // "floating" if unknown
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      start_utc: utc(event.startDate),
      end_utc: utc(event.endDate),
    };
  });
}

const out = {};
for (const path of process.argv.slice(2)) {
  out[path] = read(path);
  ICAL.TimezoneService.reset();
}
console.log(JSON.stringify(out));
