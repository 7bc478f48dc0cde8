import { UnavailableEmbed } from "@/components/public/claim-embed";
import "@/components/public/public-page.css";
import { newsroomConfig } from "@/lib/newsroom/config";

/** An embed of what readers may not see (any more): it says so inside the host's page, with a way on. */
export default function EmbedNotFound() {
  const newsroom = newsroomConfig();
  return <UnavailableEmbed newsroomName={newsroom.name} indexUrl={`${newsroom.appUrl}/p`} />;
}
