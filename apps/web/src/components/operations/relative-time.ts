/** "40 s ago", "in 14 min": coarse enough for freshness lines, computed against `now`. */
export function relativeTime(value: string | Date | null, now = Date.now()): string {
  if (!value) return "never";
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  const magnitude = Math.abs(seconds);
  const [amount, unit] =
    magnitude < 60 ? [magnitude, "s"] : magnitude < 3600 ? [Math.round(magnitude / 60), "min"] : magnitude < 86_400 ? [Math.round(magnitude / 3600), "h"] : [Math.round(magnitude / 86_400), "d"];
  return seconds < 0 ? `${amount} ${unit} ago` : seconds === 0 ? "now" : `in ${amount} ${unit}`;
}
