// Lint: typescript-eslint's recommended rules everywhere, plus the Office.js discipline rules of
// eslint-plugin-office-addins (no context.sync() in loops, load before read, sync before read).
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const office = officeAddins.default ?? officeAddins;

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-artifacts/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": office },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Excel hands custom functions `any[][]`; that is where `any` is allowed, and nowhere else.
    files: ["src/functions/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
