/** How many new things a header link leads to, as a badge read as "3 new"; nothing at none. */
export function HeaderCount({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <>
      {" "}
      <span className="site-header__count">{count > 99 ? "99+" : count}</span>
      <span className="visually-hidden"> new</span>
    </>
  );
}
