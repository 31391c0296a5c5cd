// Pale backgrounds chosen so dark initials keep at least 4.5:1 contrast.
const palette = ["#c7d2fe", "#bbf7d0", "#fde68a", "#fecaca", "#bae6fd", "#e9d5ff", "#fed7aa", "#a7f3d0"];

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

function colourFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? "#c7d2fe";
}

export function Avatar({ name, large }: { name: string; large?: boolean }) {
  return (
    <span
      class={large ? "avatar avatar-large" : "avatar"}
      style={`background:${colourFor(name)}`}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
