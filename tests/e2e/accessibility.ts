import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** WCAG 2.0 and 2.1, levels A and AA: the level newsrooms' accessibility policies and the EU's EN 301 549 ask for. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** What fails the check: a minor or moderate finding is printed, but only these stop a page from passing. */
const BLOCKING_IMPACTS = ["serious", "critical"];

/** One violation per paragraph: the rule, its impact and help page, then each element it was found on and why. */
function describeViolations(violations: Violation[]): string {
  return violations
    .map((violation) =>
      [
        `[${violation.impact ?? "unknown"}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
        ...violation.nodes.map((node) => `  at ${node.target.join(" ")}\n    ${(node.failureSummary ?? "").replaceAll("\n", "\n    ")}`),
      ].join("\n"),
    )
    .join("\n\n");
}

/**
 * Runs axe over the page as it is now and fails on any serious or critical WCAG A/AA violation,
 * naming each rule and element. Minor and moderate findings, and the rules axe could not decide
 * (contrast over a translucent highlight, say), are printed for whoever reads the log.
 * The assertion is soft: the test goes on (a later step, or a later spec that needs its users, still runs) and fails at its end.
 */
export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const { violations, incomplete } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (incomplete.length) console.log(`${what}: axe could not decide, a person should check: ${incomplete.map((rule) => `${rule.id} (${rule.nodes.length})`).join(", ")}`);
  const blocking = violations.filter((violation) => BLOCKING_IMPACTS.includes(violation.impact ?? ""));
  const others = violations.filter((violation) => !blocking.includes(violation));
  if (others.length) console.log(`${what}: minor or moderate accessibility findings:\n${describeViolations(others)}`);
  expect.soft(blocking.map((violation) => violation.id), `${what}: serious or critical accessibility violations:\n${describeViolations(blocking)}`).toEqual([]);
}
