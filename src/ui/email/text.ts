/**
 * Wraps a paragraph at `width` characters for the plain-text part, which some people read in
 * terminals and narrow clients. Words longer than a line (addresses) are left whole.
 */
export function wrapText(paragraph: string, width = 72): string {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join("\n");
}
