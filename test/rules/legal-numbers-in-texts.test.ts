/**
 * Legal numbers named in texts come from the parameter table (src/rules/parameters.ts), never typed into the
 * text: when the law changes, a new row changes every sentence that names the figure. Here the table is
 * replaced by one where the new rules start in 2027 after a 4-year minimum, the herziening minimum is €600,
 * the revision periods are 6 and 11 years and the notice is 30 days: the texts must say so.
 */
import type * as Parameters from "../../src/rules/parameters";
import type * as DecisionStrings from "../../src/taskpane/decision-strings";
import type * as PaneStrings from "../../src/taskpane/strings";
import type * as BulkStrings from "../../src/bulk/strings";
import type * as Summary from "../../src/rules/summary";
import type * as Decision from "../../src/rules/decision";
import type * as FunctionTable from "../../src/functions/function-table";
import type * as FunctionStrings from "../../src/functions/strings";
import type * as Eligibility from "../../src/rules/eligibility";
import type * as Participation from "../../src/rules/participation";
import { d } from "./helpers";

interface Loaded {
  D: typeof DecisionStrings.D;
  S: typeof PaneStrings.S;
  BASIS_TEXT: typeof BulkStrings.BASIS_TEXT;
  VERDICT_TEXT: typeof BulkStrings.VERDICT_TEXT;
  CENTRAL: typeof Summary.CENTRAL_ADMINISTRATION_CONDITION;
  METHOD: typeof Decision.REVISION_METHOD;
  FUNCTION_DOCS: typeof FunctionTable.FUNCTION_DOCS;
  functionStrings: typeof FunctionStrings;
  eligibility: typeof Eligibility.eligibility;
  voluntaryExit: typeof Participation.voluntaryExit;
}

/* eslint-disable @typescript-eslint/no-require-imports */
function load(changed: boolean): Loaded {
  let loaded: Loaded | undefined;
  jest.isolateModules(() => {
    if (changed) {
      jest.doMock("../../src/rules/parameters", () => {
        const actual = jest.requireActual<typeof Parameters>("../../src/rules/parameters");
        const latest: Partial<Record<Parameters.ParameterId, number>> = {
          "revision-minimum": 60_000,
          "revision-period-movable-years": 6,
          "revision-period-real-estate-years": 11,
          "registration-notice-days": 30,
          "eu-national-tolerance-AT": 12,
        };
        return {
          ...actual,
          NEW_KOR_RULES_YEAR: 2027,
          OLD_MINIMUM_PARTICIPATION_YEARS: 4,
          latestParameter: (id: Parameters.ParameterId): number => latest[id] ?? actual.latestParameter(id),
        };
      });
    }
    const bulk = require("../../src/bulk/strings") as typeof BulkStrings;
    loaded = {
      D: (require("../../src/taskpane/decision-strings") as typeof DecisionStrings).D,
      S: (require("../../src/taskpane/strings") as typeof PaneStrings).S,
      BASIS_TEXT: bulk.BASIS_TEXT,
      VERDICT_TEXT: bulk.VERDICT_TEXT,
      CENTRAL: (require("../../src/rules/summary") as typeof Summary).CENTRAL_ADMINISTRATION_CONDITION,
      METHOD: (require("../../src/rules/decision") as typeof Decision).REVISION_METHOD,
      FUNCTION_DOCS: (require("../../src/functions/function-table") as typeof FunctionTable).FUNCTION_DOCS,
      functionStrings: require("../../src/functions/strings") as typeof FunctionStrings,
      eligibility: (require("../../src/rules/eligibility") as typeof Eligibility).eligibility,
      voluntaryExit: (require("../../src/rules/participation") as typeof Participation).voluntaryExit,
    };
  });
  jest.dontMock("../../src/rules/parameters");
  return loaded as Loaded;
}
/* eslint-enable @typescript-eslint/no-require-imports */

describe("legal numbers in texts come from the parameter table", () => {
  it("today's table: the texts read as before (2025, 3 years, € 500, 5/10 years, 29 days)", () => {
    const t = load(false);
    expect(t.D.joinedHint).toEqual({
      nl: "Alleen nodig voor afmelden vóór 2025 (toen gold een minimum van 3 jaar).",
      en: "Only needed for exits before 2025 (a 3-year minimum applied then).",
    });
    expect(t.CENTRAL.nl).toContain("Vanaf 2025 is een vaste inrichting");
    expect(t.D.belowMinimum).toEqual({ nl: "€ 0 (onder € 500)", en: "€0 (under €500)" });
    expect(t.METHOD.nl).toContain("(roerend 5 jaar: 1/5 per jaar; onroerend 10 jaar: 1/10 per jaar;");
    expect(t.BASIS_TEXT["not-needed"]).toEqual({ nl: "niet nodig (vóór 2025)", en: "not needed (before 2025)" });
    expect(t.S.stateToleranceNote.en).toContain("only Austria's (10%) is verified");
    expect(t.VERDICT_TEXT.unsupported).toEqual({ nl: "Niet ondersteund (vóór 2020)", en: "Not supported (before 2020)" });
    expect(t.FUNCTION_DOCS.find((f) => f.id === "DEADLINE")?.returns.nl).toContain("(29 dagen ervoor)");
  });

  it("a changed table: every such text names the new figures", () => {
    const t = load(true);
    expect(t.D.joinedHint).toEqual({
      nl: "Alleen nodig voor afmelden vóór 2027 (toen gold een minimum van 4 jaar).",
      en: "Only needed for exits before 2027 (a 4-year minimum applied then).",
    });
    expect(t.CENTRAL.nl).toContain("Vanaf 2027 is een vaste inrichting");
    expect(t.CENTRAL.en).toContain("From 2027 a Dutch fixed establishment");
    expect(t.D.belowMinimum).toEqual({ nl: "€ 0 (onder € 600)", en: "€0 (under €600)" });
    expect(t.D.revisionIntro.nl).toContain("roerende zaken 1/6 per jaar over 6 jaar, onroerende zaken 1/11 per jaar over 11 jaar");
    expect(t.D.revisionIntro.en).toContain("is under €600");
    expect(t.METHOD.nl).toContain("(roerend 6 jaar: 1/6 per jaar; onroerend 11 jaar: 1/11 per jaar;");
    expect(t.METHOD.en).toContain("The €600 minimum a year");
    expect(t.BASIS_TEXT["not-needed"]).toEqual({ nl: "niet nodig (vóór 2027)", en: "not needed (before 2027)" });
    expect(t.S.basis["not-needed"]).toEqual({ nl: "niet nodig vóór 2027", en: "not needed before 2027" });
    expect(t.S.stateToleranceNote.nl).toContain("alleen die van Oostenrijk (12%) is gecontroleerd");
    const deadline = t.FUNCTION_DOCS.find((f) => f.id === "DEADLINE");
    expect(deadline?.returns.nl).toContain("(30 dagen ervoor)");
    expect(deadline?.returns.en).toContain("(30 days before it)");
    expect(t.FUNCTION_DOCS.find((f) => f.id === "ELIGIBLE")?.returns.nl).toContain("vanaf 2027, vorig jaar");
    expect(t.functionStrings.KIND_MISSING.nl).toContain("(auto, machine, computer: 6 jaar) of \"onroerend\" (pand, grond: 11 jaar)");

    // A year before the previous-year test (the real table has none in 2023): the reason names the table's year.
    const r = t.eligibility({ rows: [], year: 2023 });
    expect(r.reasons.map((x) => x.en).join(" ")).toContain("(the previous-year test applies from 2027)");
  });

  it("a changed table: a refused exit before the new rules names the last year of the minimum", () => {
    const t = load(true);
    const exit = t.voluntaryExit({ joined: d("2022-01-01"), wantedExit: d("2023-07-01"), period: "quarter" });
    expect(exit.allowed).toBe(false);
    expect(exit.reasons[0].nl).toContain("tot en met 2026 moest u minstens 3 jaar deelnemen");
  });
});
