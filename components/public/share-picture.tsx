import { VERDICT_LABELS, type Verdict } from "@/lib/annotations/verdicts";
import { describeTally } from "@/lib/publishing/public-index";
import type { ShareCard } from "@/lib/publishing/share-card";
import { shortened } from "@/lib/shortened";

/** The share picture's size, the one social networks crop least. */
export const SHARE_PICTURE_SIZE = { width: 1200, height: 630 };

/** The verdict badges' colours on the public page (public-page.css), for the picture. */
const BADGE_COLOURS: Record<Verdict | "none", string> = {
  true: "#1b6e35",
  mostly_true: "#3f6f1f",
  half_true: "#7a5c00",
  mostly_false: "#a54b06",
  false: "#b3261e",
  misleading: "#7b1f94",
  unproven: "#4a5f69",
  none: "#4a5560",
};

/**
 * The picture a link to a public page shows where it is shared (social media, chats): the newsroom, the
 * article's title and its claims counted by verdict. Drawn by next/og (satori), which knows flexbox only.
 */
export function SharePicture({ card, newsroomName }: { card: ShareCard; newsroomName: string }) {
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#fbfaf7", padding: "56px 64px", color: "#1a1a1a" }}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline", borderBottom: "4px solid #1a1a1a", paddingBottom: 16 }}>
        <div style={{ display: "flex", fontSize: 36, fontWeight: 700 }}>{shortened(newsroomName, 40)}</div>
        <div style={{ display: "flex", fontSize: 26, letterSpacing: 4, color: "#8a1c1c" }}>FACT-CHECK</div>
      </div>
      <div style={{ display: "flex", flexGrow: 1, alignItems: "center", fontSize: card.title.length > 70 ? 52 : 64, lineHeight: 1.15, fontWeight: 700 }}>
        {shortened(card.title, 120)}
      </div>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 14 }}>
        {card.verdicts.length === 0 ? (
          <div style={{ display: "flex", fontSize: 30, color: "#4a4f57" }}>No claim checked yet</div>
        ) : (
          card.verdicts.slice(0, 6).map(({ verdict, count }) => (
            <div key={verdict ?? "none"} style={{ display: "flex", fontSize: 30, color: "#fff", background: BADGE_COLOURS[verdict ?? "none"], borderRadius: 6, padding: "6px 18px" }}>
              {`${count} ${verdict ? VERDICT_LABELS[verdict] : "No verdict"}`}
            </div>
          ))
        )}
      </div>
      <div style={{ display: "flex", marginTop: 22, fontSize: 26, color: "#4a4f57" }}>
        {shortened([card.verdicts.length > 0 && describeTally(card.verdicts).split(":")[0], card.byline].filter(Boolean).join(" · "), 80)}
      </div>
    </div>
  );
}
