import { deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

const annotation = { noun: "annotation" };

export const GET = apiRoute<{ id: string }>(
  async ({ db, actor, params }) => ({ annotation: await getAnnotation(db, actor, params.id) }),
  annotation,
);

export const PATCH = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({
    annotation: await updateAnnotation(db, actor, params.id, await readJsonBody(request)),
  }),
  annotation,
);

/** Deletes the annotation at `?version=N`, the version the client last read. */
export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, params, request }) => {
  await deleteAnnotation(db, actor, params.id, new URL(request.url).searchParams.get("version") ?? undefined);
  return new Response(null, { status: 204 });
}, annotation);
