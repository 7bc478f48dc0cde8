import { newsroomConfig } from "@/lib/newsroom/config";
import { publicPageUrl } from "@/lib/publishing/claim-review";
import { answerReaderForm } from "@/lib/reader-messages/form-post";
import { receiveReaderMessage } from "@/lib/reader-messages/receive";

type Params = { params: Promise<{ slug: string }> };

/** A reader's message to the desk about the fact-check at /p/<slug>, from its form (`answerReaderForm`). */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  return answerReaderForm(
    request,
    (db, input, sender) => receiveReaderMessage(db, slug, input, sender),
    (query) => `${publicPageUrl(newsroomConfig().appUrl, slug)}${query && `?${query}`}#tell-us`,
  );
}
