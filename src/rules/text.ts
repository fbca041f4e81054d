/** Short helpers for building Localized messages: amounts and dates in each language's own format. */
import { formatDay, type Day } from "./dates";
import { formatEuros, type Cents } from "./money";

export const eurNl = (c: Cents): string => formatEuros(c, "nl");
export const eurEn = (c: Cents): string => formatEuros(c, "en");
export const dayNl = (d: Day): string => formatDay(d, "nl");
export const dayEn = (d: Day): string => formatDay(d, "en");
