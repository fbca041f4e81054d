/* `npm run package -- --host https://kor.example.nl/`: a release a firm's IT can host and deploy.
   Builds the add-in for that host (webpack, production) and writes release/kor-for-excel-<version>.zip with
     dist/          every file to publish at the host (the command line in dist/cli/ is left out)
     manifest.xml   the production manifest: every URL under the host, <Version> from package.json
   A release is refused for http:// and for localhost: Office loads add-ins over HTTPS only, and a manifest
   pointing at a developer's machine works for nobody else. See docs/deploy.md. */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const JSZip = require("jszip");

const ROOT = path.resolve(__dirname, "..");
/** The URL the source manifest.xml uses for every file (the development server). */
const DEV_URL = "https://localhost:3000/";

class ReleaseError extends Error {}

/** The host as a normalised base URL ending in "/"; throws a ReleaseError saying what is wrong. */
function releaseHost(raw) {
  if (!raw) throw new ReleaseError("Say where the add-in will be hosted: npm run package -- --host https://kor.example.nl/");
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new ReleaseError(`"${raw}" is not a URL; give the full address, e.g. https://kor.example.nl/`);
  }
  if (url.protocol !== "https:") throw new ReleaseError(`The host must use https:// (Office loads add-ins over HTTPS only), not ${url.protocol}//`);
  const name = url.hostname.toLowerCase();
  if (name === "localhost" || name.endsWith(".localhost") || name === "[::1]" || /^127\./.test(name) || name === "0.0.0.0") {
    throw new ReleaseError(`${url.host} is this computer: a release must name the host your users' Excel will load it from`);
  }
  if (url.username || url.password) throw new ReleaseError("The host URL must not contain a user name or password");
  if (url.search || url.hash) throw new ReleaseError("The host URL must not contain a query (?) or fragment (#)");
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** package.json's "1.2.3" as the manifest's four-part "1.2.3.0". */
function manifestVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(String(version));
  if (!m) throw new ReleaseError(`package.json version "${version}" must be three numbers (1.2.3) to become the manifest's <Version>`);
  return `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}.0`;
}

/** The source manifest with every development URL moved under `host` and `<Version>` set. */
function productionManifest(xml, host, version) {
  if (!xml.includes(DEV_URL)) throw new ReleaseError(`manifest.xml does not use ${DEV_URL}: nothing to move to the host`);
  let out = xml.split(DEV_URL).join(host);
  if (!/<Version>[^<]*<\/Version>/.test(out)) throw new ReleaseError("manifest.xml has no <Version>");
  out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  const stray = manifestUrls(out).filter((u) => !u.startsWith(host));
  if (stray.length > 0) throw new ReleaseError(`manifest.xml still has URLs outside ${host}: ${stray.join(", ")}`);
  return out;
}

/** Every http(s) URL in a manifest's attribute values and elements (schema namespaces excepted). */
function manifestUrls(xml) {
  const urls = Array.from(xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"|<(?:SourceLocation|IconUrl|SupportUrl)>(https?:\/\/[^<]*)</g), (m) => m[1] || m[2]);
  return [...new Set(urls)];
}

/** Files under `dir` (relative, "/"-separated), sorted; dist/cli (the command line) is not part of the add-in. */
function publishedFiles(dir) {
  const out = [];
  (function walk(rel) {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (r !== "cli") walk(r);
      } else if (entry.isFile() && r !== "manifest.xml") {
        out.push(r);
      }
    }
  })("");
  return out.sort();
}

/**
 * Writes `<outDir>/kor-for-excel-<version>.zip` from an existing production build in `dist`; returns its path.
 * The zip's manifest.xml is made here from the source manifest, so it never depends on how dist/ was built.
 */
async function packageRelease({ dist, manifestSource, host, version, outDir }) {
  const base = releaseHost(host);
  const manifest = productionManifest(fs.readFileSync(manifestSource, "utf8"), base, version);
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) throw new ReleaseError(`${dist} has no taskpane.html: build first`);
  const zip = new JSZip();
  // A fixed date: the same build gives the same zip.
  const date = new Date(Date.UTC(2020, 0, 1));
  zip.file("manifest.xml", manifest, { date, createFolders: false });
  for (const f of publishedFiles(dist)) zip.file(`dist/${f}`, fs.readFileSync(path.join(dist, f)), { date, createFolders: false });
  const data = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `kor-for-excel-${version}.zip`);
  fs.writeFileSync(file, data);
  return file;
}

function argValue(argv, name) {
  const i = argv.findIndex((a) => a === name || a.startsWith(name + "="));
  if (i < 0) return undefined;
  return argv[i].includes("=") ? argv[i].slice(name.length + 1) : argv[i + 1];
}

async function main(argv) {
  const host = releaseHost(argValue(argv, "--host") || process.env.KOR_ADDIN_URL);
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  manifestVersion(version); // refuse before the slow build
  console.log(`Building KOR for Excel ${version} for ${host} …`);
  const webpack = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  const build = spawnSync(process.execPath, [webpack, "--mode", "production"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, KOR_ADDIN_URL: host } });
  if (build.status !== 0) throw new ReleaseError("The build failed (see above); no release written.");
  const file = await packageRelease({
    dist: path.join(ROOT, "dist"),
    manifestSource: path.join(ROOT, "manifest.xml"),
    host,
    version,
    outDir: path.join(ROOT, "release"),
  });
  console.log(`Wrote ${path.relative(ROOT, file)}: publish its dist/ folder at ${host} and deploy its manifest.xml (docs/deploy.md).`);
}

module.exports = { releaseHost, manifestVersion, productionManifest, manifestUrls, publishedFiles, packageRelease, ReleaseError, DEV_URL };

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof ReleaseError ? `package: ${e.message}` : e);
    process.exit(1);
  });
}
