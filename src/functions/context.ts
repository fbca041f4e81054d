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

/** CustomFunctionsRuntime 1.4 (formatted number values): web, Microsoft 365 Windows ≥ 2208, Mac ≥ 16.64. */
export function supportsFormattedValues(): boolean {
  try {
    const check = office()?.context?.requirements?.isSetSupported;
    return typeof check === "function" ? check.call(office()?.context?.requirements, "CustomFunctionsRuntime", "1.4") === true : false;
  } catch {
    return false;
  }
}

/** Today in the Netherlands (the functions never use the machine's time zone). */
export function today(): Day {
  return todayInNetherlands();
}
