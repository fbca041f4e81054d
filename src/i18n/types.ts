/** Display languages of the add-in: Dutch for a Dutch Office, English otherwise. */
export type Lang = "nl" | "en";

/** A user-visible text in both languages. Every message the engine produces is one of these. */
export interface Localized {
  readonly nl: string;
  readonly en: string;
}

/** Office.context.displayLanguage ("nl-NL", "nl-BE", "en-US", …) → Lang. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === "string" && locale.toLowerCase().startsWith("nl") ? "nl" : "en";
}
