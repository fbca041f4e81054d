/**
 * A small fake of the Excel objects the all-sheets check uses (worksheets with visibility and tables,
 * used ranges, getRangeByIndexes). test/excel/fake-excel.ts has no worksheet list or table ids, so this one
 * is separate. Like the real proxies: a property is readable only after load() and a sync; every sync is
 * counted with the number of cells it carried.
 */
type Box = { row: number; col: number; rows: number; cols: number };

export interface FakeSheetDef {
  name: string;
  cells: unknown[][];
  visibility?: "Visible" | "Hidden";
  tables?: { name: string; row: number; col: number; rows: number; cols: number }[];
}

class Ctx {
  syncs: number[] = [];
  pending: (() => number)[] = [];
  async sync(): Promise<void> {
    let cells = 0;
    for (const f of this.pending) cells += f();
    this.pending = [];
    this.syncs.push(cells);
    await Promise.resolve();
  }
}

class Range {
  private loaded = false;
  constructor(
    private readonly ctx: Ctx,
    private readonly def: FakeSheetDef,
    private readonly box: Box | null,
  ) {}
  load(props: string): this {
    const wantsValues = props.split(",").includes("values");
    this.ctx.pending.push(() => {
      this.loaded = true;
      return wantsValues && this.box ? this.box.rows * this.box.cols : 0;
    });
    return this;
  }
  private need<T>(v: T): T {
    if (!this.loaded) throw new Error("fake: property not loaded (load + sync first)");
    return v;
  }
  get isNullObject(): boolean {
    return this.need(this.box === null);
  }
  private get b(): Box {
    if (this.box === null) throw new Error("fake: null object");
    return this.box;
  }
  get rowIndex(): number {
    return this.need(this.b.row);
  }
  get columnIndex(): number {
    return this.need(this.b.col);
  }
  get rowCount(): number {
    return this.need(this.b.rows);
  }
  get columnCount(): number {
    return this.need(this.b.cols);
  }
  get values(): unknown[][] {
    const b = this.need(this.b);
    return Array.from({ length: b.rows }, (_, r) =>
      Array.from({ length: b.cols }, (_, c) => {
        const v = this.def.cells[b.row + r]?.[b.col + c];
        return v === undefined || v === null ? "" : v;
      }),
    );
  }
}

class Loadable {
  loaded = false;
  constructor(protected readonly ctx: Ctx) {}
  load(_props?: string): this {
    this.ctx.pending.push(() => {
      this.loaded = true;
      return 0;
    });
    return this;
  }
  protected need<T>(v: T): T {
    if (!this.loaded) throw new Error("fake: property not loaded (load + sync first)");
    return v;
  }
}

class Table {
  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: FakeSheetDef,
    private readonly def: NonNullable<FakeSheetDef["tables"]>[number],
    private readonly loadedBy: Loadable,
  ) {}
  get name(): string {
    if (!this.loadedBy.loaded) throw new Error("fake: table not loaded");
    return this.def.name;
  }
  get id(): string {
    if (!this.loadedBy.loaded) throw new Error("fake: table not loaded");
    return `{table-${this.def.name}}`;
  }
  getRange(): Range {
    return new Range(this.ctx, this.sheet, { row: this.def.row, col: this.def.col, rows: this.def.rows, cols: this.def.cols });
  }
}

class Tables extends Loadable {
  constructor(
    ctx: Ctx,
    private readonly sheet: FakeSheetDef,
  ) {
    super(ctx);
  }
  get items(): Table[] {
    return this.need((this.sheet.tables ?? []).map((t) => new Table(this.ctx, this.sheet, t, this)));
  }
}

class Sheet {
  readonly tables: Tables;
  constructor(
    private readonly ctx: Ctx,
    readonly def: FakeSheetDef,
    private readonly index: number,
    private readonly list: Loadable,
  ) {
    this.tables = new Tables(ctx, def);
  }
  get name(): string {
    return this.list.loaded ? this.def.name : fail();
  }
  get id(): string {
    return this.list.loaded ? `{sheet-${this.index}}` : fail();
  }
  get visibility(): string {
    return this.list.loaded ? (this.def.visibility ?? "Visible") : fail();
  }
  getUsedRangeOrNullObject(): Range {
    let r1 = Infinity, r2 = -1, c1 = Infinity, c2 = -1;
    this.def.cells.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v === undefined || v === null || v === "") return;
        r1 = Math.min(r1, r); r2 = Math.max(r2, r); c1 = Math.min(c1, c); c2 = Math.max(c2, c);
      }),
    );
    return new Range(this.ctx, this.def, r2 < 0 ? null : { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    if (rows < 1 || cols < 1) throw new Error("fake: empty range");
    return new Range(this.ctx, this.def, { row, col, rows, cols });
  }
}

function fail(): never {
  throw new Error("fake: worksheet list not loaded");
}

class Sheets extends Loadable {
  constructor(
    ctx: Ctx,
    private readonly defs: FakeSheetDef[],
  ) {
    super(ctx);
  }
  get items(): Sheet[] {
    return this.need(this.defs.map((d, i) => new Sheet(this.ctx, d, i + 1, this)));
  }
}

/** `workbook.functions.date`, evaluated in the workbook's date system (as test/excel/fake-excel.ts's FakeFunctions). */
class Functions {
  constructor(
    private readonly ctx: Ctx,
    private readonly system: 1900 | 1904,
  ) {}
  date(year: number, month: number, day: number): { load(props: string): unknown; readonly value: number } {
    const serial = Date.UTC(year, month - 1, day) / 86_400_000 + 25_569 - (this.system === 1904 ? 1462 : 0);
    const result = new (class extends Loadable {
      get value(): number {
        return this.need(serial);
      }
    })(this.ctx);
    return result;
  }
}

/**
 * A fake context over `sheets`; `syncs` lists the cells carried by each sync. `dateSystem`: the workbook's date
 * system as `workbook.functions.date` shows it; absent: no `workbook.functions` (the pane assumes 1900).
 */
export function fakeContext(sheets: FakeSheetDef[], options: { dateSystem?: 1900 | 1904 } = {}): { context: Excel.RequestContext; syncs: number[] } {
  const ctx = new Ctx();
  const worksheets = new Sheets(ctx, sheets);
  const functions = options.dateSystem === undefined ? {} : { functions: new Functions(ctx, options.dateSystem) };
  const context = { workbook: { worksheets, ...functions }, sync: () => ctx.sync() };
  // Test boundary: the fake has only the members the all-sheets glue uses.
  return { context: context as unknown as Excel.RequestContext, syncs: ctx.syncs };
}
