/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // tsconfig.jest.json: CommonJS output, so that lazy `import()` (mammoth) runs under jest's module system.
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }],
  },
  testTimeout: 60000,
};
