// axe-core in a page or frame of the end-to-end tests: the violations it finds (none expected).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axe = require('axe-core');

async function inject(target) {
  const loaded = await target.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await target.evaluate(axe.source);
}

/**
 * Runs axe-core (WCAG 2 A and AA rules and best practices) in a Playwright page or frame. On a
 * page, axe goes into its frames too, so an embedded widget is checked as part of the host page
 * (page-level rules such as one main landmark apply to the page, not to the iframe).
 */
export async function axeViolations(target) {
  const frames = typeof target.frames === 'function' ? target.frames() : [target];
  for (const frame of frames) await inject(frame);
  const result = await target.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

/** Fails, listing each problem axe-core finds on the page or frame as it is now. */
export async function assertAccessible(target, what) {
  const violations = await axeViolations(target);
  if (violations.length > 0) {
    throw new Error(
      `axe-core found ${violations.length} problem(s) on ${what}:\n${JSON.stringify(violations, null, 2)}`,
    );
  }
}
