"use client";

import { useEffect, useId, useState } from "react";
import type { Claimant } from "@/lib/annotations/claimant";
import type { EarlierCheck } from "@/lib/annotations/earlier-checks";
import { VERDICT_LABELS, type Verdict } from "@/lib/annotations/verdicts";
import { ClaimantLine } from "../claimant-line";
import { annotationApi } from "./annotation-api";
import { DeskTime } from "../time-zone";
import { SourceList } from "./source-list";
import { VerdictBadge } from "./status-badge";

/** The approved claims like `quote`, asked when the quote changes; empty until they come, and when they cannot. */
function useEarlierChecks(quote: string, except: string | undefined): EarlierCheck[] {
  const key = `${except ?? ""}:${quote}`;
  const [answer, setAnswer] = useState<{ key: string; checks: EarlierCheck[] } | null>(null);
  useEffect(() => {
    if (!quote.trim()) return;
    let current = true;
    annotationApi.earlierChecks(quote, except).then(
      (checks) => current && setAnswer({ key, checks }),
      // Only a help to the fact-checker: without it, the claim is checked as it would have been.
      () => current && setAnswer({ key, checks: [] }),
    );
    return () => {
      current = false;
    };
  }, [quote, except, key]);
  return answer?.key === key ? answer.checks : [];
}

type Props = {
  quote: string;
  /** The article being read: its own claims say "this article". */
  articleId: string;
  /** The claim itself, left out. */
  except?: string;
  /** This claim's verdict, if it has one: an earlier check that found otherwise says so. */
  verdict: Verdict | null;
  /** In a form: offers "Use its sources", which adds the earlier claim's sources to the form's. */
  onUseSources?(check: EarlierCheck): void;
  /** In a form where nobody is named yet: offers "Use its claimant", which names the earlier claim's. */
  onUseClaimant?(claimant: Claimant): void;
  /** In a card, where the claim's own content comes first: one line that opens the list. */
  collapsed?: boolean;
};

/**
 * The claims the desk approved that are like this one, on any article: their verdict, reasons and
 * sources, so that a claim repeated from one story to the next is checked once and judged alike.
 * Shows nothing when there are none.
 */
export function EarlierChecks({ quote, articleId, except, verdict, onUseSources, onUseClaimant, collapsed = false }: Props) {
  const checks = useEarlierChecks(quote, except);
  const headingId = useId();
  const [used, setUsed] = useState<ReadonlySet<string>>(new Set());
  if (checks.length === 0) return null;

  const differs = (check: EarlierCheck) => !!verdict && !!check.verdict && check.verdict !== verdict;
  const title =
    (checks.length === 1 ? "An approved claim like this one" : `${checks.length} approved claims like this one`) +
    (checks.some(differs) ? ", with another verdict" : "");
  const list = (
    <ol className="earlier-checks__list">
      {checks.map((check) => (
        <li key={check.id} className="earlier-check">
          <p className="earlier-check__claim">
            <VerdictBadge verdict={check.verdict} /> <q>{check.quote}</q>
          </p>
          <ClaimantLine claimant={check.claimant} className="earlier-check__claimant" />
          {onUseClaimant && check.claimant && (
            <button type="button" className="secondary" aria-label={`Use its claimant, ${check.claimant.name}`} onClick={() => onUseClaimant(check.claimant!)}>
              Use its claimant
            </button>
          )}
          <p className="muted">
            In{" "}
            <a href={`/articles/${check.article.id}?annotation=${check.id}`} target="_blank" rel="noopener">
              {check.article.id === articleId ? "this article" : check.article.title}
            </a>
            , approved <DeskTime at={check.approvedAt} />
          </p>
          {check.alsoIn.length > 0 && (
            <p className="muted">
              Also approved in the same words{check.claimant ? ", from the same claimant" : ""}, with the same verdict, in{" "}
              {check.alsoIn.map((other, index) => (
                <span key={other.id}>
                  {index > 0 && ", "}
                  <a href={`/articles/${other.article.id}?annotation=${other.id}`} target="_blank" rel="noopener">
                    {other.article.id === articleId ? "this article" : other.article.title}
                  </a>
                </span>
              ))}
              .
            </p>
          )}
          {differs(check) && (
            <p className="earlier-check__verdict">
              Another verdict: it was found {VERDICT_LABELS[check.verdict!].toLowerCase()}, this claim {VERDICT_LABELS[verdict!].toLowerCase()}.
            </p>
          )}
          {check.otherFigures && (
            <p className="earlier-check__figures">
              Other figures: it says {check.otherFigures.theirs.join(", ")}; this claim{" "}
              {check.otherFigures.ours.length ? `says ${check.otherFigures.ours.join(", ")}` : "gives none"}.
            </p>
          )}
          <details className="earlier-check__details">
            <summary>
              Explanation and {check.sources.length} {check.sources.length === 1 ? "source" : "sources"}
            </summary>
            <p className="claim-card__explanation">{check.explanation || <span className="muted">No explanation.</span>}</p>
            <SourceList sources={check.sources} />
          </details>
          {onUseSources && check.sources.length > 0 && (
            <button
              type="button"
              className="secondary"
              disabled={used.has(check.id)}
              onClick={() => {
                onUseSources(check);
                setUsed(new Set(used).add(check.id));
              }}
            >
              {used.has(check.id) ? "Its sources are in the form" : "Use its sources"}
            </button>
          )}
        </li>
      ))}
    </ol>
  );

  if (collapsed) {
    return (
      <details className="earlier-checks">
        <summary>{title}</summary>
        {list}
      </details>
    );
  }
  return (
    <section className="earlier-checks" aria-labelledby={headingId}>
      <h3 className="section-title" id={headingId}>
        {title}
      </h3>
      {list}
    </section>
  );
}
