/**
 * What the functions learn from their host: the display language, whether the client can show a
 * formatted (date) value, and today's date in the Netherlands. Every probe tolerates a missing or partial
 * `Office` global (jest, an old client, the page before Office.onReady).
 */
import { langFromLocale, type Lang } from "../i18n/types";
import { todayInNetherlands, type Day } from "../rules/dates";

interface OfficeLike {
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported?: (name: string, version?: string) => boolean };
  };
}

function office(): OfficeLike | null {
  const g = globalThis as unknown as { Office?: OfficeLike };
  return g.Office ?? null;
}

/** Office.context.displayLanguage → "nl" for nl-NL / nl-BE, else "en" (also when Office is not there). */
export function currentLang(): Lang {
  try {
    return langFromLocale(office()?.context?.displayLanguage);
  } catch {
    return "en";
  }
}

/** Whether the host says it has requirement set `name` `version`; `unknown` when it cannot say (no Office, no check). */
function supportsSet(name: string, version: string, unknown: boolean): boolean {
  try {
    const requirements = office()?.context?.requirements;
    const check = requirements?.isSetSupported;
    return typeof check === "function" ? check.call(requirements, name, version) === true : unknown;
  } catch {
    return unknown;
  }
}

/** CustomFunctionsRuntime 1.4 (formatted number values): web, Microsoft 365 Windows ≥ 2208, Mac ≥ 16.64. */
export function supportsFormattedValues(): boolean {
  return supportsSet("CustomFunctionsRuntime", "1.4", false);
}

/**
 * ExcelApi 1.2 (the worksheet function API the date-system probe uses: dateSystem.ts). A host that cannot say
 * is asked anyway: the probe itself falls back to the 1900 system when it cannot run.
 */
export function supportsExcelApi12(): boolean {
  return supportsSet("ExcelApi", "1.2", true);
}

/** Today in the Netherlands (the functions never use the machine's time zone). */
export function today(): Day {
  return todayInNetherlands();
}
