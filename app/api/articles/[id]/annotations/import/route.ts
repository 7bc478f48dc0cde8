import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { importW3cAnnotations } from "@/lib/interop/w3c/import";
import { MAX_IMPORT_BYTES } from "@/lib/interop/w3c/import-input";

/** Imports a W3C annotation document (JSON, at most 5 MB) as drafts: `{placed, checkPlacement, unplaced}`. Editors only. */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({ imported: await importW3cAnnotations(db, actor, params.id, await readJsonBody(request, MAX_IMPORT_BYTES)) }),
  { noun: "article" },
);
