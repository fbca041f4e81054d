/**
 * The KOR rules: pure functions over typed invoice rows, no Office, Excel or DOM. Adapters (custom
 * functions, task pane, command line) import from here.
 */
export * from "./dates";
export * from "./money";
export * from "./types";
export * from "./summary-types";
export * from "./parameters";
export * from "./categories";
export * from "./turnover";
export * from "./crossing";
export * from "./eligibility";
export * from "./periods";
export * from "./next-start";
export * from "./participation";
export * from "./eu";
export * from "./herziening";
export * from "./summary";
export * from "./advice";
