// The date fields of Tasklist's Camunda Forms take and show a date in the format of the locale 'default', the
// browser's: 12/04/2026 in an English browser, which a Danish officer reads as 12 April. This makes that locale
// Danish (04.12.2026) for every page of Tasklist; a locale asked for by name is untouched. What the form sends to the
// engine stays an ISO date (2026-12-04).

const BrowserDateTimeFormat = Intl.DateTimeFormat;

function DanishByDefaultDateTimeFormat(locales, options) {
  return new BrowserDateTimeFormat(locales === 'default' ? 'da-DK' : locales, options);
}

DanishByDefaultDateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
DanishByDefaultDateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf;
Intl.DateTimeFormat = DanishByDefaultDateTimeFormat;
