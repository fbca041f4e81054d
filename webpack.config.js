/* Build: the shared-runtime page (taskpane.html) hosting the KOR.* custom functions and the task pane,
   functions.json (+ functions-nl.json) metadata, the manifest and the icons, into dist/. The command
   line (kor-check) is compiled separately by tsc (scripts in package.json). */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsNlPlugin } = require("./scripts/functions-nl");

const urlDev = "https://localhost:3000/";
// Where the add-in is published. Replace by your own HTTPS host before distributing the manifest.
const urlProd = process.env.KOR_ADDIN_URL || "https://localhost:3000/";

async function httpsOptions() {
  // Office desktop only loads add-ins over trusted HTTPS: use the office-addin-dev-certs certificates.
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = !(env && env.WEBPACK_BUILD);
  return {
    devtool: "source-map",
    entry: {
      // The functions must register (CustomFunctions.associate) before any pane code runs: own chunk, first.
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: { keep: /^cli\// },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ES modules for webpack, so `import()` (exceljs in browser mode) becomes a separate chunk.
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", compilerOptions: { module: "es2020" } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // functions.json + data-type flags, and functions-nl.json (Dutch help, same ids) for the nl manifest override.
      new FunctionsNlPlugin({ input: "functions.json", output: "functions-nl.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : "https",
    },
  };
};
