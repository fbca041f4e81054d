/** Jest: unit tests (fast, no browser) and e2e tests (build output in Debian Chromium). */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }];
module.exports = {
  reporters: ["default", "<rootDir>/test/support/plain-summary-reporter.js"],
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/test/e2e/"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/test/e2e/**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      testTimeout: 120000,
      setupFilesAfterEnv: ["<rootDir>/test/support/e2e-timeout.js"],
    },
  ],
};
