/** Shown at once while the figures are counted: on a large desk, that takes a moment. */
export default function StatisticsLoading() {
  return (
    <div className="page">
      <h1>Statistics</h1>
      <p role="status" className="muted">
        Counting the desk&apos;s figures…
      </p>
    </div>
  );
}
