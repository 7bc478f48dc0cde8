import { newsroomConfig } from "@/lib/newsroom/config";
import { publicIndexUrl } from "@/lib/publishing/atom-feed";
import { answerReaderForm } from "@/lib/reader-messages/form-post";
import { receiveReaderTip } from "@/lib/reader-messages/receive";

/** A reader's tip, a claim they would like checked, from the index of fact-checks' form (`answerReaderForm`); anyone may send one. */
export async function POST(request: Request): Promise<Response> {
  return answerReaderForm(request, receiveReaderTip, (query) => `${publicIndexUrl(newsroomConfig().appUrl)}${query && `?${query}`}#suggest`);
}
