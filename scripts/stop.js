/* npm stop: stop what `npm start` started. */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const pidFile = path.join(root, ".kor-start.pid");

if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the KOR server (pid ${pid}).`);
  } catch {
    console.log("The KOR server was not running.");
  }
  fs.unlinkSync(pidFile);
} else if (process.platform === "win32" || process.platform === "darwin") {
  spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
} else {
  console.log("Nothing to stop: `npm start` is not running.");
}
