import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", ".opentrain/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    // Domain code reads time from the injected clock only.
    files: ["packages/server/src/services/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Use ctx.clock.now().",
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Use ctx.clock.now()." },
      ],
    },
  },
  {
    // Only services and the db layer touch the database.
    files: [
      "packages/server/src/handlers/**/*.ts",
      "packages/server/src/web/**/*.ts",
      "packages/server/src/http/**/*.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/db/schema.js", "drizzle-orm", "drizzle-orm/*"], message: "Call a service instead." },
          ],
        },
      ],
    },
  },
);
