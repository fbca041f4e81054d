/** Every text kor-check prints, in Dutch and English. */
import type { Lang, Localized } from "../i18n/types";
import { formatDay, type Day } from "../rules/dates";
import { PARTICIPATION_TEXT } from "../bulk/strings";
import { countEn, countNl, dayEn, dayNl } from "../rules/text";

export const HELP: Localized = {
  nl: `kor-check: controleer facturenlijsten op de kleineondernemersregeling (KOR).

Gebruik:
  kor-check [opties] <bestanden of mappen...>

Leest .xlsx- en .csv-bestanden; mappen worden met alle submappen doorzocht. Elk blad met een kopregel
met een datum- en een bedragkolom wordt gecontroleerd, met dezelfde regels als de Excel-invoegtoepassing.
Leest ook auditfiles (.xaf, XAF 3.1/3.2): de verkoopboekingen zijn dan de facturen; auditfiles met
hetzelfde btw- of KvK-nummer (bijvoorbeeld 2025 en 2026) worden als één onderneming gecontroleerd;
dagen die twee auditfiles allebei bevatten tellen één keer.

Opties:
  --year JAAR                     het jaar om te controleren (standaard: het laatste jaar in elk blad, niet na dit jaar)
  --period quarter|month|year     uw aangiftetijdvak (standaard: quarter, per kwartaal)
  --previous-year-turnover BEDRAG omzet die meetelt van het vorige jaar, in euro's (alleen bij één bestand);
                                  gaat voor op de rijen van dat jaar in het bestand
  --previous-year-union-turnover BEDRAG
                                  EU-omzet (EU-KOR) van het vorige jaar, in euro's (alleen bij één bestand);
                                  gaat voor op de rijen van dat jaar in het bestand
  --in-kor-since DATUM            de onderneming doet mee aan de KOR sinds DATUM (bijv. 1-1-2024)
  --not-in-kor                    de onderneming doet niet mee aan de KOR
                                  (zonder een van beide: onbekend; wat volgt op een overschrijding staat
                                  dan voorwaardelijk in de uitvoer)
  --format table|csv|json|jsonl   uitvoer (standaard: table, een leesbare tabel; jsonl: één JSON-regel per
                                  blad, geschreven zodra het bestand klaar is)
  --out BESTAND                   schrijf de uitvoer naar BESTAND in plaats van naar het scherm; zonder
                                  --format bepaalt de naam de vorm (.csv, .json, .jsonl; anders table);
                                  een --format dat niet bij de naam past en .xlsx worden geweigerd
  --lang nl|en                    taal (standaard: nl; en als de omgeving (LANG) Engels is)
  --codes CODES.csv               eigen btw-codes: per regel een code en een categorie (VV;21, A1;vrij)
  --date-column KOLOM             kies de datumkolom: een letter (A, AB) of de kolomkop ("Boekdatum")
  --amount-column KOLOM           kies de kolom met het bedrag exclusief btw
  --category-column KOLOM         kies de kolom met het btw-tarief of de categorie
  --country-column KOLOM          kies de landkolom
  --vat-column KOLOM              kies de kolom met het btw-bedrag
  --gross-column KOLOM            kies de kolom met het bedrag inclusief btw (omzet = dat min btw)
  --per-sheet                     houd de bladen van een werkmap apart (geen vorig jaar uit een ander blad)
  --jobs N                        lees N bestanden tegelijk, elk in een eigen werkthread (standaard: één
                                  per processorkern; 1 = alles in één thread, zonder de grenzen hieronder)
  --timeout SECONDEN              de tijd die één bestand mag duren (standaard: 600)
  --max-memory MB                 het geheugen dat één bestand mag gebruiken (standaard: een deel van het
                                  geheugen van de computer, 512 tot 4096 MB)
  --help                          deze uitleg

Afsluitcode: 0 als alles gelezen is, 1 als een bestand of een rij niet gelezen kon worden, 2 bij
verkeerd gebruik.
`,
  en: `kor-check: check invoice lists against the Dutch small-business VAT scheme (KOR).

Usage:
  kor-check [options] <files or folders...>

Reads .xlsx and .csv files; folders are searched with all their subfolders. Every sheet with a header
row with a date and an amount column is checked, with the same rules as the Excel add-in.
Also reads auditfiles (.xaf, XAF 3.1/3.2): their sales entries are the invoices; auditfiles with the same
VAT or KvK number (say 2025 and 2026) are checked as one business; days two auditfiles both hold count once.

Options:
  --year YEAR                     the year to check (default: the latest year in each sheet, not after this year)
  --period quarter|month|year     your VAT filing period (default: quarter)
  --previous-year-turnover AMOUNT the previous year's turnover that counts, in euros (single file only);
                                  wins over the rows of that year in the file
  --previous-year-union-turnover AMOUNT
                                  Union turnover (EU-KOR) of the previous year, in euros (single file
                                  only); wins over the rows of that year in the file
  --in-kor-since DATE             the business is in the KOR since DATE (e.g. 2024-01-01)
  --not-in-kor                    the business is not in the KOR
                                  (with neither: unknown; what follows a crossing is then conditional)
  --format table|csv|json|jsonl   output (default: table, a readable table; jsonl: one JSON line per sheet,
                                  written as soon as its file is done)
  --out FILE                      write the output to FILE instead of the screen; without --format the
                                  name decides (.csv, .json, .jsonl; else table); a --format that does
                                  not fit the name, and .xlsx, are refused
  --lang nl|en                    language (default: nl; en when the environment (LANG) is English)
  --codes CODES.csv               own VAT codes: a code and a category per line (VV,21 or A1,vrij)
  --date-column COLUMN            choose the date column: a letter (A, AB) or its header ("Boekdatum")
  --amount-column COLUMN          choose the column with the amount excluding VAT
  --category-column COLUMN        choose the column with the VAT rate or category
  --country-column COLUMN         choose the country column
  --vat-column COLUMN             choose the column with the VAT amount
  --gross-column COLUMN           choose the column with the amount including VAT (turnover = it minus VAT)
  --per-sheet                     keep a workbook's sheets apart (no previous year from another sheet)
  --jobs N                        read N files at the same time, each in its own worker thread (default:
                                  one per processor core; 1 = everything in one thread, without the limits below)
  --timeout SECONDS               the time one file may take (default: 600)
  --max-memory MB                 the memory one file may use (default: a share of the computer's
                                  memory, 512 to 4096 MB)
  --help                          this text

Exit status: 0 when everything was read, 1 when a file or a row could not be read, 2 for wrong usage.
`,
};

export const USAGE_HINT: Localized = {
  nl: "Typ kor-check --help voor uitleg.",
  en: "Type kor-check --help for help.",
};

export const usage = {
  unknownOption: (o: string): Localized => ({ nl: `Onbekende optie ${o}.`, en: `Unknown option ${o}.` }),
  missingValue: (o: string): Localized => ({ nl: `Optie ${o} heeft een waarde nodig.`, en: `Option ${o} needs a value.` }),
  /** --codes given a file larger than a CSV may be (`limit`: "500 MB"): surely not the list of codes meant. */
  codesTooLarge: (limit: string): Localized => ({
    nl: `te groot voor een lijst met btw-codes (groter dan ${limit}): is dit het goede bestand? Een codelijst heeft per regel een code en een categorie.`,
    en: `too large for a list of VAT codes (larger than ${limit}): is this the right file? A codes list has a code and a category on each line.`,
  }),
  badYear: (v: string): Localized => ({
    nl: `"${v}" is geen jaar. Geef een jaar als 2025.`,
    en: `"${v}" is not a year. Give a year such as 2025.`,
  }),
  badPeriod: (v: string): Localized => ({
    nl: `"${v}" is geen aangiftetijdvak. Kies quarter (kwartaal), month (maand) of year (jaar).`,
    en: `"${v}" is not a filing period. Choose quarter, month or year.`,
  }),
  badFormat: (v: string): Localized => ({
    nl: `"${v}" is geen uitvoervorm. Kies table, csv, json of jsonl.`,
    en: `"${v}" is not an output format. Choose table, csv, json or jsonl.`,
  }),
  outSpreadsheet: (f: string): Localized => ({
    nl: `--out ${f}: kor-check schrijft geen Excel-werkmappen. Kies een naam op .csv (die opent in Excel), .json of .jsonl.`,
    en: `--out ${f}: kor-check does not write Excel workbooks. Choose a name ending in .csv (which opens in Excel), .json or .jsonl.`,
  }),
  outFormatMismatch: (f: string, ext: string, format: string): Localized => ({
    nl: `--out ${f}: de naam eindigt op ${ext}, maar --format is ${format}. Laat --format weg (de naam bepaalt dan de vorm) of kies een naam die bij ${format} past.`,
    en: `--out ${f}: the name ends in ${ext} but --format is ${format}. Leave out --format (the name then decides) or choose a name that fits ${format}.`,
  }),
  badJobs: (v: string): Localized => ({
    nl: `--jobs "${v}": geef het aantal bestanden dat tegelijk gelezen wordt, een heel getal vanaf 1 (1 = zonder werkthreads).`,
    en: `--jobs "${v}": give the number of files read at the same time, a whole number from 1 (1 = without worker threads).`,
  }),
  badTimeout: (v: string): Localized => ({
    nl: `--timeout "${v}": geef de seconden die één bestand mag duren, een heel getal vanaf 1.`,
    en: `--timeout "${v}": give the seconds one file may take, a whole number from 1.`,
  }),
  badMaxMemory: (v: string): Localized => ({
    nl: `--max-memory "${v}": geef het geheugen per bestand in MB, een heel getal vanaf 64.`,
    en: `--max-memory "${v}": give the memory per file in MB, a whole number from 64.`,
  }),
  badLang: (v: string): Localized => ({ nl: `"${v}" is geen taal. Kies nl of en.`, en: `"${v}" is not a language. Choose nl or en.` }),
  badDate: (o: string, v: string): Localized => ({
    nl: `${o} "${v}" is geen datum. Schrijf de datum als 1-1-2024 of 2024-01-01.`,
    en: `${o} "${v}" is not a date. Write the date as 2024-01-01 or 1-1-2024.`,
  }),
  /** --in-kor-since before the KOR exemption began (1 January 2020): refused, as no participation in it can start earlier. */
  korSinceBeforeKor: (v: string, first: Day): Localized => ({
    nl: `--in-kor-since "${v}": dat is vóór ${dayNl(first)}, toen de KOR-vrijstelling begon (daarvoor was de KOR een belastingvermindering). Geef de datum waarop de deelname aan de vrijstelling begon, op zijn vroegst ${dayNl(first)}, of laat --in-kor-since weg.`,
    en: `--in-kor-since "${v}": that is before ${dayEn(first)}, when the KOR exemption began (before that the KOR was a VAT reduction). Give the date participation in the exemption began, ${dayEn(first)} at the earliest, or leave out --in-kor-since.`,
  }),
  participationTwice: {
    nl: "Geef --in-kor-since of --not-in-kor, niet allebei.",
    en: "Give --in-kor-since or --not-in-kor, not both.",
  } as Localized,
  badAmount: (v: string): Localized => ({
    nl: `"${v}" is geen bedrag. Schrijf het bedrag als 18500 of 18.500,00.`,
    en: `"${v}" is not an amount. Write the amount as 18500 or 18,500.00.`,
  }),
  negativePreviousYear: (v: string): Localized => ({
    nl: `--previous-year-turnover "${v}": de omzet van vorig jaar kan niet negatief zijn. Geef de meetellende omzet van vorig jaar (0 of meer).`,
    en: `--previous-year-turnover "${v}": last year's turnover cannot be negative. Give last year's turnover that counts (0 or more).`,
  }),
  negativePreviousUnion: (v: string): Localized => ({
    nl: `--previous-year-union-turnover "${v}": de EU-omzet van vorig jaar kan niet negatief zijn. Geef de EU-omzet van vorig jaar (0 of meer).`,
    en: `--previous-year-union-turnover "${v}": last year's Union turnover cannot be negative. Give last year's Union turnover (0 or more).`,
  }),
  noInput: {
    nl: "Geef minstens één bestand of map om te controleren.",
    en: "Give at least one file or folder to check.",
  } as Localized,
  previousYearNeedsOneFile: {
    nl: "--previous-year-turnover geldt voor één bestand (één onderneming); geef precies één bestand.",
    en: "--previous-year-turnover applies to one file (one business); give exactly one file.",
  } as Localized,
  previousUnionNeedsOneFile: {
    nl: "--previous-year-union-turnover geldt voor één bestand (één onderneming); geef precies één bestand.",
    en: "--previous-year-union-turnover applies to one file (one business); give exactly one file.",
  } as Localized,
  noFilesFound: {
    nl: "Geen .xlsx- of .csv-bestanden gevonden.",
    en: "No .xlsx or .csv files found.",
  } as Localized,
};

/** Why --out FILE is refused (exit status 2: nothing was written), and why the output could not be written (exit status 1). */
export const outErrors = {
  isInput: (f: string): Localized => ({
    nl: `--out ${f}: dat is een van de bestanden om te controleren; die wordt niet overschreven. Kies een andere naam.`,
    en: `--out ${f}: that is one of the files to check; it is not overwritten. Choose another name.`,
  }),
  symlink: (f: string): Localized => ({
    nl: `--out ${f}: dat is een snelkoppeling (symbolische link); kor-check schrijft daar niet doorheen. Geef het echte bestand of een nieuwe naam.`,
    en: `--out ${f}: that is a symbolic link; kor-check does not write through it. Give the real file or a new name.`,
  }),
  notAFile: (f: string): Localized => ({
    nl: `--out ${f}: dat is geen gewoon bestand (een map of apparaat). Kies een bestandsnaam.`,
    en: `--out ${f}: that is not a regular file (a folder or device). Choose a file name.`,
  }),
  notOwn: (f: string): Localized => ({
    nl: `--out ${f}: dat bestand bestaat al en is niet door kor-check geschreven; het wordt niet overschreven. Kies een andere naam of verwijder het eerst.`,
    en: `--out ${f}: that file exists and was not written by kor-check; it is not overwritten. Choose another name or delete it first.`,
  }),
  noFolder: (f: string): Localized => ({
    nl: `--out ${f}: de map bestaat niet.`,
    en: `--out ${f}: the folder does not exist.`,
  }),
  /** Standard output could not be written (redirected to a full disk): before, Node's stack trace of ENOSPC. */
  stdoutNotWritten: (code: string | undefined, detail: string): Localized =>
    code === "ENOSPC" || code === "EDQUOT"
      ? {
          nl: "de uitvoer kon niet volledig worden geschreven: de schijf is vol. Wat er staat is onvolledig; maak ruimte vrij en controleer opnieuw.",
          en: "the output could not be written in full: the disk is full. What was written is incomplete; free some space and run the check again.",
        }
      : {
          nl: `de uitvoer kon niet volledig worden geschreven (${detail}). Wat er staat is onvolledig.`,
          en: `the output could not be written in full (${detail}). What was written is incomplete.`,
        },
  /**
   * Writing the report failed (disk full, a read-only or protected folder): before, this crashed the run with a
   * stack trace (disk full while streaming) or said "could not be read".
   */
  notWritten: (code: string | undefined, detail: string): Localized => {
    const kept = { nl: "het rapport is niet geschreven (een eerder rapport met deze naam is ongewijzigd)", en: "the report was not written (an earlier report of this name is left as it was)" };
    switch (code) {
      case "ENOSPC":
      case "EDQUOT":
        return { nl: `de schijf is vol; ${kept.nl}. Maak ruimte vrij of kies een andere map.`, en: `the disk is full; ${kept.en}. Free some space or choose another folder.` };
      case "EACCES":
      case "EPERM":
      case "EROFS":
        return { nl: `geen toestemming om in deze map te schrijven; ${kept.nl}. Kies een andere map.`, en: `no permission to write in this folder; ${kept.en}. Choose another folder.` };
      default:
        return { nl: `kon niet worden geschreven (${detail}); ${kept.nl}.`, en: `could not be written (${detail}); ${kept.en}.` };
    }
  },
};

export const fileErrors = {
  notFound: { nl: "bestand of map niet gevonden", en: "file or folder not found" } as Localized,
  noPermission: {
    nl: "geen toestemming om te lezen (het bestand is beveiligd of vergrendeld)",
    en: "no permission to read it (the file is protected or locked)",
  } as Localized,
  noPermissionFolder: {
    nl: "geen toestemming om deze map te openen (de map is beveiligd); de bestanden erin zijn niet gelezen",
    en: "no permission to open this folder (it is protected); its files were not read",
  } as Localized,
  busy: {
    nl: "het bestand is in gebruik door een ander programma; sluit het en probeer opnieuw",
    en: "the file is in use by another program; close it and try again",
  } as Localized,
  isDirectoryError: { nl: "dit is een map, geen bestand", en: "this is a folder, not a file" } as Localized,
  notXlsx: {
    nl: "geen geldig .xlsx-bestand (beschadigd, met een wachtwoord beveiligd, of in een ander formaat opgeslagen; .xls wordt niet ondersteund: sla op als .xlsx)",
    en: "not a valid .xlsx file (damaged, password-protected, or saved in another format; .xls is not supported: save as .xlsx)",
  } as Localized,
  oldExcel: { nl: "Excel 97–2003 (.xls): sla op als .xlsx", en: "Excel 97–2003 (.xls): save as .xlsx" } as Localized,
  unsupportedType: {
    nl: "alleen .xlsx-, .csv- en tekstbestanden (.txt) en auditfiles (.xaf) kunnen worden gelezen",
    en: "only .xlsx, .csv and text (.txt) files and auditfiles (.xaf) can be read",
  } as Localized,
  empty: { nl: "het bestand is leeg", en: "the file is empty" } as Localized,
  sheetPartMissing: {
    nl: "dit blad is niet gelezen: de werkmap noemt het, maar zijn gegevens staan niet (of niet op de gewone plaats) in het bestand; open de werkmap in Excel en sla haar opnieuw op",
    en: "this sheet was not read: the workbook names it, but its data is not in the file (or not in the usual place); open the workbook in Excel and save it again",
  } as Localized,
  noHeaderRow: {
    nl: "geen kopregel met een datum- en een bedragkolom in de eerste 15 rijen",
    en: "no header row with a date and an amount column in the first 15 rows",
  } as Localized,
  noInvoiceSheet: {
    nl: "geen blad met een kopregel met een datum- en een bedragkolom gevonden",
    en: "no sheet with a header row with a date and an amount column found",
  } as Localized,
  symlinkLoop: {
    nl: "symbolische link naar een map die al gelezen wordt (een lus); niet nog eens gelezen",
    en: "symbolic link to a folder that is already being read (a loop); not read again",
  } as Localized,
  /** A name whose bytes are not UTF-8 (on Linux): Node cannot open it by the name it read (src/cli/files.ts errorOf). */
  /** "-" given as an input (meant as standard input) with no file of that name. */
  stdin: {
    nl: "kor-check leest niet van standaardinvoer (-); geef de naam van het bestand, of sla de invoer eerst op als bestand",
    en: "kor-check does not read standard input (-); give the file's name, or save the input as a file first",
  } as Localized,
  nameNotUtf8: {
    nl: "niet gelezen: de naam van dit bestand is geen geldige UTF-8 (bijvoorbeeld een naam uit een oud zip-bestand of Windows-programma; het teken \uFFFD staat voor wat niet te lezen is), zodat het niet te openen is; geef het een nieuwe naam (bijvoorbeeld met convmv) en controleer opnieuw",
    en: "not read: this file's name is not valid UTF-8 (a name from an old zip file or Windows program, say; the sign \uFFFD stands for what cannot be read), so it cannot be opened; rename it (with convmv, say) and check again",
  } as Localized,
  /** A named pipe, socket or device (/dev/zero, a FIFO named klant.csv): opening it could wait for ever. */
  notRegular: {
    nl: "geen gewoon bestand maar een named pipe, socket of apparaat; niet gelezen (sla de gegevens op in een bestand en geef dat op)",
    en: "not a regular file but a named pipe, socket or device; not read (save the data to a file and give that)",
  } as Localized,
  /** ELOOP: a link to itself, or links that point round to each other (to files or folders alike). */
  linkCycle: {
    nl: "symbolische link die naar zichzelf wijst, of in een kring van links rondgaat (een lus); niet gelezen",
    en: "symbolic link that points to itself, or round a circle of links (a loop); not read",
  } as Localized,
  other: (detail: string): Localized => ({ nl: `kon niet worden gelezen: ${detail}`, en: `could not be read: ${detail}` }),
  outOfMemory: (mb: number): Localized => ({
    nl: `niet gecontroleerd: het lezen had meer dan ${mb} MB geheugen nodig; de andere bestanden zijn wel gecontroleerd. Geef meer met --max-memory, of splits het bestand per jaar`,
    en: `not checked: reading it needed more than ${mb} MB of memory; the other files were checked. Allow more with --max-memory, or split the file by year`,
  }),
  timedOut: (seconds: number): Localized => ({
    nl: `niet gecontroleerd: het lezen duurde langer dan ${seconds} seconden; de andere bestanden zijn wel gecontroleerd. Geef meer tijd met --timeout`,
    en: `not checked: reading it took longer than ${seconds} seconds; the other files were checked. Allow more time with --timeout`,
  }),
  /** A business's auditfiles, read together in one worker, needed more memory together: `others`, the other files. */
  togetherOutOfMemory: (mb: number, others: Localized): Localized => ({
    nl: `niet gecontroleerd: samen gelezen met ${others.nl} (dezelfde onderneming) had het lezen meer dan ${mb} MB geheugen nodig; de andere bestanden zijn wel gecontroleerd. Geef meer met --max-memory, of controleer deze auditfiles elk apart (dan zonder elkaars vorige jaar)`,
    en: `not checked: read together with ${others.en} (the same business), reading needed more than ${mb} MB of memory; the other files were checked. Allow more with --max-memory, or check these auditfiles one at a time (then without each other's previous year)`,
  }),
  /** As togetherOutOfMemory, for time: `seconds` is --timeout for each of the business's files. */
  togetherTimedOut: (seconds: number, others: Localized): Localized => ({
    nl: `niet gecontroleerd: samen gelezen met ${others.nl} (dezelfde onderneming) duurde het lezen langer dan ${seconds} seconden; de andere bestanden zijn wel gecontroleerd. Geef meer tijd met --timeout`,
    en: `not checked: read together with ${others.en} (the same business), reading took longer than ${seconds} seconds; the other files were checked. Allow more time with --timeout`,
  }),
  workerFailed: (detail: string): Localized => ({
    nl: `niet gecontroleerd: het lezen stopte onverwacht (${detail}); de andere bestanden zijn wel gecontroleerd`,
    en: `not checked: reading it stopped unexpectedly (${detail}); the other files were checked`,
  }),
};

export const out = {
  /**
   * A workbook with a sheet per year: --previous-year-turnover / --previous-year-union-turnover is the year before
   * the file's latest year, so a sheet of an older year does not use it.
   */
  givenForOtherYear: (options: string, figureYear: number, latest: number, own: number): Localized => ({
    nl: `${options} is de omzet van ${figureYear}, het jaar vóór ${latest} (het laatste jaar in dit bestand); dit blad gaat over ${own} en gebruikt die niet als vorig jaar.`,
    en: `${options} is the turnover of ${figureYear}, the year before ${latest} (the latest year in this file); this sheet is about ${own} and does not use it as its previous year.`,
  }),
  file: { nl: "Bestand", en: "File" } as Localized,
  sheet: { nl: "Blad", en: "Sheet" } as Localized,
  year: { nl: "Jaar", en: "Year" } as Localized,
  countable: { nl: "Omzet die meetelt", en: "Turnover that counts" } as Localized,
  percent: { nl: "% van grens", en: "% of limit" } as Localized,
  verdict: { nl: "Oordeel", en: "Verdict" } as Localized,
  crossing: { nl: "Omzetgrens overschreden", en: "Turnover limit crossed" } as Localized,
  previousYear: { nl: "Vorig jaar", en: "Previous year" } as Localized,
  nextStart: { nl: "Volgende start", en: "Next start" } as Localized,
  /** Next-start cell while the business is in the KOR (--in-kor-since, no crossing since). */
  inKor: { nl: "in de KOR", en: "in the KOR" } as Localized,
  /**
   * Status unknown, the outcomes differ: before the next start of a business not in the KOR, and before the
   * participant's (the words of the workbook overview, src/bulk/strings.ts, and the pane's "als in de KOR").
   */
  ifNotInKor: PARTICIPATION_TEXT.ifNotInKor,
  ifInKor: { nl: "als in de KOR:", en: "if in the KOR:" } as Localized,
  deadline: { nl: "Aanmelden uiterlijk", en: "Register by" } as Localized,
  problems: { nl: "Problemen", en: "Problems" } as Localized,
  action: { nl: "Actie", en: "Action" } as Localized,
  due: { nl: "Uiterlijk", en: "By" } as Localized,
  dueShort: { nl: "Uiterlijk", en: "By" } as Localized,
  atOnce: { nl: "direct", en: "at once" } as Localized,
  attention: { nl: "Let op", en: "Note" } as Localized,
  euKor: { nl: "EU-KOR", en: "EU-KOR" } as Localized,
  /** The date line for a Union crossing of €100,000 whose day to inform the Belastingdienst by has not passed. */
  euNotifyBy: (date: string, countdown: string): Localized => ({
    nl: `EU-KOR: meld de overschrijding van de EU-grens uiterlijk ${date} bij de Belastingdienst (${countdown})`,
    en: `EU-KOR: report the Union crossing to the Belastingdienst by ${date} (${countdown})`,
  }),
  /** The date line once the day to inform the Belastingdienst of a Union crossing has passed. */
  euNotifyOverdue: { nl: "EU-KOR: te laat — meld de overschrijding direct", en: "EU-KOR: overdue — report the Union crossing at once" } as Localized,
  /** The same in the several-sheets table's narrow date column. */
  euOverdueShort: { nl: "direct (EU-KOR, te laat)", en: "at once (EU-KOR, overdue)" } as Localized,
  /** Labels the KOR's date when the Union crossing's date is shown with it. */
  kor: { nl: "KOR", en: "KOR" } as Localized,
  provisionalNote: {
    nl: "* voorlopig: er zijn rijen met fouten die niet zijn meegeteld (zie Problemen).",
    en: "* provisional: rows with errors were not counted (see Problems).",
  } as Localized,
  how: { nl: "Hoe", en: "How" } as Localized,
  source: { nl: "Bron", en: "Source" } as Localized,
  ofLimit: (limit: string): Localized => ({ nl: `van ${limit}`, en: `of ${limit}` }),
  assumed: { nl: "(aangenomen)", en: "(assumed)" } as Localized,
  notNeeded: { nl: "niet nodig", en: "not needed" } as Localized,
  /** Beside a previous year's figure typed for a year before the previous-year test (--previous-year-turnover): shown, but it decides nothing. */
  givenNotTested: (year: number, fromYear: number): Localized => ({
    nl: `opgegeven; beslist ${year} niet: vóór ${fromYear} telt alleen de omzet van het jaar zelf`,
    en: `as given; it does not decide ${year}: before ${fromYear} only the year's own turnover counts`,
  }),
  /** Beside the previous year's figure read from rows that start late in it (previous-year-starts-late). */
  previousRowsFrom: (year: number, from: Day): Localized => ({
    nl: `onvolledig? de rijen van ${year} beginnen pas op ${formatDay(from, "nl")}: is dit heel ${year}?`,
    en: `incomplete? the rows of ${year} only start on ${formatDay(from, "en")}: is this all of ${year}?`,
  }),
  /** Beside a previous year's figure read from auditfiles that cover that year only in part (or not at all). */
  previousPartial: (year: number, covered: readonly (readonly [Day, Day])[]): Localized => {
    const span = (lang: Lang): string => covered.map(([a, b]) => `${formatDay(a, lang)} ${lang === "nl" ? "tot en met" : "to"} ${formatDay(b, lang)}`).join(lang === "nl" ? " en " : " and ");
    return covered.length > 0
      ? {
          nl: `onvolledig: de auditfiles dekken van ${year} alleen ${span("nl")}, dus dit is niet de omzet van heel ${year}`,
          en: `incomplete: the auditfiles cover only ${span("en")} of ${year}, so this is not the turnover of all of ${year}`,
        }
      : {
          nl: `onvolledig: de auditfiles dekken ${year} niet, dus dit zijn alleen boekingen gedateerd in ${year}, niet de omzet van het jaar`,
          en: `incomplete: the auditfiles do not cover ${year}, so this is only entries dated in ${year}, not the year's turnover`,
        };
  },
  row: { nl: "rij", en: "row" } as Localized,
  auditfilesTitle: { nl: "Auditfiles", en: "Auditfiles" } as Localized,
  eligible: { nl: "binnen de KOR", en: "within the KOR" } as Localized,
  notEligible: { nl: "niet binnen de KOR", en: "not within the KOR" } as Localized,
  unsupported: { nl: "niet ondersteund", en: "not supported" } as Localized,
  /** The CSV's words for the table's "*" (provisionalNote): the same, so both read alike. */
  undecided: { nl: "voorlopig: rijen met fouten niet meegeteld", en: "provisional: rows with errors not counted" } as Localized,
  notRead: { nl: "Niet gelezen", en: "Not read" } as Localized,
  skippedSheets: { nl: "Overgeslagen bladen (geen facturenlijst)", en: "Skipped sheets (not an invoice list)" } as Localized,
  problemsTitle: { nl: "Problemen", en: "Problems" } as Localized,
  moreProblems: (n: number): Localized => ({
    nl: `… en nog ${countNl(n)}; gebruik --format json voor de volledige lijst.`,
    en: `… and ${countEn(n)} more; use --format json for the full list.`,
  }),
  nothingChecked: { nl: "Er is niets gecontroleerd.", en: "Nothing was checked." } as Localized,
  assumedNote: {
    nl: "(aangenomen) = geen gegevens over het vorige jaar; als € 0 aangenomen. Geef het met --previous-year-turnover op als dat niet klopt.",
    en: "(assumed) = no data for the previous year; assumed to be €0. Give it with --previous-year-turnover if that is wrong.",
  } as Localized,
  progress: { nl: "bestanden", en: "files" } as Localized,
  ownOutput: (f: string): Localized => ({
    nl: `${f} overgeslagen: dit is uitvoer van kor-check zelf, geen facturenlijst.`,
    en: `${f} skipped: this is kor-check's own output, not an invoice list.`,
  }),
  /** A file found a second time on the command line (same path, ./a.csv and a.csv, or also in a folder given): read once. */
  sameFileTwice: (f: string, first: string): Localized =>
    f === first
      ? { nl: `${f} is twee keer gegeven; het bestand wordt één keer gelezen.`, en: `${f} was given twice; the file is read once.` }
      : { nl: `${f} overgeslagen: dat is hetzelfde bestand als ${first}, dat al gelezen wordt.`, en: `${f} skipped: it is the same file as ${first}, which is read already.` },
  slowest: { nl: "langst bezig", en: "slowest" } as Localized,
  conditionNote: {
    nl: "Let op: de KOR geldt alleen als de hoofdvestiging van de onderneming in Nederland is. Bladen van één onderneming tellen samen: tel hun omzet op.",
    en: "Note: the KOR applies only when the business's central administration is in the Netherlands. Sheets of one business count together: add up their turnover.",
  } as Localized,
};
