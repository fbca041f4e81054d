/* Prints one plain closing line after jest's own summary, e.g. "jest: 1182 passed, 0 failed, 3 skipped",
   so CI logs can be read without knowing jest's format. */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed` + (skipped > 0 ? `, ${skipped} skipped` : "");
    process.stdout.write(`\n${line}\n`);
  }
}
module.exports = PlainSummaryReporter;
