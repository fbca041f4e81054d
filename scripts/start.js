/* npm start: build the add-in and make it usable.
   - Windows / macOS with desktop Excel: office-addin-debugging sideloads manifest.xml into Excel and runs
     the HTTPS dev server (it is an optional dependency: it installs there, not on Linux).
   - Elsewhere (Linux, CI, no Excel): serve dist/ on http://localhost:3000 and print the URL of the panel,
     which runs in a plain browser over a sample workbook or your own .xlsx/.csv file. `npm stop` ends it. */
const { spawnSync, spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const pidFile = path.join(root, ".kor-start.pid");
const port = Number(process.env.npm_package_config_dev_server_port || process.env.PORT || 3000);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) process.exit(r.status || 1);
}

function hasDebugging() {
  try {
    require.resolve("office-addin-debugging/package.json", { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

// No telemetry from the office-addin tools.
spawnSync(process.execPath, [path.join(root, "node_modules", "office-addin-usage-data", "cli.js"), "off"], { cwd: root, stdio: "ignore" });

if ((process.platform === "win32" || process.platform === "darwin") && hasDebugging() && !process.env.KOR_BROWSER_ONLY) {
  run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  run("npx", ["webpack", "--mode", "development"]);
  const child = spawn(process.execPath, [path.join(__dirname, "serve.js"), path.join(root, "dist"), String(port)], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  fs.writeFileSync(pidFile, String(child.pid));
  const url = `http://localhost:${port}/taskpane.html`;
  console.log("");
  console.log("KOR for Excel is built and served on this machine only.");
  console.log(`  Panel in a browser (sample workbook, or open your own .xlsx/.csv): ${url}`);
  console.log(`  Manifest for sideloading: http://localhost:${port}/manifest.xml`);
  if (!hasDebugging()) console.log("  (No desktop Excel sideloading here: office-addin-debugging supports Windows and macOS.)");
  console.log("Stop with `npm stop` (or Ctrl+C).");
  child.on("exit", (code) => {
    try { fs.unlinkSync(pidFile); } catch { /* already gone */ }
    process.exit(code || 0);
  });
  process.on("SIGINT", () => child.kill("SIGINT"));
  process.on("SIGTERM", () => child.kill("SIGTERM"));
}
