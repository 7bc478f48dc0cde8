/** A comment of an annotation's discussion, as the API and the UI read it. A deleted one keeps its place with an empty body. */
export type CommentRecord = {
  id: string;
  annotationId: string;
  parentId: string | null;
  author: { id: string; name: string };
  body: string;
  mentions: { id: string; name: string }[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** Who resolved the thread this comment starts, and when; null while it is open, and on replies. */
  resolution: { by: { id: string; name: string }; at: string } | null;
};

/** A comment and its replies, oldest first. */
export type CommentThread = CommentRecord & { replies: CommentRecord[] };

/** Top-level comments with their replies, both oldest first, from comments in creation order. */
export function threadsOf(comments: CommentRecord[]): CommentThread[] {
  const threads = new Map<string, CommentThread>();
  for (const comment of comments) if (!comment.parentId) threads.set(comment.id, { ...comment, replies: [] });
  for (const comment of comments) if (comment.parentId) threads.get(comment.parentId)?.replies.push(comment);
  return [...threads.values()];
}

/**
 * The body cut into text and mentions, for display as text (never as HTML): each "@Name" of a
 * mentioned colleague becomes a mention part.
 */
export function bodyParts(body: string, mentions: { id: string; name: string }[]): ({ text: string } | { mention: { id: string; name: string } })[] {
  const names = [...mentions].sort((a, b) => b.name.length - a.name.length);
  const parts: ({ text: string } | { mention: { id: string; name: string } })[] = [];
  let text = "";
  for (let at = 0; at < body.length; ) {
    const mention = body[at] === "@" ? names.find((m) => body.startsWith(m.name, at + 1)) : undefined;
    if (mention) {
      if (text) parts.push({ text });
      parts.push({ mention });
      text = "";
      at += mention.name.length + 1;
    } else text += body[at++];
  }
  if (text) parts.push({ text });
  return parts;
}
