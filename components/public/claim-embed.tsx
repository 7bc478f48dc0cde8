import type { ReactNode } from "react";
import { VERDICT_LABELS } from "@/lib/annotations/verdicts";
import { EMBED_HEIGHT_MESSAGE } from "@/lib/publishing/embed";
import type { EmbedArticle, EmbeddedClaim } from "@/lib/publishing/public-claim";
import { publicDay } from "@/lib/publishing/public-dates";
import { ClaimantLine } from "../claimant-line";
import { PublicSourceItems, PublicVerdict } from "./public-claim-parts";
import { PublicDate } from "./public-corrections";
import "./claim-embed.css";

type Props = { embedded: EmbeddedClaim; newsroomName: string; pageUrl: string; claimUrl: string };

/** Where "Read the full fact-check" leads: the claim's note, or, off the page, what the page says of it. */
function moreUrl({ embedded, pageUrl, claimUrl }: Props): string {
  if (embedded.kind === "shown") return claimUrl;
  return embedded.kind === "withdrawn" ? `${pageUrl}#corrections` : pageUrl;
}

/**
 * A claim's fact-check inside another site's page: what the public page says of it now, compact, every
 * link opening a new tab (never the frame). A rating withdrawn for another review says so, without it.
 */
export function ClaimEmbed(props: Props) {
  const { embedded, newsroomName, pageUrl } = props;
  const quote = embedded.kind === "shown" ? embedded.claim.quote : embedded.quote;
  return (
    <EmbedFrame newsroomName={newsroomName}>
      <blockquote className="claim-embed__quote">
        <p>“{quote}”</p>
      </blockquote>
      <ArticleLine article={embedded.article} pageUrl={pageUrl} />
      {embedded.kind === "shown" && <ShownClaim embedded={embedded} pageUrl={pageUrl} />}
      {embedded.kind === "withdrawn" && (
        <>
          <p className="claim-embed__notice">
            <strong>Rating withdrawn.</strong> On <PublicDate at={embedded.at} /> we withdrew our rating of this claim to review it again.
          </p>
          {embedded.note && <p className="claim-embed__note">{embedded.note}</p>}
        </>
      )}
      {embedded.kind === "updating" && (
        <p className="claim-embed__notice">
          <strong>Being updated.</strong> The article was revised and this fact-check is being checked against its new text.
        </p>
      )}
      <p className="claim-embed__more">
        <a href={moreUrl(props)} target="_blank" rel="noopener">
          Read the full fact-check<span className="visually-hidden"> on {newsroomName}</span>
        </a>
      </p>
    </EmbedFrame>
  );
}

/** What an embed shows for a claim that is not, or no longer, public. */
export function UnavailableEmbed({ newsroomName, indexUrl }: { newsroomName: string; indexUrl: string }) {
  return (
    <EmbedFrame newsroomName={newsroomName}>
      <p className="claim-embed__notice">
        <strong>This fact-check is not available.</strong> It may have been taken down.
      </p>
      <p className="claim-embed__more">
        <a href={indexUrl} target="_blank" rel="noopener">
          See all fact-checks<span className="visually-hidden"> by {newsroomName}</span>
        </a>
      </p>
    </EmbedFrame>
  );
}

/** The embed's card, and the script that keeps its host's iframe as high as the card. */
export function EmbedFrame({ newsroomName, children }: { newsroomName: string; children: ReactNode }) {
  return (
    <article className="claim-embed" aria-label={`Fact-check by ${newsroomName}`}>
      <header className="claim-embed__masthead">
        <span>{newsroomName}</span>
        <span className="claim-embed__kicker">Fact-check</span>
      </header>
      {children}
      <script dangerouslySetInnerHTML={{ __html: REPORT_HEIGHT }} />
    </article>
  );
}

function ArticleLine({ article, pageUrl }: { article: EmbedArticle; pageUrl: string }) {
  return (
    <p className="claim-embed__article">
      In{" "}
      <a href={pageUrl} target="_blank" rel="noopener">
        {article.title}
      </a>
      {article.byline && <> · {article.byline}</>}
    </p>
  );
}

function ShownClaim({ embedded, pageUrl }: { embedded: Extract<EmbeddedClaim, { kind: "shown" }>; pageUrl: string }) {
  const { claim, ratedBefore } = embedded;
  return (
    <>
      <ClaimantLine claimant={claim.claimant} className="claim-embed__claimant" />
      <p className="claim-embed__verdict">
        <PublicVerdict verdict={claim.verdict} />
      </p>
      {claim.explanation && <p className="claim-embed__explanation">{claim.explanation}</p>}
      {claim.sources.length > 0 && (
        <div className="claim-embed__sources">
          <h2>Sources</h2>
          <PublicSourceItems sources={claim.sources} newTab archived={false} />
        </div>
      )}
      <p className="claim-embed__meta muted">
        Checked {publicDay(claim.approvedAt)}
        {claim.approvedBy && <> · reviewed by {claim.approvedBy}</>}
        {ratedBefore && (
          <>
            {" · "}
            <a href={`${pageUrl}#corrections`} target="_blank" rel="noopener">
              Corrected on {publicDay(ratedBefore.at)}: rated {VERDICT_LABELS[ratedBefore.from]} before
            </a>
          </>
        )}
      </p>
    </>
  );
}

/**
 * Posts the card's height to the host page whenever it changes (fonts loading, a narrower frame), for
 * the embed code's script to size the iframe. Not framed, it does nothing. The height is no secret: any
 * host may read it.
 */
const REPORT_HEIGHT = `(function(){if(window.parent===window)return;var c=document.currentScript.parentNode;
function r(){window.parent.postMessage({type:${JSON.stringify(EMBED_HEIGHT_MESSAGE)},height:Math.ceil(c.getBoundingClientRect().bottom+window.scrollY+2)},"*");}
r();window.addEventListener("load",r);if(window.ResizeObserver)new ResizeObserver(r).observe(c);})();`;
