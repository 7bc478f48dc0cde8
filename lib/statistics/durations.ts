/**
 * A span of hours as a person says it, to the precision that matters at its size: "under a minute",
 * "40 min", "2 h 30 min", "3 days 4 h".
 */
export function formatHours(hours: number): string {
  if (hours * 60 < 1) return "under a minute";
  const minutes = Math.round(hours * 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const rest = minutes % 60;
    return rest ? `${Math.floor(minutes / 60)} h ${rest} min` : `${minutes / 60} h`;
  }
  const wholeHours = Math.round(hours);
  const days = Math.floor(wholeHours / 24);
  const rest = wholeHours % 24;
  return `${days} ${days === 1 ? "day" : "days"}${rest ? ` ${rest} h` : ""}`;
}
