/**
 * The public interface: the metadata generated from the JSDoc in src/functions/functions.ts must match the
 * table of issue 3 (ids, parameter order, optional flags) and functions-nl.json must have the same ids,
 * names and parameters with Dutch descriptions. Ids are stored in users' workbooks: this test guards them.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import nlTexts from "../../src/functions/functions-nl.json";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dutchMetadata, withDataTypeFlags } = require("../../scripts/functions-nl.js") as {
  dutchMetadata(m: Metadata, nl: unknown): Metadata;
  withDataTypeFlags(m: Metadata): Metadata & Record<string, unknown>;
};

interface Parameter {
  name: string;
  description: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  options?: Record<string, boolean>;
  result?: { dimensionality?: string; type?: string };
}
interface Metadata {
  functions: FunctionMeta[];
}

/** The public interface of issue 3: formula → parameters ("?" = optional). */
const INTERFACE: Record<string, string[]> = {
  COUNTABLE: ["dates", "amounts", "categories?", "year?"],
  ELIGIBLE: ["dates", "amounts", "categories?", "year?", "previousYearTurnover?"],
  CROSSING: ["dates", "amounts", "categories?", "year?"],
  DEADLINE: ["startDate", "period?"],
  START: ["receivedDate", "period?"],
  STATUS: ["dates", "amounts", "categories?", "year?", "previousYearTurnover?"],
  REPORT: ["dates", "amounts", "categories?", "year?"],
  ISCOUNTABLE: ["category"],
  EUTURNOVER: ["dates", "amounts", "countries", "categories?", "year?"],
  EUELIGIBLE: ["dates", "amounts", "countries", "country", "categories?", "year?", "threshold?", "previousYearUnionTurnover?"],
  REVISION: ["vatDeducted", "firstUseDates", "kinds", "korStartDate", "year?"],
};
const RANGES = new Set(["dates", "amounts", "categories", "countries", "vatDeducted", "firstUseDates", "kinds"]);

let metadata: Metadata;
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([path.resolve(__dirname, "../../src/functions/functions.ts")], true);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as Metadata;
}, 60_000);

describe("functions.json (generated from the JSDoc)", () => {
  it("has exactly the eleven ids of the public interface, named as their ids", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(INTERFACE).sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it.each(Object.entries(INTERFACE))("%s has the parameters %j in that order", (id, params) => {
    const f = metadata.functions.find((x) => x.id === id);
    expect(f?.parameters.map((p) => p.name + (p.optional === true ? "?" : ""))).toEqual(params);
    for (const p of f?.parameters ?? []) {
      expect(p.dimensionality === "matrix").toBe(RANGES.has(p.name));
      expect(p.description.length).toBeGreaterThan(10);
    }
  });

  it("asks Excel for the parameter addresses of every function that reads ranges", () => {
    for (const f of metadata.functions) {
      const readsRanges = f.parameters.some((p) => RANGES.has(p.name));
      expect(f.options?.requiresParameterAddresses === true).toBe(readsRanges);
    }
  });

  it("spills REPORT and lets date results be formatted values", () => {
    expect(metadata.functions.find((f) => f.id === "REPORT")?.result?.dimensionality).toBe("matrix");
    for (const id of ["CROSSING", "DEADLINE", "START"]) expect(metadata.functions.find((f) => f.id === id)?.result?.type).toBeUndefined();
    const flagged = withDataTypeFlags(metadata);
    expect(flagged.allowCustomDataForDataTypeAny).toBe(true);
    expect(flagged.allowErrorForDataTypeAny).toBe(true);
  });
});

describe("the help for the countries argument (EUTURNOVER, EUELIGIBLE)", () => {
  it.each(["EUTURNOVER", "EUELIGIBLE"])("%s: says empty is NL only for turnover that counts, and that a buitenland row needs its state", (id) => {
    const en = metadata.functions.find((f) => f.id === id)?.parameters.find((p) => p.name === "countries")?.description;
    expect(en).toBe(
      "Member state where each supply is made (NL, DE, BE, …). Empty means NL for turnover that counts for the KOR; a buitenland row needs the state where it is taxed (#VALUE! without it, or with NL).",
    );
    const nl = dutchMetadata(metadata, nlTexts).functions.find((f) => f.id === id)?.parameters.find((p) => p.name === "countries")?.description;
    expect(nl).toBe(
      "Lidstaat waar elke levering of dienst plaatsvindt (NL, DE, BE, …). Leeg betekent NL bij omzet die voor de KOR meetelt; een buitenland-rij heeft de lidstaat nodig waar die belast is (anders, of met NL, #WAARDE!).",
    );
  });
});

describe("the help for the euro arguments where 0 means not given (desktop Excel passes an empty cell as 0)", () => {
  const PREVIOUS = {
    en: "The previous year's turnover that counts, in euros (e.g. from last year's sheet); it wins over last year's rows in dates. 0 or empty: not given, last year's rows count.",
    nl: "Omzet die meetelt van het vorige jaar in euro (bijvoorbeeld van het blad van vorig jaar); gaat voor op de rijen van vorig jaar in de datums. 0 of leeg: niet opgegeven, de rijen van vorig jaar tellen.",
  };
  const CASES: [string, string, { en: string; nl: string }][] = [
    ["ELIGIBLE", "previousYearTurnover", PREVIOUS],
    ["STATUS", "previousYearTurnover", PREVIOUS],
    [
      "EUELIGIBLE",
      "previousYearUnionTurnover",
      {
        en: "Union turnover of the previous year in euros (e.g. from last year's sheet); it wins over last year's rows in dates. 0 or empty: not given, last year's rows count.",
        nl: "EU-omzet van vorig jaar in euro (bijvoorbeeld van het blad van vorig jaar); gaat voor op de rijen van vorig jaar in de datums. 0 of leeg: niet opgegeven, de rijen van vorig jaar tellen.",
      },
    ],
    [
      "EUELIGIBLE",
      "threshold",
      {
        en: "That state's national threshold in euros, where none is verified (#N/A asks for it). 0 or empty: not given, the verified threshold counts.",
        nl: "De nationale omzetgrens van die lidstaat in euro, als er geen gecontroleerde grens is (#N/B vraagt erom). 0 of leeg: niet opgegeven, de gecontroleerde grens telt.",
      },
    ],
  ];
  it.each(CASES)("%s %s: says that 0 or an empty cell is not given, in English and Dutch", (id, param, texts) => {
    const en = metadata.functions.find((f) => f.id === id)?.parameters.find((p) => p.name === param)?.description;
    expect(en).toBe(texts.en);
    const nl = dutchMetadata(metadata, nlTexts).functions.find((f) => f.id === id)?.parameters.find((p) => p.name === param)?.description;
    expect(nl).toBe(texts.nl);
  });
});

describe("functions-nl.json", () => {
  it("keeps ids, names and parameters and replaces every description with Dutch", () => {
    const nl = dutchMetadata(metadata, nlTexts);
    expect(nl.functions.map((f) => [f.id, f.name, f.parameters.map((p) => [p.name, p.optional, p.dimensionality])])).toEqual(
      metadata.functions.map((f) => [f.id, f.name, f.parameters.map((p) => [p.name, p.optional, p.dimensionality])]),
    );
    nl.functions.forEach((f, i) => {
      const en = metadata.functions[i];
      expect(f.description).not.toBe(en.description);
      f.parameters.forEach((p, j) => expect(p.description).not.toBe(en.parameters[j].description));
    });
  });

  it("fails the build when a Dutch text is missing or names something that does not exist", () => {
    const missing = JSON.parse(JSON.stringify(nlTexts)) as Record<string, { parameters: Record<string, string> }>;
    delete missing.REPORT.parameters.year;
    expect(() => dutchMetadata(metadata, missing)).toThrow(/REPORT: no Dutch text for parameter year/);
    expect(() => dutchMetadata(metadata, { ...nlTexts, RENAMED: { description: "x", parameters: {} } })).toThrow(/unknown function RENAMED/);
  });
});
