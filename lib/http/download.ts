/** A file to save: its bytes, under `name`, never cached. */
export function download(bytes: Uint8Array, name: string, contentType: string): Response {
  return new Response(Uint8Array.from(bytes), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${name.replace(/["\\\r\n]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
