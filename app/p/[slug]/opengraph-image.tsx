import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { SharePicture, SHARE_PICTURE_SIZE } from "@/components/public/share-picture";
import { getDb } from "@/db/client";
import { newsroomConfig } from "@/lib/newsroom/config";
import { shareCardOf } from "@/lib/publishing/share-card";
import { shareFonts } from "@/lib/publishing/share-fonts";
import { isSlug } from "@/lib/publishing/slug";

export const size = SHARE_PICTURE_SIZE;
export const contentType = "image/png";
export const alt = "The fact-check's title and its claims counted by verdict";

/** The share picture of a public page, as the page shows its claims now. */
export default async function ShareImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const card = await shareCardOf(await getDb(), slug);
  if (!card) notFound();
  return new ImageResponse(<SharePicture card={card} newsroomName={newsroomConfig().name} />, { ...size, fonts: await shareFonts() });
}
