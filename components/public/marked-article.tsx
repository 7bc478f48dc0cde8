import type { ReactNode } from "react";
import type { Verdict } from "@/lib/annotations/verdicts";
import type { MarkedNode, TextStyle } from "@/lib/publishing/marked-text";

type Props = { nodes: MarkedNode[]; verdicts: ReadonlyMap<string, Verdict | null> };

function styled(text: string, style: TextStyle): ReactNode {
  let content: ReactNode = text;
  if (style.em) content = <em>{content}</em>;
  if (style.strong) content = <strong>{content}</strong>;
  if (style.href) {
    content = (
      <a href={style.href} rel="nofollow noopener ugc">
        {content}
      </a>
    );
  }
  return content;
}

function render(node: MarkedNode, key: number, verdicts: Props["verdicts"]): ReactNode {
  if (node.kind === "block") {
    const Tag = node.tag;
    return <Tag key={key}>{node.children.map((child, index) => render(child, index, verdicts))}</Tag>;
  }
  if (node.kind === "note-ref") {
    return (
      <sup key={key} className="claim-ref">
        <a href={`#claim-${node.claimId}`} aria-label={`Fact-check ${node.number}`}>
          {node.number}
        </a>
      </sup>
    );
  }
  const text = styled(node.text, node.style);
  if (node.claimIds.length === 0) return <span key={key}>{text}</span>;
  // The innermost claim (the last to start) colours the run; every claim's note is one link away.
  const innermost = node.claimIds[node.claimIds.length - 1]!;
  const verdict = verdicts.get(innermost) ?? null;
  return (
    <mark key={key} id={node.startsClaim ? `claim-text-${node.startsClaim}` : undefined} className={`claim-mark claim-mark--${verdict ?? "none"}`} data-claim={innermost}>
      {text}
    </mark>
  );
}

/** The article's text as server-rendered HTML, its approved claims highlighted and numbered. Text is escaped by React: nothing typed becomes markup. */
export function MarkedArticle({ nodes, verdicts }: Props) {
  return <div className="public-article__text">{nodes.map((node, index) => render(node, index, verdicts))}</div>;
}
