/**
 * help.html: the help page the manifest's SupportUrl and GetStarted "learn more" link and the panel's Help link
 * open, in Dutch and English. Generated at build time (scripts/help-page.js) from the same sources as the
 * README's tables: the function reference (src/functions/function-table.ts) and the category codes
 * (src/rules/categories.ts), so the page and the README cannot disagree.
 *
 * Both languages are in the page; a small script (allowed by its hash in the page's Content-Security-Policy)
 * shows the one of the URL's #nl / #en, else of the browser. Without script both are shown, Dutch first.
 * Build-time only: nothing here runs in the add-in.
 */
import type { Lang, Localized } from "../i18n/types";
import { FUNCTION_DOCS } from "../functions/function-table";
import { CATEGORIES } from "../rules/categories";
import { S } from "../taskpane/strings";
import { D } from "../taskpane/decision-strings";
import { KOR_LIMIT, UNION_LIMIT } from "../rules/text";
import { NEW_KOR_RULES_YEAR } from "../rules/parameters";

/** The panel's tab names (src/taskpane/App.tsx `views`). */
const TAB_NAMES: readonly Localized[] = [S.tabYear, D.tab, { nl: "Alle bladen", en: "All sheets" }];

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Escapes text and turns `code` spans (as written in the README table sources) into <code>. */
function inline(s: string): string {
  return esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");
}

const T = {
  title: { nl: "KOR voor Excel: hulp", en: "KOR for Excel: help" },
  intro: {
    nl: `KOR voor Excel beantwoordt de vragen van de kleineondernemersregeling (KOR) direct op je eigen factuurbladen: welke omzet telt, of je binnen ${KOR_LIMIT.nl} blijft (vanaf ${NEW_KOR_RULES_YEAR} ook vorig jaar), bij welke factuur je de grens overschrijdt en wanneer de Belastingdienst een aan- of afmelding uiterlijk moet ontvangen. Ook de EU-KOR (${UNION_LIMIT.nl}) en de herziening bij de start worden berekend. Dit is een hulpmiddel, geen belastingadvies.`,
    en: `KOR for Excel answers the questions of the Dutch small-business VAT scheme (kleineondernemersregeling, KOR) directly over your own invoice sheets: which turnover counts, whether you stay within ${KOR_LIMIT.en} (from ${NEW_KOR_RULES_YEAR} last year too), on which invoice you cross the threshold, and by which day the Belastingdienst must receive a registration or exit notice. It also covers the EU-KOR (${UNION_LIMIT.en}) and the herziening on entering. It is a tool, not tax advice.`,
  },
  functions: { nl: "Werkbladfuncties", en: "Worksheet functions" },
  functionsIntro: {
    nl: "Typ ze over je eigen factuurkolommen. Datums zijn Excel-datums of tekst zoals 1-9-2026; bedragen zijn exclusief btw; zonder categorie telt een factuur als belaste omzet; zonder jaar geldt het laatste jaar in de datums dat niet na dit jaar ligt (een datum in een later jaar, zoals een tikfout 2062, kiest het jaar dus niet). Een probleem in je gegevens geeft #WAARDE! met een bericht dat de cel noemt (wijs de cel aan), nooit stilzwijgend een verkeerd getal. In de voorbeelden staan de datums in A2:A500, de bedragen in B2:B500, de categorieën in C2:C500 en de landen in D2:D500.",
    en: "Type them over your own invoice columns. Dates are Excel dates or text such as 1-9-2026; amounts exclude VAT; an invoice without a category counts as taxed turnover; an omitted year is the latest year in the dates that is not after this year (a date in a later year, such as a mistyped 2062, does not pick the year). A problem in your data gives #VALUE! with a message that names the cell (hover it), never a silently wrong number. In the examples the dates are in A2:A500, the amounts in B2:B500, the categories in C2:C500 and the countries in D2:D500.",
  },
  formula: { nl: "formule", en: "formula" },
  returns: { nl: "geeft", en: "returns" },
  example: { nl: "voorbeeld", en: "example" },
  categories: { nl: "Categoriecodes", en: "Category codes" },
  categoriesIntro: {
    nl: "De categoriekolom zegt wat voor omzet een factuur is. Hoofdletters, spaties, punten, streepjes en een % achteraan tellen niet (21, 0,21 en 21% zijn hetzelfde). Alleen 'vrijgesteld' of 'exempt' wordt geweigerd omdat het dubbelzinnig is, en onbekende tekst wordt geweigerd met deze lijst: de invoegtoepassing gokt nooit.",
    en: "The category column says what kind of turnover an invoice is. Case, spaces, dots, hyphens and a trailing % do not matter (21, 0.21 and 21% are the same). A bare 'vrijgesteld' or 'exempt' is refused as ambiguous, and unknown text is refused with this list: the add-in never guesses.",
  },
  code: { nl: "code", en: "code" },
  aliases: { nl: "ook goed (voorbeelden)", en: "also accepted (examples)" },
  meaning: { nl: "betekenis", en: "meaning" },
  counts: { nl: `telt voor de ${KOR_LIMIT.nl}`, en: `counts for the ${KOR_LIMIT.en}` },
  empty: { nl: "(leeg)", en: "(empty)" },
  emptyMeaning: {
    nl: "geen categorie: de facturen van een KOR-deelnemer tonen meestal geen btw",
    en: "no category: a KOR participant's invoices usually show no VAT",
  },
  yes: { nl: "ja", en: "yes" },
  no: { nl: "nee", en: "no" },
  panel: { nl: "Het KOR-paneel", en: "The KOR panel" },
  panelItems: [
    {
      nl: "Start → KOR opent het paneel over de geselecteerde tabel of het actieve blad. Het vindt de kolommen voor datum, bedrag, categorie, land en btw aan Nederlandse of Engelse koppen; je kunt elke keuze wijzigen en die wordt per blad onthouden.",
      en: "Home → KOR opens the panel over the selected table or the active sheet. It finds the date, amount, category, country and VAT columns from Dutch or English headers; you can change each choice, and it is remembered per sheet.",
    },
    {
      nl: `Het oordeel met de redenen, de omzet die meetelt, het % van ${KOR_LIMIT.nl} en de resterende ruimte; een grafiek van de cumulatieve omzet; een tabel per kwartaal of maand; wat wel en niet telde en waarom; de termijnen (vroegste start, uiterste datum voor de aanmelding, afmelden, opnieuw deelnemen); de EU-KOR als er een landkolom is; en waarschuwingen die hun rijen in het blad selecteren. ‘${S.writeReport.nl}’ zet het rapport op een eigen blad; je eigen cellen blijven onaangeroerd.`,
      en: `The verdict with the reasons, the turnover that counts, % of ${KOR_LIMIT.en} and the headroom; a chart of the cumulative turnover; a table per quarter or month; what counted and what did not, and why; the deadlines (next possible start, registration deadline, exit, re-entry); the EU-KOR when there is a country column; and warnings that select their rows in the sheet. ‘${S.writeReport.en}’ puts the report on a sheet of its own; your own cells are never changed.`,
    },
    {
      nl: "Wat deelnemen (of stoppen) per jaar kost of oplevert: de btw die je niet meer afdraagt tegenover de btw op kosten en investeringen die je niet meer aftrekt en de herziening, met het omslagpunt en de termijnen.",
      en: "What joining (or leaving) costs or gains per year: the VAT no longer remitted against the input VAT no longer deducted and the herziening, with the break-even and the deadlines.",
    },
    {
      nl: "Eén overzicht van elk blad en elke tabel die op een factuurlijst lijkt (jaar, omzet die meetelt, oordeel, overschrijding, termijn, problemen); bladen van één bedrijf kun je samen laten tellen.",
      en: "One overview of every sheet and table that looks like an invoice list (year, turnover that counts, verdict, crossing, deadline, problems); sheets of one business can be counted together.",
    },
  ] as readonly Localized[],
  cli: { nl: "kor-check (voor kantoren)", en: "kor-check (for firms)" },
  cliText: {
    nl: "Buiten Excel controleert het opdrachtregelprogramma kor-check mappen met .xlsx- en .csv-factuurlijsten van klanten en geeft per blad dezelfde uitkomst als het paneel, als tabel, CSV of JSON. Het wordt door de IT-afdeling vanuit de broncode geïnstalleerd (zie de README); bijvoorbeeld:",
    en: "Outside Excel, the kor-check command line checks folders of clients' .xlsx and .csv invoice lists and gives, per sheet, the same answers as the panel, as a table, CSV or JSON. IT installs it from the source (see the README); for example:",
  },
  privacy: { nl: "Privacy", en: "Privacy" },
  privacyItems: [
    {
      nl: "Niets verlaat de werkmap: de berekeningen gebeuren in Excel, in de invoegtoepassing zelf. Er is geen server die je gegevens ontvangt.",
      en: "Nothing leaves the workbook: the calculations run inside Excel, in the add-in itself. No server receives your data.",
    },
    {
      nl: "Behalve Office.js van Microsoft wordt niets van buiten geladen, en er wordt niets gemeten of verstuurd (geen telemetrie).",
      en: "Apart from Microsoft's Office.js nothing is loaded from outside, and nothing is measured or sent (no telemetry).",
    },
    {
      nl: "De invoegtoepassing leest je bladen en schrijft alleen op bladen die ze zelf maakte ('KOR 2026', 'KOR overzicht').",
      en: "The add-in reads your sheets and writes only to sheets it created itself ('KOR 2026', 'KOR overzicht').",
    },
  ] as readonly Localized[],
  legal: {
    nl: "De bedragen en termijnen volgen de Belastingdienst, de Wet OB 1968 (art. 25) en de EU-btw-richtlijn zoals gewijzigd door richtlijn 2020/285. Dit hulpmiddel helpt je de regels toe te passen; het is geen belastingadvies.",
    en: "The amounts and periods follow the Belastingdienst, the Wet OB 1968 (art. 25) and the EU VAT Directive as amended by Directive 2020/285. This tool helps you apply the rules; it is not tax advice.",
  },
  other: { nl: "English", en: "Nederlands" },
} as const;

function section(lang: Lang): string {
  const tr = (l: Localized) => esc(l[lang]);
  const other: Lang = lang === "nl" ? "en" : "nl";
  const fnRows = FUNCTION_DOCS.map(
    (f) =>
      `<tr id="${lang}-${f.id.toLowerCase()}"><th scope="row"><code>KOR.${esc(f.id)}(${esc(f.signature)})</code></th><td>${inline(f.returns[lang])}</td>` +
      `<td><code>${esc(f.example[lang])}</code>${f.result ? ` → ${esc(f.result[lang])}` : ""}</td></tr>`,
  ).join("\n");
  const catRows = [
    `<tr><th scope="row">${tr(T.empty)}</th><td>—</td><td>${tr(T.emptyMeaning)}</td><td>${tr(T.yes)}</td></tr>`,
    ...CATEGORIES.map(
      (c) =>
        `<tr><th scope="row"><code>${esc(c.code)}</code></th><td>${c.aliases.slice(0, 4).map((a) => `<code>${esc(a)}</code>`).join(", ") || "—"}</td>` +
        `<td>${esc(c.label[lang])}</td><td>${c.countsNL ? tr(T.yes) : `<strong>${tr(T.no)}</strong>`}</td></tr>`,
    ),
  ].join("\n");
  return `<section id="${lang}" lang="${lang}" data-lang="${lang}">
<p class="switch"><a href="#${other}" hreflang="${other}" lang="${other}">${esc(T.other[lang])}</a></p>
<h1>${tr(T.title)}</h1>
<p>${tr(T.intro)}</p>
<h2 id="${lang}-functions">${tr(T.functions)}</h2>
<p>${tr(T.functionsIntro)}</p>
<div class="scroll"><table>
<thead><tr><th scope="col">${tr(T.formula)}</th><th scope="col">${tr(T.returns)}</th><th scope="col">${tr(T.example)}</th></tr></thead>
<tbody>
${fnRows}
</tbody></table></div>
<h2 id="${lang}-categories">${tr(T.categories)}</h2>
<p>${tr(T.categoriesIntro)}</p>
<div class="scroll"><table>
<thead><tr><th scope="col">${tr(T.code)}</th><th scope="col">${tr(T.aliases)}</th><th scope="col">${tr(T.meaning)}</th><th scope="col">${tr(T.counts)}</th></tr></thead>
<tbody>
${catRows}
</tbody></table></div>
<h2 id="${lang}-panel">${tr(T.panel)}</h2>
<ul>
${T.panelItems.map((p, i) => `<li>${i > 0 ? `<strong>${tr(TAB_NAMES[i - 1])}</strong>: ` : ""}${tr(p)}</li>`).join("\n")}
</ul>
<h2 id="${lang}-kor-check">${tr(T.cli)}</h2>
<p>${tr(T.cliText)}</p>
<pre><code>npx kor-check ${lang === "nl" ? "klanten/" : "clients/"}
npx kor-check --year 2026 --format json --out ${lang === "nl" ? "overzicht.json klanten/" : "overview.json clients/"}
npx kor-check --lang ${lang} --previous-year-turnover 18500 ${lang === "nl" ? "klant.xlsx" : "client.xlsx"}</code></pre>
<h2 id="${lang}-privacy">${tr(T.privacy)}</h2>
<ul>
${T.privacyItems.map((p) => `<li>${tr(p)}</li>`).join("\n")}
</ul>
<p>${tr(T.legal)}</p>
</section>`;
}

/** Shows one language: the URL's #nl/#en (or #nl-…/#en-… anchors), else the browser's language. */
const SCRIPT = `(function () {
  function pick() {
    var h = (location.hash || "").slice(1);
    var lang = /^nl\\b/.test(h) ? "nl" : /^en\\b/.test(h) ? "en" : (navigator.language || "").toLowerCase().indexOf("nl") === 0 ? "nl" : "en";
    document.documentElement.lang = lang;
    var sections = document.querySelectorAll("section[data-lang]");
    for (var i = 0; i < sections.length; i++) sections[i].hidden = sections[i].getAttribute("data-lang") !== lang;
  }
  pick();
  window.addEventListener("hashchange", pick);
})();`;

const STYLE = `body{font-family:"Segoe UI",system-ui,-apple-system,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff;margin:0 auto;padding:1rem;max-width:60rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #8a8a8a;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f0f0f0}.scroll{overflow-x:auto}code{font-family:Consolas,"Courier New",monospace;font-size:.95em}
pre{background:#f5f5f5;padding:.75rem;overflow-x:auto}a{color:#0f548c}a:focus-visible{outline:2px solid #0f548c;outline-offset:2px}
.switch{text-align:right;margin:0}`;

/**
 * The complete help.html. `sha256Base64` hashes a UTF-8 string (Node's crypto, passed in by the build step so
 * that src/ imports no Node module) for the CSP sources of the inline script and style.
 */
export function helpPageHtml(sha256Base64: (text: string) => string): string {
  const hash = (s: string) => `'sha256-${sha256Base64(s)}'`;
  const csp = `default-src 'none'; script-src ${hash(SCRIPT)}; style-src ${hash(STYLE)}; img-src 'self'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>KOR voor Excel: hulp / KOR for Excel: help</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${section("nl")}
${section("en")}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
