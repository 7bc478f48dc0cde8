import { describe, expect, it } from "vitest";
import { replacementOf } from "@/lib/revisions/orphan-replacement";

const OLD =
  "The port reopened on Friday after a week of repairs. Officials said 3,000 containers were damaged. Ships queued outside the harbour for most of the morning, and the first ferry left at noon.\nTrade resumed on Monday.";
const QUOTE = "Officials said 3,000 containers were damaged.";
const span = (text: string) => [OLD.indexOf(QUOTE), OLD.indexOf(QUOTE) + QUOTE.length, text] as const;

function replaced(newText: string): string | null {
  const [start, end] = span(newText);
  const found = replacementOf(OLD, newText, start, end);
  return found && newText.slice(found.start, found.end);
}

describe("replacementOf", () => {
  it("finds the sentence a revision rewrote in the place of the old one, in whole words", () => {
    expect(replaced(OLD.replace(QUOTE, "Port officials now put the damage at 2,400 containers."))).toBe("Port officials now put the damage at 2,400 containers.");
  });

  it("follows the text through edits elsewhere and a moved paragraph", () => {
    const newText = `Trade resumed on Monday, officials said.\n${OLD.split("\n")[0]!.replace(QUOTE, "Damage was put at 2,400 containers.")}`;
    expect(replaced(newText)).toBe("Damage was put at 2,400 containers.");
  });

  it("finds nothing where the text was deleted, or its paragraph went or was rewritten whole", () => {
    expect(replaced(OLD.replace(" " + QUOTE, ""))).toBeNull();
    expect(replaced("Trade resumed on Monday.")).toBeNull();
    expect(replaced("A storm closed the port again on Sunday.\nTrade resumed on Monday.")).toBeNull();
  });
});
