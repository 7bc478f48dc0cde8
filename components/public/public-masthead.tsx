import Link from "next/link";
import type { NewsroomConfig } from "@/lib/newsroom/config";

/** The newsroom's name, linking to its site, over every public page, and the way to all its fact-checks. */
export function PublicMasthead({ newsroom }: { newsroom: NewsroomConfig }) {
  return (
    <header className="public-page__masthead">
      {newsroom.url ? <a href={newsroom.url}>{newsroom.name}</a> : <span>{newsroom.name}</span>}
      <Link className="public-page__kicker" href="/p">
        Fact-checks
      </Link>
    </header>
  );
}
