/** npm run bench: every speed figure of the project, each next to its floor and the ratio. */
import * as os from "os";
import { benchSummary } from "./summary";
import { benchFunctions } from "./functions";
import { benchBulk } from "./bulk";
import { benchXaf } from "./xaf";
import { benchPool } from "./pool";

async function main(): Promise<void> {
  console.log(`KOR for Excel benchmarks — node ${process.version}, ${os.cpus().length} cores`);
  benchSummary();
  benchFunctions();
  await benchBulk();
  benchXaf();
  await benchPool();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
