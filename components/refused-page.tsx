/** A page the signed-in person may not see: its title, and why not. */
export function RefusedPage({ title, reason }: { title: string; reason: string }) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <p role="alert">{reason}</p>
    </div>
  );
}
