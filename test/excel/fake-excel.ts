/**
 * A hand-written fake of the few Excel.* objects the pane's glue uses, for tests without Excel.
 *
 * Faithful where it matters for Office.js discipline:
 * - properties must be `load`ed and a `context.sync()` must have happened before they are read (reading
 *   too early throws, like the real proxies' "property not loaded" error);
 * - `isNullObject` is only known after a sync;
 * - every sync is counted, with the number of cells it carried (`context.syncs`), so tests can assert a
 *   fixed number of syncs and the per-request size limits.
 * Writes (values, formats, charts, custom properties) apply at once and are recorded for assertions.
 *
 * Usage:
 *   const wb = new FakeWorkbook();
 *   const sheet = wb.addSheet("Facturen", [["Datum", "Bedrag"], [46023, 100]]);
 *   const context = wb.context();
 *   await readInvoiceSource(context.asExcel(), {});
 *   expect(context.syncs.length).toBe(2);
 */

type Cell = unknown;

export class NotLoadedError extends Error {}

/** "A" → 0, "AA" → 26. */
// This file is transpiled on its own into the e2e page (test/e2e/pane-excel.test.ts): it must not import
// anything, so the A1 helpers of src/reading/headers.ts are repeated here.
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B2:D10" or "B2" → 0-based box. Sheet prefixes ("Sheet1!") are ignored. */
export function parseAddress(address: string): { row: number; col: number; rows: number; cols: number } {
  const a = address.includes("!") ? address.slice(address.indexOf("!") + 1) : address;
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a.replace(/\$/g, ""));
  if (!m) throw new Error(`fake-excel: unsupported address ${address}`);
  const c1 = columnIndex(m[1]);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

export interface SyncRecord {
  /** Cells whose values were loaded in this sync. */
  readonly cells: number;
}

/** Base of every proxy: load() requests properties, sync() makes them readable. */
abstract class Proxy {
  protected requested = new Set<string>();
  protected loadedProps = new Set<string>();
  protected synced = false;
  constructor(readonly ctx: FakeContext) {
    ctx.register(this);
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : props ? Object.keys(props) : ["*"];
    for (const p of list) this.requested.add(p.trim());
    return this;
  }
  /** Called by the context at sync: snapshot requested properties. Returns cells loaded. */
  onSync(): number {
    this.synced = true;
    for (const p of this.requested) this.loadedProps.add(p);
    const cells = this.snapshot(this.requested);
    this.requested.clear();
    return cells;
  }
  protected snapshot(_props: Set<string>): number {
    return 0;
  }
  protected need(prop: string): void {
    if (!this.loadedProps.has(prop) && !this.loadedProps.has("*")) {
      throw new NotLoadedError(`fake-excel: property '${prop}' read before load() + sync()`);
    }
  }
  get isNullObject(): boolean {
    if (!this.synced) throw new NotLoadedError("fake-excel: isNullObject read before sync()");
    return this.isNull();
  }
  protected isNull(): boolean {
    return false;
  }
}

export class FakeFormat {
  font = { bold: false, size: 11, color: "#000000", italic: false };
  fill = { color: "" };
  wrapText = false;
  verticalAlignment = "Bottom";
  horizontalAlignment = "General";
  columnWidth = 64;
  borders = { getItem: (_edge: string) => ({ style: "None", color: "#000000" }) };
  autofitColumns(): void {}
}

export class FakeRange extends Proxy {
  readonly format = new FakeFormat();
  private snap: { values?: Cell[][] } = {};
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeWorksheet,
    readonly box: { row: number; col: number; rows: number; cols: number },
    private readonly nullObject = false,
  ) {
    super(ctx);
  }
  protected override isNull(): boolean {
    return this.nullObject;
  }
  protected override snapshot(props: Set<string>): number {
    if (this.nullObject) return 0;
    if (props.has("values") || props.has("*")) {
      this.snap.values = this.sheet.read(this.box);
      return this.box.rows * this.box.cols;
    }
    return 0;
  }
  get rowIndex(): number {
    this.need("rowIndex");
    return this.box.row;
  }
  get columnIndex(): number {
    this.need("columnIndex");
    return this.box.col;
  }
  get rowCount(): number {
    this.need("rowCount");
    return this.box.rows;
  }
  get columnCount(): number {
    this.need("columnCount");
    return this.box.cols;
  }
  get address(): string {
    this.need("address");
    return `${this.sheet.name}!${columnLetters(this.box.col)}${this.box.row + 1}:${columnLetters(this.box.col + this.box.cols - 1)}${this.box.row + this.box.rows}`;
  }
  get values(): Cell[][] {
    this.need("values");
    const reads = this.ctx.workbook.valueReads;
    reads.set(this.sheet.state.name, (reads.get(this.sheet.state.name) ?? 0) + 1);
    return this.snap.values ?? [];
  }
  set values(v: Cell[][]) {
    this.sheet.write(this.box, v);
    this.ctx.log.push({ op: "values", sheet: this.sheet.state.name, box: this.box });
  }
  get numberFormat(): string[][] {
    this.need("numberFormat");
    return this.sheet.readFormats(this.box);
  }
  set numberFormat(f: string[][]) {
    this.sheet.writeFormats(this.box, f);
  }
  /** What the cells show (Range.text) in a Dutch Excel; see shownInDutchExcel. */
  get text(): string[][] {
    this.need("text");
    const formats = this.sheet.readFormats(this.box);
    return this.sheet.read(this.box).map((row, r) => row.map((v, c) => shownInDutchExcel(v, formats[r][c])));
  }
  getTables(_fullyContained?: boolean): FakeTableScopedCollection {
    const hits = this.sheet.tableList.filter((t) => overlaps(t.box, this.box));
    return new FakeTableScopedCollection(this.ctx, hits);
  }
  getCell(r: number, c: number): FakeRange {
    return new FakeRange(this.ctx, this.sheet, { row: this.box.row + r, col: this.box.col + c, rows: 1, cols: 1 });
  }
  clear(): void {
    this.sheet.clear(this.box);
  }
  select(): void {
    this.ctx.workbook.selection = { sheet: this.sheet, boxes: [this.box] };
  }
}

function overlaps(a: { row: number; col: number; rows: number; cols: number }, b: { row: number; col: number; rows: number; cols: number }): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export class FakeRangeAreas {
  constructor(
    readonly ctx: FakeContext,
    readonly sheet: FakeWorksheet,
    readonly boxes: { row: number; col: number; rows: number; cols: number }[],
  ) {}
  select(): void {
    this.ctx.workbook.selection = { sheet: this.sheet, boxes: this.boxes };
  }
}

export class FakeTable extends Proxy {
  constructor(
    ctx: FakeContext,
    readonly def: TableDef,
  ) {
    super(ctx);
  }
  get name(): string {
    this.need("name");
    return this.def.name;
  }
  /** Tables have no id in this fake's state: it is derived from the name (stable within a test). */
  get id(): string {
    this.need("id");
    return tableId(this.def.name);
  }
  get showTotals(): boolean {
    this.need("showTotals");
    return this.def.showTotals ?? false;
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, this.def.sheet, this.def.box);
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, this.def.sheet, { ...this.def.box, rows: 1 });
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, this.def.sheet, { ...this.def.box, row: this.def.box.row + 1, rows: this.def.box.rows - 1 });
  }
}

export interface TableDef {
  readonly name: string;
  /** The table shows a totals row (its last row). */
  readonly showTotals?: boolean;
  readonly sheet: FakeWorksheet;
  readonly box: { row: number; col: number; rows: number; cols: number };
}

export class FakeTableScopedCollection extends Proxy {
  private readonly tables: FakeTable[];
  constructor(ctx: FakeContext, defs: TableDef[]) {
    super(ctx);
    this.tables = defs.map((d) => new FakeTable(ctx, d));
  }
  protected override snapshot(props: Set<string>): number {
    for (const p of props) if (p.startsWith("items/")) for (const t of this.tables) t.load(p.slice(6)).onSync();
    return 0;
  }
  get items(): FakeTable[] {
    this.need("items/name");
    return this.tables;
  }
}

export function tableId(name: string): string {
  return `{table-${name}}`;
}

/** A worksheet's tables: getItem by name or id, and `load("items/name,items/id")` + `items` after a sync. */
export class FakeTableCollection extends Proxy {
  private list: FakeTable[] | null = null;
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected override snapshot(props: Set<string>): number {
    for (const p of props) {
      if (!p.startsWith("items/")) continue;
      this.list ??= this.sheet.tableList.map((d) => new FakeTable(this.ctx, d));
      for (const t of this.list) t.load(p.slice(6)).onSync();
    }
    return 0;
  }
  get items(): FakeTable[] {
    if (this.list === null) throw new NotLoadedError("fake-excel: tables.items read before load() + sync()");
    return this.list;
  }
  getItem(key: string): FakeTable {
    const def = this.sheet.tableList.find((t) => t.name === key || tableId(t.name) === key);
    if (!def) throw new Error(`fake-excel: no table ${key}`);
    return new FakeTable(this.ctx, def);
  }
}

export class FakeChartPoint {
  hasDataLabel = false;
  markerStyle = "Automatic";
  markerSize = 5;
}

export class FakeChartSeries {
  format = { line: { color: "", lineStyle: "Continuous" } };
  markerStyle = "Automatic";
  readonly pointList: FakeChartPoint[] = [];
  points = { getItemAt: (i: number): FakeChartPoint => (this.pointList[i] ??= new FakeChartPoint()) };
}

export class FakeChart {
  name = "";
  title = { text: "" };
  legend = { position: "Right" };
  position: { from: unknown; to: unknown } | null = null;
  deleted = false;
  readonly seriesList: FakeChartSeries[];
  constructor(
    readonly type: string,
    readonly source: { row: number; col: number; rows: number; cols: number },
    readonly seriesBy: string,
  ) {
    const n = seriesBy === "Columns" ? source.cols - 1 : source.rows - 1;
    this.seriesList = Array.from({ length: Math.max(1, n) }, () => new FakeChartSeries());
  }
  series = {
    getItemAt: (i: number): FakeChartSeries => {
      const s = this.seriesList[i];
      if (!s) throw new Error(`fake-excel: chart has no series ${i}`);
      return s;
    },
  };
  setPosition(from: unknown, to?: unknown): void {
    this.position = { from, to };
  }
  delete(): void {
    this.deleted = true;
  }
}

export class FakeChartCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  get items(): FakeChart[] {
    this.need("items/name");
    return this.sheet.chartList.filter((c) => !c.deleted);
  }
  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    const chart = new FakeChart(type, source.box, seriesBy);
    this.sheet.chartList.push(chart);
    return chart;
  }
}

export class FakeCustomProperty extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly store: Map<string, string>,
    readonly key: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
  }
  protected override isNull(): boolean {
    return this.orNull && !this.store.has(this.key);
  }
  get value(): string {
    this.need("value");
    const v = this.store.get(this.key);
    if (v === undefined) throw new Error(`fake-excel: no custom property ${this.key}`);
    return v;
  }
}

export class FakeCustomPropertyCollection {
  constructor(
    readonly ctx: FakeContext,
    readonly store: Map<string, string>,
  ) {}
  add(key: string, value: string): FakeCustomProperty {
    this.store.set(key, value);
    return new FakeCustomProperty(this.ctx, this.store, key, false);
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.ctx, this.store, key, true);
  }
  getItem(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.ctx, this.store, key, false);
  }
}

/** One worksheet's state (shared by every context) plus its per-context proxy. */
export class FakeWorksheet extends Proxy {
  constructor(
    ctx: FakeContext,
    readonly state: SheetState,
    private readonly nullObject = false,
  ) {
    super(ctx);
  }
  protected override isNull(): boolean {
    return this.nullObject;
  }
  get name(): string {
    this.need("name");
    return this.state.name;
  }
  get id(): string {
    this.need("id");
    return this.state.id;
  }
  get tableList(): TableDef[] {
    return this.state.tables.map((t) => ({ ...t, sheet: this }));
  }
  get chartList(): FakeChart[] {
    return this.state.charts;
  }
  private tableCollection: FakeTableCollection | null = null;
  get tables(): FakeTableCollection {
    return (this.tableCollection ??= new FakeTableCollection(this.ctx, this));
  }
  get visibility(): "Visible" | "Hidden" {
    this.need("visibility");
    return this.state.visibility ?? "Visible";
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, this);
  }
  get customProperties(): FakeCustomPropertyCollection {
    return new FakeCustomPropertyCollection(this.ctx, this.state.customProperties);
  }
  readonly freezePanes = { freezeRows: (rows: number): void => void (this.state.frozenRows = rows) };
  activate(): void {
    this.ctx.workbook.state.active = this.state;
    // As in Excel, the selection is the activated sheet's own: a selection on another sheet is gone.
    if (this.ctx.workbook.selection?.sheet.state !== this.state) this.ctx.workbook.selection = null;
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) throw new Error("fake-excel: empty range");
    return new FakeRange(this.ctx, this, { row, col, rows, cols });
  }
  /** Whole sheet when no address is given (as Excel's getRange()). */
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.ctx, this, { row: 0, col: 0, rows: 1_048_576, cols: 16_384 });
    return new FakeRange(this.ctx, this, parseAddress(address));
  }
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this, address.split(",").map((a) => parseAddress(a.trim())));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const box = usedBox(this.state.cells);
    return box === null ? new FakeRange(this.ctx, this, { row: 0, col: 0, rows: 1, cols: 1 }, true) : new FakeRange(this.ctx, this, box);
  }
  read(box: { row: number; col: number; rows: number; cols: number }): Cell[][] {
    const out: Cell[][] = [];
    for (let r = 0; r < box.rows; r++) {
      const src = this.state.cells[box.row + r];
      const row: Cell[] = new Array<Cell>(box.cols);
      for (let c = 0; c < box.cols; c++) {
        const v = src?.[box.col + c];
        row[c] = v === undefined || v === null ? "" : v;
      }
      out.push(row);
    }
    return out;
  }
  write(box: { row: number; col: number; rows: number; cols: number }, values: Cell[][]): void {
    if (values.length !== box.rows || values.some((r) => r.length !== box.cols)) {
      throw new Error(`fake-excel: values are ${values.length}×${values[0]?.length ?? 0}, range is ${box.rows}×${box.cols}`);
    }
    for (let r = 0; r < box.rows; r++) {
      const row = (this.state.cells[box.row + r] ??= []);
      for (let c = 0; c < box.cols; c++) {
        const format = this.state.formats.get(`${box.row + r},${box.col + c}`) ?? "General";
        row[box.col + c] = enteredAs(values[r][c], format);
      }
    }
  }
  readFormats(box: { row: number; col: number; rows: number; cols: number }): string[][] {
    return Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.cols }, (_, c) => this.state.formats.get(`${box.row + r},${box.col + c}`) ?? "General"));
  }
  writeFormats(box: { row: number; col: number; rows: number; cols: number }, f: string[][]): void {
    for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.cols; c++) this.state.formats.set(`${box.row + r},${box.col + c}`, f[r][c]);
  }
  clear(box: { row: number; col: number; rows: number; cols: number }): void {
    for (let r = box.row; r < Math.min(this.state.cells.length, box.row + box.rows); r++) {
      const row = this.state.cells[r];
      if (!row) continue;
      for (let c = box.col; c < Math.min(row.length, box.col + box.cols); c++) row[c] = undefined;
    }
    this.state.formats.clear();
  }
}

/**
 * What Excel makes of a value written through `Range.values`, as if typed: in a cell not formatted as text
 * ("@"), a string starting with "=" is a formula, "+"/"-" followed by a number is that number and any other
 * "+"/"-" text a formula (usually #NAME?); a leading "'" is the quote prefix (text, the quote not shown).
 * Formulas are kept as `{ formula }` so tests see that a text became one.
 */
export interface FakeFormula {
  readonly formula: string;
}

/**
 * What a Dutch Excel (nl-NL: "." groups thousands, "," before the cents) shows for `value` in a cell with
 * number format `format`: enough of Excel's format language for the sheets' amounts and percentages
 * (sections split by ";", the second for negative numbers without a sign of its own, "quoted" literals,
 * `#,##0.00` placeholders, `%`). Other formats show the value as is.
 */
export function shownInDutchExcel(value: Cell, format: string): string {
  if (typeof value !== "number") return String(value ?? "");
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  const negative = value < 0;
  const section = negative && sections.length > 1 ? sections[1] : sections[0];
  if (section === "General" || !/[#0]/.test(section)) return String(value).replace(".", ",");
  let n = negative && sections.length > 1 ? -value : value;
  if (section.replace(/"[^"]*"/g, "").includes("%")) n *= 100;
  let out = negative && sections.length === 1 ? "-" : "";
  for (let i = 0; i < section.length; ) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end);
      i = end + 1;
    } else if (ch === "\\") {
      out += section[i + 1];
      i += 2;
    } else if (/[#0,.]/.test(ch)) {
      let j = i;
      while (j < section.length && /[#0,.]/.test(section[j])) j++;
      const pattern = section.slice(i, j);
      const decimals = pattern.includes(".") ? pattern.split(".")[1].replace(/[^0]/g, "").length : 0;
      const [whole, cents] = Math.abs(n).toFixed(decimals).split(".");
      const grouped = pattern.split(".")[0].includes(",") ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : whole;
      out += (n < 0 ? "-" : "") + grouped + (cents !== undefined ? `,${cents}` : "");
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

export function enteredAs(value: Cell, format: string): Cell {
  if (typeof value !== "string" || format === "@") return value;
  if (value.startsWith("'")) return value.slice(1);
  if (/^[+-]\s*\d+([.,]\d+)?$/.test(value)) return Number(value.replace(",", ".").replace(/\s/g, ""));
  if (/^[=+-]/.test(value) && value.length > 1) return { formula: value.startsWith("=") ? value : `=${value}` } satisfies FakeFormula;
  return value;
}

function usedBox(cells: Cell[][]): { row: number; col: number; rows: number; cols: number } | null {
  let r1 = Infinity;
  let r2 = -1;
  let c1 = Infinity;
  let c2 = -1;
  cells.forEach((row, r) => {
    row?.forEach((v, c) => {
      if (v === undefined || v === null || v === "") return;
      r1 = Math.min(r1, r);
      r2 = Math.max(r2, r);
      c1 = Math.min(c1, c);
      c2 = Math.max(c2, c);
    });
  });
  return r2 < 0 ? null : { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

export interface SheetState {
  name: string;
  readonly id: string;
  cells: Cell[][];
  readonly formats: Map<string, string>;
  readonly tables: { name: string; box: { row: number; col: number; rows: number; cols: number }; showTotals?: boolean }[];
  readonly charts: FakeChart[];
  readonly customProperties: Map<string, string>;
  /** Default "Visible". */
  visibility?: "Visible" | "Hidden";
  frozenRows?: number;
}

/**
 * `workbook.functions`: only `date(year, month, day)`, the probe the pane uses to learn the workbook's date
 * system. Excel evaluates it in the workbook's own system: DATE(2000,1,1) is 36526 in the 1900 system and
 * 35064 in the 1904 system. `dateSystem` "error" gives the result an error (`error` "#VALUE!", `value` null).
 */
export class FakeFunctions {
  constructor(private readonly ctx: FakeContext) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    const system = this.ctx.workbook.dateSystem;
    const days1970 = Date.UTC(year, month - 1, day) / 86_400_000;
    const serial1900 = days1970 + 25_569;
    if (system === "error" || system === null) return new FakeFunctionResult(this.ctx, null, "#VALUE!");
    return new FakeFunctionResult(this.ctx, system === 1904 ? serial1900 - 1462 : serial1900, "");
  }
}

export class FakeFunctionResult extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly result: number | null,
    private readonly err: string,
  ) {
    super(ctx);
  }
  get value(): number | null {
    this.need("value");
    return this.result;
  }
  get error(): string {
    this.need("error");
    return this.err;
  }
}

/** The workbook's worksheets: getItem by name or id, and `load("items/…")` + `items` after a sync. */
export class FakeWorksheetCollection extends Proxy {
  private list: FakeWorksheet[] | null = null;
  constructor(ctx: FakeContext) {
    super(ctx);
  }
  protected override snapshot(props: Set<string>): number {
    for (const p of props) {
      if (!p.startsWith("items/")) continue;
      this.list ??= this.ctx.workbook.state.sheets.map((s) => new FakeWorksheet(this.ctx, s));
      for (const w of this.list) w.load(p.slice(6)).onSync();
    }
    return 0;
  }
  get items(): FakeWorksheet[] {
    if (this.list === null) throw new NotLoadedError("fake-excel: worksheets.items read before load() + sync()");
    return this.list;
  }
  private proxy(state: SheetState | undefined, orNull: boolean): FakeWorksheet {
    if (!state && !orNull) throw new Error("fake-excel: ItemNotFound");
    return new FakeWorksheet(this.ctx, state ?? nullSheet(), !state);
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.proxy(this.ctx.workbook.state.active, false);
  }
  /** By name or id, as Excel's worksheets.getItem. */
  getItem(key: string): FakeWorksheet {
    return this.proxy(this.find(key), false);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return this.proxy(this.find(key), true);
  }
  add(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.workbook.createSheet(name));
  }
  /** Event handlers are kept on the workbook; fire them with `FakeWorkbook.fire(event, args)`. */
  onActivated = { add: (handler: EventHandler) => this.ctx.workbook.addHandler("activated", handler, this.ctx) };
  onChanged = { add: (handler: EventHandler) => this.ctx.workbook.addHandler("changed", handler, this.ctx) };
  onAdded = { add: (handler: EventHandler) => this.ctx.workbook.addHandler("added", handler, this.ctx) };
  onDeleted = { add: (handler: EventHandler) => this.ctx.workbook.addHandler("deleted", handler, this.ctx) };
  onNameChanged = { add: (handler: EventHandler) => this.ctx.workbook.addHandler("nameChanged", handler, this.ctx) };
  private find(key: string): SheetState | undefined {
    return this.ctx.workbook.state.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }
}

function nullSheet(): SheetState {
  return { name: "", id: "", cells: [], formats: new Map(), tables: [], charts: [], customProperties: new Map() };
}

/** One request context: proxies register here; `sync()` resolves their loads and is counted. */
export class FakeContext {
  readonly syncs: SyncRecord[] = [];
  readonly log: { op: string; sheet: string; box: unknown }[] = [];
  private proxies: Proxy[] = [];
  readonly workbookProxy: {
    worksheets: FakeWorksheetCollection;
    getSelectedRange: () => FakeRange;
    /** Absent when the workbook has no `dateSystem` (a host without the probe: the pane assumes 1900). */
    functions?: FakeFunctions;
  };
  readonly application = {
    suspended: 0,
    suspendApiCalculationUntilNextSync: (): void => {
      this.application.suspended++;
    },
  };
  constructor(readonly workbook: FakeWorkbook) {
    this.workbookProxy = {
      worksheets: new FakeWorksheetCollection(this),
      getSelectedRange: () => {
        const sel = workbook.selection;
        const state = sel?.sheet.state ?? workbook.state.active;
        if (!state) throw new Error("fake-excel: the workbook has no sheet");
        const sheet = new FakeWorksheet(this, state);
        return new FakeRange(this, sheet, sel?.boxes[0] ?? { row: 0, col: 0, rows: 1, cols: 1 });
      },
      ...(workbook.dateSystem !== null ? { functions: new FakeFunctions(this) } : {}),
    };
  }
  register(p: Proxy): void {
    this.proxies.push(p);
  }
  async sync(): Promise<void> {
    let cells = 0;
    for (const p of this.proxies) cells += p.onSync();
    this.syncs.push({ cells });
    await Promise.resolve();
  }
  /** This context as the Excel type the code under test expects. */
  asExcel(): Excel.RequestContext {
    return { workbook: this.workbookProxy, application: this.application, sync: () => this.sync() } as unknown as Excel.RequestContext;
  }
}

type WorkbookEventName = "activated" | "changed" | "added" | "deleted" | "nameChanged";
type EventHandler = (args: Record<string, unknown>) => Promise<void>;

export class FakeWorkbook {
  readonly state: { sheets: SheetState[]; active: SheetState | undefined } = { sheets: [], active: undefined };
  selection: { sheet: FakeWorksheet; boxes: { row: number; col: number; rows: number; cols: number }[] } | null = null;
  /**
   * The date system `workbook.functions.date` evaluates in (a Mac workbook: 1904); "error": the function gives
   * an error result; null (default): no `workbook.functions` at all. The cells hold what `range.values` gives,
   * so in a 1904 workbook put 1904 serials in them.
   */
  dateSystem: 1900 | 1904 | "error" | null = null;
  private nextId = 1;

  createSheet(name: string): SheetState {
    if (this.state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`fake-excel: sheet ${name} exists`);
    const state: SheetState = { name, id: `{sheet-${this.nextId++}}`, cells: [], formats: new Map(), tables: [], charts: [], customProperties: new Map() };
    this.state.sheets.push(state);
    this.state.active ??= state;
    return state;
  }

  /** Adds a sheet with values starting at `topLeft` (default A1); the first sheet added is active. */
  addSheet(name: string, values: Cell[][] = [], topLeft = "A1"): SheetState {
    const state = this.createSheet(name);
    const { row, col } = parseAddress(topLeft);
    values.forEach((r, i) => {
      const target = (state.cells[row + i] ??= []);
      r.forEach((v, j) => (target[col + j] = v));
    });
    return state;
  }

  private handlers: { event: WorkbookEventName; handler: EventHandler }[] = [];
  /** How many times each sheet's cell values were read (a range's `values` after a sync), by sheet name. */
  readonly valueReads = new Map<string, number>();

  addHandler(event: WorkbookEventName, handler: EventHandler, ctx: FakeContext): { context: FakeContext; remove: () => void } {
    const entry = { event, handler };
    this.handlers.push(entry);
    return { context: ctx, remove: () => void (this.handlers = this.handlers.filter((h) => h !== entry)) };
  }

  /**
   * Fires the worksheet collection's event handlers, as Excel does after a sheet switch, an edit, or a sheet
   * added, deleted or renamed; `args` as Excel's event arguments (for "changed": `{ worksheetId }`).
   */
  async fire(event: WorkbookEventName, args: Record<string, unknown> = {}): Promise<void> {
    for (const h of this.handlers.filter((x) => x.event === event)) await h.handler(args);
  }

  addTable(sheet: SheetState, name: string, address: string, options: { showTotals?: boolean } = {}): void {
    sheet.tables.push({ name, box: parseAddress(address), showTotals: options.showTotals });
  }

  activate(sheet: SheetState): void {
    this.state.active = sheet;
  }

  /** Selects a cell or range on the active sheet (for "the table around the selection"). */
  select(address: string): void {
    const ctx = this.context();
    const sheet = new FakeWorksheet(ctx, this.state.active ?? this.createSheet("Blad1"));
    this.selection = { sheet, boxes: [parseAddress(address)] };
  }

  sheet(name: string): SheetState | undefined {
    return this.state.sheets.find((s) => s.name === name);
  }

  context(): FakeContext {
    return new FakeContext(this);
  }
}
