// Mocha's spec output for people, plus the counts as JSON for test/run-all.sh (which must
// not scrape coloured text): written to $MARGINALIA_RESULTS when it is set.
// Usage: mocha --reporter test/harness/summary-reporter.js ...
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const summary = { passed: 0, failed: 0, skipped: 0, failures: [] };
    runner.on(EVENT_TEST_PASS, () => { summary.passed++; });
    runner.on(EVENT_TEST_PENDING, () => { summary.skipped++; }); // test.skip, this.skip(), or no `it` body
    // Counts hook failures too ("before all" hook), which mocha reports as failures.
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      summary.failed++;
      summary.failures.push({ title: test.fullTitle(), error: String((err && err.message) || err) });
    });
    runner.once(EVENT_RUN_END, () => {
      const out = process.env.MARGINALIA_RESULTS;
      if (!out) return;
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify(summary, null, 1));
    });
  }
}

module.exports = SummaryReporter;
