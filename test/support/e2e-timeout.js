// The e2e suites start Chromium in their beforeAll hooks; under load that takes longer than Jest's default
// 5 s hook timeout (the project-level testTimeout does not reach hooks in every suite). One budget for all.
jest.setTimeout(120000);
