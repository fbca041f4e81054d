import * as fs from "fs";
import { startE2E } from "../test/e2e/support/browser";
async function main() {
  const e2e = await startE2E();
  const page = await e2e.newPage({ officeStub: "" });
  await page.goto(e2e.baseUrl + "taskpane.html");
  await page.getByTestId("headline").waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await page.getByTestId("file-input").setInputFiles("/tmp/d-100k.xlsx");
  await page.getByTestId("source").filter({ hasText: "d-100k.xlsx" }).waitFor({ timeout: 120_000 });
  const { profile } = (await cdp.send("Profiler.stop")) as any;
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const self = new Map<string, number>();
  const dt = profile.timeDeltas as number[];
  profile.samples.forEach((id: number, i: number) => {
    const n = byId.get(id); const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log("total ms", total.toFixed(0));
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(8), k);
  await e2e.close();
}
main();
